package io.jtwisted.internet;

import io.jtwisted.internet.interfaces.IProtocolFactory;
import io.jtwisted.internet.interfaces.IReactorCore;
import io.jtwisted.internet.interfaces.IReactorFDSet;
import io.jtwisted.internet.interfaces.IReactorMulticast;
import io.jtwisted.internet.interfaces.IReactorPluggableNameResolver;
import io.jtwisted.internet.interfaces.IReactorProcess;
import io.jtwisted.internet.interfaces.IReactorSSL;
import io.jtwisted.internet.interfaces.IReactorSocket;
import io.jtwisted.internet.interfaces.IReactorTCP;
import io.jtwisted.internet.interfaces.IReactorThreads;
import io.jtwisted.internet.interfaces.IReactorTime;
import io.jtwisted.internet.interfaces.IReactorUDP;
import io.jtwisted.internet.interfaces.IReactorUNIX;
import io.jtwisted.internet.interfaces.IReactorUNIXDatagram;

/**
 * The reactor: Twisted's event loop. One thread runs it ({@link #run()}); every timer, protocol
 * callback and system event trigger of a reactor runs on that thread, and other threads reach it
 * only through {@link #callFromThread}.
 *
 * <p>{@link #reactor} is the process's default reactor, as {@code from twisted.internet import
 * reactor}: {@code import static io.jtwisted.internet.Reactor.reactor;}. It is created the first
 * time this interface is used, and it handles SIGINT and SIGTERM (by stopping cleanly) when it
 * is run on the main thread. {@link #create()} makes independent reactors, as tests need.
 */
public interface Reactor
        extends IReactorCore,
                IReactorTime,
                IReactorThreads,
                IReactorFDSet,
                IReactorTCP,
                IReactorSSL,
                IReactorPluggableNameResolver,
                IReactorUDP,
                IReactorMulticast,
                IReactorUNIX,
                IReactorUNIXDatagram,
                IReactorProcess,
                IReactorSocket {
    /** The global reactor. Creating it costs nothing until it is used (the selector opens lazily). */
    Reactor reactor = DefaultReactor.create(true);

    /** A new reactor, independent of {@link #reactor} and of every other. */
    static Reactor create() {
        return DefaultReactor.create(false);
    }

    /**
     * The reactor {@code transport}'s connection lives on, as Twisted's {@code transport.reactor}: every
     * callback of that connection runs on its thread, so a protocol schedules its timers and makes its
     * outgoing connections there ({@code Reactor.of(transport).callLater(5, ...)}), not on the global
     * {@link #reactor}, which in an {@code io.jtwisted.internet.group.ReactorGroup} runs on another thread.
     *
     * @throws UnsupportedOperationException if the transport belongs to no reactor (a test double such
     *     as {@code StringTransport})
     */
    static Reactor of(io.jtwisted.internet.interfaces.ITransport transport) {
        if (transport instanceof ReactorBound bound) {
            return bound.reactor();
        }
        throw new UnsupportedOperationException(
                (transport == null ? "null" : transport.getClass().getName()) + " belongs to no reactor");
    }

    /**
     * Runs a protocol from {@code factory} on a connected socket channel, as {@link
     * #adoptStreamConnection(int, java.net.ProtocolFamily, IProtocolFactory)} does with a descriptor: the
     * channel is made non-blocking and registered with this reactor, which owns and closes it from then on;
     * the factory is not started or stopped. This is how an {@code io.jtwisted.internet.group.ReactorGroup}
     * that accepts on one reactor hands a connection to another. Call it on this reactor's thread.
     *
     * @throws io.jtwisted.internet.error.WrongThreadError if called on another thread while the reactor runs
     */
    void adoptStreamConnection(java.nio.channels.SocketChannel connected, IProtocolFactory factory);

    /**
     * Runs the loop as {@link #run()} does, installing handlers that stop the reactor on SIGINT and
     * SIGTERM when {@code installSignalHandlers} is true (and restoring the previous ones when the
     * loop ends).
     */
    void run(boolean installSignalHandlers);
}
