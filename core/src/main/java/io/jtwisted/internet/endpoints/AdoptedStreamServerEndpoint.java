package io.jtwisted.internet.endpoints;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.error.AlreadyListened;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import io.jtwisted.internet.interfaces.IReactorSocket;
import io.jtwisted.internet.interfaces.IStreamServerEndpoint;
import io.jtwisted.python.failure.Failure;
import java.net.ProtocolFamily;

/**
 * Listens on a listening socket made outside JTwisted (inherited from systemd, a parent process),
 * as Twisted's {@code AdoptedStreamServerEndpoint}; made by the description
 * {@code systemd:domain=INET:index=0}. It can listen once: the port owns the descriptor from then on
 * (Twisted duplicates it and closes the original; Java has no call to close a bare descriptor with).
 */
public final class AdoptedStreamServerEndpoint implements IStreamServerEndpoint {
    private final IReactorSocket reactor;
    private final int fileno;
    private final ProtocolFamily addressFamily;
    private boolean used;

    /**
     * @param fileno the descriptor of a bound, listening {@code SOCK_STREAM} socket
     * @param addressFamily its family ({@link java.net.StandardProtocolFamily#INET}, {@code INET6})
     */
    public AdoptedStreamServerEndpoint(IReactorSocket reactor, int fileno, ProtocolFamily addressFamily) {
        this.reactor = reactor;
        this.fileno = fileno;
        this.addressFamily = addressFamily;
    }

    /** The adopted descriptor. */
    public int fileno() {
        return fileno;
    }

    /** Its address family. */
    public ProtocolFamily addressFamily() {
        return addressFamily;
    }

    /**
     * Adopts the descriptor with {@code factory}.
     *
     * @return a Deferred firing with the port, or failing with what adoption raised, or with
     *     {@link AlreadyListened} from the second call on
     */
    @Override
    public Deferred<IListeningPort> listen(IProtocolFactory factory) {
        if (used) {
            return Deferred.fail(
                    new Failure(new AlreadyListened("descriptor " + fileno + " was already adopted by this endpoint")));
        }
        used = true;
        try {
            return Deferred.succeed(reactor.adoptStreamPort(fileno, addressFamily, factory));
        } catch (RuntimeException e) {
            return Deferred.fail(new Failure(e));
        }
    }

    @Override
    public String toString() {
        return "AdoptedStreamServerEndpoint(fd " + fileno + ", " + addressFamily + ")";
    }
}
