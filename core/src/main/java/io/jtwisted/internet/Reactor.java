package io.jtwisted.internet;

import io.jtwisted.internet.interfaces.IReactorCore;
import io.jtwisted.internet.interfaces.IReactorFDSet;
import io.jtwisted.internet.interfaces.IReactorMulticast;
import io.jtwisted.internet.interfaces.IReactorPluggableNameResolver;
import io.jtwisted.internet.interfaces.IReactorProcess;
import io.jtwisted.internet.interfaces.IReactorSSL;
import io.jtwisted.internet.interfaces.IReactorTCP;
import io.jtwisted.internet.interfaces.IReactorThreads;
import io.jtwisted.internet.interfaces.IReactorTime;
import io.jtwisted.internet.interfaces.IReactorUDP;
import io.jtwisted.internet.interfaces.IReactorUNIX;

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
public interface Reactor extends IReactorCore, IReactorTime, IReactorThreads, IReactorFDSet, IReactorTCP, IReactorSSL,
        IReactorPluggableNameResolver,
        IReactorUDP, IReactorMulticast, IReactorUNIX,
        IReactorProcess {
    /** The global reactor. Creating it costs nothing until it is used (the selector opens lazily). */
    Reactor reactor = DefaultReactor.create(true);

    /** A new reactor, independent of {@link #reactor} and of every other. */
    static Reactor create() {
        return DefaultReactor.create(false);
    }

    /**
     * Runs the loop as {@link #run()} does, installing handlers that stop the reactor on SIGINT and
     * SIGTERM when {@code installSignalHandlers} is true (and restoring the previous ones when the
     * loop ends).
     */
    void run(boolean installSignalHandlers);
}
