package io.jtwisted.internet.protocol;

import io.jtwisted.internet.interfaces.IProcessProtocol;
import io.jtwisted.internet.interfaces.IProcessTransport;
import io.jtwisted.python.failure.Failure;

/**
 * The base class of process protocols, as Twisted's {@code twisted.internet.protocol.ProcessProtocol}:
 * override the events you care about. {@link #childDataReceived} hands stdout to {@link
 * #outReceived} and stderr to {@link #errReceived}; {@link #childConnectionLost} hands the
 * closing of stdin, stdout and stderr to {@link #inConnectionLost}, {@link #outConnectionLost}
 * and {@link #errConnectionLost}. Every other event does nothing by default.
 *
 * <p>Unlike Twisted's it does not extend {@link BaseProtocol}: its {@link #transport} is an
 * {@link IProcessTransport}, so that {@code transport.closeStdin()} reads as in Twisted.
 */
public class ProcessProtocol implements IProcessProtocol {
    /** The child's transport: set by {@link #makeConnection} before any callback runs (null only before that). */
    @SuppressWarnings("NullAway.Init") // set by makeConnection before any callback of the protocol runs
    protected IProcessTransport transport;

    /** True from {@link #makeConnection} until {@link #processEnded}. */
    protected boolean connected;

    /** Sets {@link #transport} and {@link #connected}, then calls {@link #connectionMade()}. */
    @Override
    public void makeConnection(IProcessTransport transport) {
        this.connected = true;
        this.transport = transport;
        connectionMade();
    }

    /** The child has started and its pipes are open; a good place to write to its stdin. Does nothing by default. */
    public void connectionMade() {}

    /** Hands stdout (1) to {@link #outReceived} and stderr (2) to {@link #errReceived}; ignores other descriptors. */
    @Override
    public void childDataReceived(int childFD, byte[] data) {
        if (childFD == 1) {
            outReceived(data);
        } else if (childFD == 2) {
            errReceived(data);
        }
    }

    /** The child wrote {@code data} to its stdout. Does nothing by default. */
    public void outReceived(byte[] data) {}

    /** The child wrote {@code data} to its stderr. Does nothing by default. */
    public void errReceived(byte[] data) {}

    /** Hands the closing of descriptor 0, 1 or 2 to the matching {@code *ConnectionLost} method. */
    @Override
    public void childConnectionLost(int childFD) {
        switch (childFD) {
            case 0 -> inConnectionLost();
            case 1 -> outConnectionLost();
            case 2 -> errConnectionLost();
            default -> {
                // a descriptor this protocol did not ask about
            }
        }
    }

    /** The child's stdin is closed. Does nothing by default. */
    public void inConnectionLost() {}

    /** The child's stdout is closed. Does nothing by default. */
    public void outConnectionLost() {}

    /** The child's stderr is closed. Does nothing by default. */
    public void errConnectionLost() {}

    /** The child exited (its output may not all have arrived yet). Does nothing by default. */
    @Override
    public void processExited(Failure reason) {}

    /** The child exited and its pipes are closed. Marks this protocol disconnected; override to act (call super if you read {@link #connected}). */
    @Override
    public void processEnded(Failure reason) {
        connected = false;
    }

    /** The child's transport, or {@code null}. */
    public IProcessTransport transport() {
        return transport;
    }

    /** True while the child runs or its pipes are open. */
    public boolean connected() {
        return connected;
    }
}
