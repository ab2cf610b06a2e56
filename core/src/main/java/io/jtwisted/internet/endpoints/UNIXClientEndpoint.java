package io.jtwisted.internet.endpoints;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import io.jtwisted.internet.interfaces.IReactorTCP;
import io.jtwisted.internet.interfaces.IReactorUNIX;
import io.jtwisted.internet.interfaces.IStreamClientEndpoint;

/**
 * Connects to a UNIX-domain socket file, as Twisted's {@code UNIXClientEndpoint}; in descriptions
 * {@code unix:PATH} or {@code unix:path=PATH[:timeout=SECONDS][:checkPID=1]}.
 */
public class UNIXClientEndpoint implements IStreamClientEndpoint {
    private final IReactorUNIX reactor;
    private final String path;
    private final double timeout;
    private final boolean checkPID;

    /** Timeout 30 seconds, no PID check. */
    public UNIXClientEndpoint(IReactorUNIX reactor, String path) {
        this(reactor, path, IReactorTCP.DEFAULT_TIMEOUT, false);
    }

    public UNIXClientEndpoint(IReactorUNIX reactor, String path, double timeout, boolean checkPID) {
        this.reactor = reactor;
        this.path = path;
        this.timeout = timeout;
        this.checkPID = checkPID;
    }

    @Override
    public Deferred<IProtocol> connect(IProtocolFactory factory) {
        try {
            WrappingFactory wrapping = new WrappingFactory(factory);
            reactor.connectUNIX(path, wrapping, timeout, checkPID);
            return wrapping.onConnection();
        } catch (RuntimeException e) {
            return Deferred.fail(e);
        }
    }

    /** The socket file's path. */
    public String path() {
        return path;
    }

    /** Seconds to wait for the connection. */
    public double timeout() {
        return timeout;
    }

    /** Whether the server's PID lock file must be held by a live process. */
    public boolean checkPID() {
        return checkPID;
    }

    @Override
    public String toString() {
        return "UNIXClientEndpoint(path='" + path + "', timeout=" + timeout + ", checkPID=" + checkPID + ")";
    }
}
