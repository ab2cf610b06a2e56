package io.jtwisted.internet.endpoints;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import io.jtwisted.internet.interfaces.IReactorTCP;
import io.jtwisted.internet.interfaces.IReactorUNIX;
import io.jtwisted.internet.interfaces.IStreamServerEndpoint;

/**
 * Listens on a UNIX-domain socket file, as Twisted's {@code UNIXServerEndpoint}; in descriptions
 * {@code unix:PATH[:backlog=N][:mode=0660][:lockfile=1]}.
 */
public class UNIXServerEndpoint implements IStreamServerEndpoint {
    private final IReactorUNIX reactor;
    private final String address;
    private final int backlog;
    private final int mode;
    private final boolean wantPID;

    /** Backlog 50, mode 0666, no lock file. */
    public UNIXServerEndpoint(IReactorUNIX reactor, String address) {
        this(reactor, address, IReactorTCP.DEFAULT_BACKLOG, IReactorUNIX.DEFAULT_MODE, false);
    }

    /** See {@link IReactorUNIX#listenUNIX(String, IProtocolFactory, int, int, boolean)}. */
    public UNIXServerEndpoint(IReactorUNIX reactor, String address, int backlog, int mode, boolean wantPID) {
        this.reactor = reactor;
        this.address = address;
        this.backlog = backlog;
        this.mode = mode;
        this.wantPID = wantPID;
    }

    /** Listens now; the Deferred has fired (with the port or the CannotListenError) when this returns. */
    @Override
    public Deferred<IListeningPort> listen(IProtocolFactory factory) {
        return Deferred.maybeDeferred(() -> reactor.listenUNIX(address, factory, backlog, mode, wantPID));
    }

    /** The socket file's path. */
    public String address() {
        return address;
    }

    /** The socket file's permissions. */
    public int mode() {
        return mode;
    }

    /** Whether a PID lock file guards the socket file. */
    public boolean wantPID() {
        return wantPID;
    }

    /** The listen queue length. */
    public int backlog() {
        return backlog;
    }

    @Override
    public String toString() {
        return "UNIXServerEndpoint(address='" + address + "', backlog=" + backlog + ", mode=0"
                + Integer.toOctalString(mode) + ", wantPID=" + wantPID + ")";
    }
}
