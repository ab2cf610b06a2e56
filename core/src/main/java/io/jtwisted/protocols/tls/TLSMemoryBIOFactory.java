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
import org.jspecify.annotations.Nullable;

/**
 * Wraps every protocol of {@code wrappedFactory} in a {@link TLSMemoryBIOProtocol}, as Twisted's
 * {@code TLSMemoryBIOFactory}: give it to {@code listenTCP} (server side) or {@code connectTCP}
 * (client side) and the wrapped factory's protocols run over TLS unchanged.
 *
 * <p>The engine's delegated tasks (the expensive steps of a handshake: key agreement, signing,
 * certificate checks) run on the reactor's thread pool by default, the handshake then resuming on
 * the reactor thread, so they never block it. With {@link #setInlineTaskShare a share} above 0 they
 * run on the reactor thread while they have taken less than that share of its time lately, and on
 * the pool beyond it: a quiet reactor then spends no thread hand-offs on its handshakes, and a flood
 * of handshakes cannot take more than that share from its other connections. Without a reactor (tests over in-memory
 * transports) they run inline.
 */
public class TLSMemoryBIOFactory extends WrappingFactory {
    private static final Logger LOG = Logger.forClass(TLSMemoryBIOFactory.class);

    private final IConnectionCreator contextFactory;
    private final boolean isClient;
    private final @Nullable IReactorThreads reactor;
    private @Nullable IReactorTime clock;
    private double handshakeTimeout = DEFAULT_HANDSHAKE_TIMEOUT;
    private double inlineTaskShare = DEFAULT_INLINE_TASK_SHARE;
    private @Nullable InlineTaskBudget budget; // null: the reactor thread's own

    /** Seconds a connection may take to complete its handshake before it is closed: 30. */
    public static final double DEFAULT_HANDSHAKE_TIMEOUT = 30;

    /**
     * The share of the reactor thread's time the engines' delegated tasks may take inline by
     * default: 0, so that a handshake's crypto never runs on the reactor thread.
     */
    public static final double DEFAULT_INLINE_TASK_SHARE = 0;

    /** Tasks run inline; for in-memory tests. */
    public TLSMemoryBIOFactory(
            IConnectionCreator contextFactory, boolean isClient, @Nullable IProtocolFactory wrappedFactory) {
        this(contextFactory, isClient, wrappedFactory, null);
    }

    /**
     * @param contextFactory an {@link IClientConnectionCreator} when {@code isClient}, else an
     *     {@link IServerConnectionCreator}
     * @param wrappedFactory builds the protocols to wrap; {@code null} for a factory that only wraps
     *     protocols handed to it (TLS started on a connection)
     * @param reactor runs the engine's delegated tasks off its thread; {@code null} runs them inline
     * @throws IllegalArgumentException if {@code contextFactory} cannot serve that side
     */
    public TLSMemoryBIOFactory(
            IConnectionCreator contextFactory,
            boolean isClient,
            @Nullable IProtocolFactory wrappedFactory,
            @Nullable IReactorThreads reactor) {
        super(wrappedFactory);
        if (isClient && !(contextFactory instanceof IClientConnectionCreator)) {
            throw new IllegalArgumentException(contextFactory + " cannot make client TLS connections");
        }
        if (!isClient && !(contextFactory instanceof IServerConnectionCreator)) {
            throw new IllegalArgumentException(
                    contextFactory + " cannot make server TLS connections (it has no certificate)");
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

    /**
     * Lets the engines' delegated tasks run inline on the reactor thread while, over the last
     * 100 ms, they took less than {@code share} of its time; past that they run on the reactor's
     * thread pool. {@code 0}: always on the pool (a handshake never runs its crypto on the reactor
     * thread); {@code 1}: always inline, as Netty's {@code SslHandler} does by default. Without a
     * reactor tasks always run inline.
     *
     * @return this factory
     * @throws IllegalArgumentException unless {@code 0 <= share <= 1}
     */
    public TLSMemoryBIOFactory setInlineTaskShare(double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("the inline task share must be between 0 and 1, got " + share);
        }
        this.inlineTaskShare = share;
        return this;
    }

    /** The share of the reactor thread's time delegated tasks may take inline (see {@link #setInlineTaskShare}). */
    public double inlineTaskShare() {
        return inlineTaskShare;
    }

    /** For tests: account inline tasks in {@code budget} instead of the reactor thread's own. */
    TLSMemoryBIOFactory useBudget(InlineTaskBudget budget) {
        this.budget = budget;
        return this;
    }

    /** Schedules {@code onTimeout} after the handshake timeout; {@code null} when there is none. */
    @Nullable
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
        return isClient
                ? ((IClientConnectionCreator) contextFactory).clientConnectionForTLS()
                : ((IServerConnectionCreator) contextFactory).serverConnectionForTLS();
    }

    Scratch scratch() {
        return Scratch.get();
    }

    /**
     * Runs {@code tasks}, then {@code resume} on the reactor thread: inline (at once, before this
     * returns) without a reactor or while the inline budget allows, else on the thread pool.
     */
    void runTasks(List<Runnable> tasks, Runnable resume) {
        if (reactor == null) {
            runAll(tasks);
            resume.run();
            return;
        }
        InlineTaskBudget inline = budget != null ? budget : InlineTaskBudget.forCurrentThread();
        if (inline.allows(inlineTaskShare)) {
            long started = inline.now();
            runAll(tasks);
            inline.spentSince(started);
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
