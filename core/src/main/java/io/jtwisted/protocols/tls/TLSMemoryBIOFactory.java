package io.jtwisted.protocols.tls;

import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import io.jtwisted.internet.interfaces.IReactorThreads;
import io.jtwisted.internet.interfaces.IReactorTime;
import io.jtwisted.internet.ssl.IClientConnectionCreator;
import io.jtwisted.internet.ssl.IConnectionCreator;
import io.jtwisted.internet.ssl.IServerConnectionCreator;
import io.jtwisted.logger.Logger;
import io.jtwisted.protocols.policies.WrappingFactory;
import java.util.List;
import javax.net.ssl.SSLEngine;

/**
 * Wraps every protocol of {@code wrappedFactory} in a {@link TLSMemoryBIOProtocol}, as Twisted's
 * {@code TLSMemoryBIOFactory}: give it to {@code listenTCP} (server side) or {@code connectTCP}
 * (client side) and the wrapped factory's protocols run over TLS unchanged.
 *
 * <p>With a reactor, the engine's delegated tasks (the expensive steps of the handshake) run on the
 * reactor's thread pool and the handshake resumes on the reactor thread, so a handshake never
 * blocks other connections. Without one (tests over in-memory transports) they run inline.
 */
public class TLSMemoryBIOFactory extends WrappingFactory {
    private static final Logger LOG = Logger.forClass(TLSMemoryBIOFactory.class);

    private final IConnectionCreator contextFactory;
    private final boolean isClient;
    private final IReactorThreads reactor;
    private IReactorTime clock;
    private double handshakeTimeout = DEFAULT_HANDSHAKE_TIMEOUT;

    /** Seconds a connection may take to complete its handshake before it is closed: 30. */
    public static final double DEFAULT_HANDSHAKE_TIMEOUT = 30;

    /** Tasks run inline; for in-memory tests. */
    public TLSMemoryBIOFactory(IConnectionCreator contextFactory, boolean isClient, IProtocolFactory wrappedFactory) {
        this(contextFactory, isClient, wrappedFactory, null);
    }

    /**
     * @param contextFactory an {@link IClientConnectionCreator} when {@code isClient}, else an
     *     {@link IServerConnectionCreator}
     * @param reactor runs the engine's delegated tasks off its thread; {@code null} runs them inline
     * @throws IllegalArgumentException if {@code contextFactory} cannot serve that side
     */
    public TLSMemoryBIOFactory(IConnectionCreator contextFactory, boolean isClient, IProtocolFactory wrappedFactory,
                               IReactorThreads reactor) {
        super(wrappedFactory);
        if (isClient && !(contextFactory instanceof IClientConnectionCreator)) {
            throw new IllegalArgumentException(contextFactory + " cannot make client TLS connections");
        }
        if (!isClient && !(contextFactory instanceof IServerConnectionCreator)) {
            throw new IllegalArgumentException(contextFactory + " cannot make server TLS connections (it has no certificate)");
        }
        this.contextFactory = contextFactory;
        this.isClient = isClient;
        this.reactor = reactor;
        this.clock = reactor instanceof IReactorTime time ? time : null;
    }

    /**
     * Closes connections whose handshake has not completed {@code seconds} after they were made (a
     * peer that stops mid-handshake), with an {@link javax.net.ssl.SSLHandshakeException} saying so,
     * timed by {@code clock}. With a reactor the default is {@link #DEFAULT_HANDSHAKE_TIMEOUT} on that
     * reactor; without one there is none until this is called. {@code seconds <= 0}: no timeout.
     *
     * @return this factory
     */
    public TLSMemoryBIOFactory setHandshakeTimeout(double seconds, IReactorTime clock) {
        this.handshakeTimeout = seconds;
        this.clock = clock;
        return this;
    }

    /** Schedules {@code onTimeout} after the handshake timeout; {@code null} when there is none. */
    IDelayedCall scheduleHandshakeTimeout(Runnable onTimeout) {
        if (clock == null || handshakeTimeout <= 0) {
            return null;
        }
        return clock.callLater(handshakeTimeout, onTimeout::run);
    }

    double handshakeTimeout() {
        return handshakeTimeout;
    }

    /** The TLS settings each connection's engine is made from. */
    public IConnectionCreator contextFactory() {
        return contextFactory;
    }

    /** Whether connections act as the TLS client. */
    public boolean isClient() {
        return isClient;
    }

    /** Names the wrapped factory, as Twisted's: {@code "Echo (TLS)"}. */
    @Override
    public String logPrefix() {
        return (wrappedFactory == null ? "None" : wrappedFactory.getClass().getSimpleName()) + " (TLS)";
    }

    @Override
    protected IProtocol wrapProtocol(IProtocol wrapped) {
        return new TLSMemoryBIOProtocol(this, wrapped);
    }

    SSLEngine createEngine() {
        return isClient ? ((IClientConnectionCreator) contextFactory).clientConnectionForTLS()
                : ((IServerConnectionCreator) contextFactory).serverConnectionForTLS();
    }

    Scratch scratch() {
        return Scratch.get();
    }

    /** Runs {@code tasks}, then {@code resume} on the reactor thread (inline without a reactor). */
    void runTasks(List<Runnable> tasks, Runnable resume) {
        if (reactor == null) {
            runAll(tasks);
            resume.run();
            return;
        }
        reactor.callInThread(() -> {
            runAll(tasks);
            reactor.callFromThread(resume::run);
        });
    }

    private static void runAll(List<Runnable> tasks) {
        for (Runnable task : tasks) {
            try {
                task.run();
            } catch (RuntimeException e) {
                // the engine reports the failure on the next wrap or unwrap, which closes the connection
                LOG.debug("TLS engine task failed: {}", e);
            }
        }
    }
}
