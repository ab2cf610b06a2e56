package io.jtwisted.application.internet;

import io.jtwisted.application.service.Service;
import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.defer.CancelledError;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import io.jtwisted.internet.interfaces.IReactorTime;
import io.jtwisted.internet.interfaces.IStreamClientEndpoint;
import io.jtwisted.logger.Logger;
import io.jtwisted.protocols.policies.ProtocolWrapper;
import io.jtwisted.python.failure.Failure;
import io.jtwisted.python.failure.ThrowingFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.IntToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * Keeps one client connection up while it runs, as Twisted's {@code ClientService}: it connects through an
 * endpoint when it starts, and after a failed attempt or a lost connection it waits as the retry policy says
 * (by default {@link #backoffPolicy()}: 1 s growing by 1.5 up to 60 s, plus up to 1 s of jitter) and tries
 * again. {@link #whenConnected()} hands out the connected protocol; {@link #stopService()} cancels a pending
 * attempt or wait, or closes the connection, and fires once it is closed. Used on the reactor thread.
 */
public class ClientService extends Service {
    private static final Logger log = Logger.forClass(ClientService.class);

    private final IStreamClientEndpoint endpoint;
    private final IProtocolFactory factory;
    private final IntToDoubleFunction retryPolicy;
    private final IReactorTime clock;
    private final @Nullable ThrowingFunction<? super IProtocol, ? extends @Nullable Deferred<?>> prepareConnection;
    private final List<Waiter> waiters = new ArrayList<>();

    private @Nullable Deferred<IProtocol> attempt;
    private @Nullable IDelayedCall retry;
    // The connection the endpoint handed over, from then until it is lost: being prepared while preparation
    // is set, handed out once protocol is set, or being closed by stopService while closing is set.
    private @Nullable Tracked current;
    private @Nullable Deferred<?> preparation;
    private @Nullable IProtocol protocol;
    private boolean closing;
    private final List<Deferred<@Nullable Void>> closeWaiters = new ArrayList<>();
    private int failedAttempts;

    @SuppressWarnings("ArrayRecordComponent") // failures is a shared counter cell, never compared
    private record Waiter(Deferred<IProtocol> deferred, int failAfterFailures, int[] failures) {}

    /** A service keeping a connection to {@code endpoint}, timed by the global reactor, with the default policy. */
    public ClientService(IStreamClientEndpoint endpoint, IProtocolFactory factory) {
        this(endpoint, factory, backoffPolicy(), Reactor.reactor, null);
    }

    /**
     * A service keeping a connection to {@code endpoint}.
     *
     * @param retryPolicy the seconds to wait before attempt {@code n + 1}, given the {@code n} consecutive
     *     failures (a lost connection counts as one)
     * @param clock the time source for the waits (a test's {@code Clock})
     * @param prepareConnection called with each new protocol before {@link #whenConnected()} hands it out; a
     *     returned Deferred delays that, and a failure drops the connection and counts as a failed attempt, as
     *     does a connection lost before it is handed out (that Deferred is then cancelled). May be {@code null}.
     */
    public ClientService(
            IStreamClientEndpoint endpoint,
            IProtocolFactory factory,
            IntToDoubleFunction retryPolicy,
            IReactorTime clock,
            @Nullable ThrowingFunction<? super IProtocol, ? extends @Nullable Deferred<?>> prepareConnection) {
        this.endpoint = endpoint;
        this.factory = factory;
        this.retryPolicy = retryPolicy;
        this.clock = clock;
        this.prepareConnection = prepareConnection;
    }

    /**
     * Twisted's {@code backoffPolicy}: {@code min(initialDelay * factor^attempt, maxDelay) + jitter()}.
     */
    public static IntToDoubleFunction backoffPolicy(
            double initialDelay, double maxDelay, double factor, DoubleSupplier jitter) {
        return attempt -> {
            double delay = initialDelay * Math.pow(factor, Math.min(100, attempt));
            return (Double.isFinite(delay) ? Math.min(delay, maxDelay) : maxDelay) + jitter.getAsDouble();
        };
    }

    /** {@link #backoffPolicy(double, double, double, DoubleSupplier)} with 1 s, 60 s, 1.5 and a random jitter below 1 s. */
    public static IntToDoubleFunction backoffPolicy() {
        return backoffPolicy(1.0, 60.0, 1.5, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** {@link #whenConnected(int)} that never gives up. */
    public Deferred<IProtocol> whenConnected() {
        return whenConnected(0);
    }

    /**
     * A Deferred firing with the connected protocol: at once when connected, else on the next connection.
     *
     * @param failAfterFailures when positive, fail with the last attempt's failure after that many failed
     *     attempts instead of waiting on; stopping the service fails it with {@link CancelledError}
     */
    public Deferred<IProtocol> whenConnected(int failAfterFailures) {
        if (protocol != null) {
            return Deferred.succeed(protocol);
        }
        Deferred<IProtocol> deferred = new Deferred<>();
        waiters.add(new Waiter(deferred, failAfterFailures, new int[1]));
        return deferred;
    }

    @Override
    public void startService() {
        if (running()) {
            return;
        }
        super.startService();
        failedAttempts = 0;
        if (closing) {
            return; // stopped but the old connection is still closing: connect once it is closed, as Twisted
        }
        connect();
    }

    /** Stops retrying and closes the connection; the Deferred fires once it is closed. */
    @Override
    public @Nullable Deferred<?> stopService() {
        if (!running()) {
            return Deferred.<@Nullable Void>succeed(null);
        }
        super.stopService();
        if (retry != null && retry.active()) {
            retry.cancel();
        }
        retry = null;
        if (attempt != null) {
            Deferred<IProtocol> pending = attempt;
            attempt = null;
            pending.cancel();
        }
        Deferred<?> preparing = preparation;
        preparation = null; // cleared first so its callbacks, run by the cancel, do nothing
        if (preparing != null) {
            preparing.cancel();
        }
        List<Waiter> waiting = new ArrayList<>(waiters);
        waiters.clear();
        for (Waiter waiter : waiting) {
            waiter.deferred().errback(new CancelledError("the ClientService stopped"));
        }
        Tracked open = current;
        if (open == null) {
            return Deferred.<@Nullable Void>succeed(null);
        }
        Deferred<@Nullable Void> closed = new Deferred<>();
        closeWaiters.add(closed);
        protocol = null;
        if (!closing) {
            closing = true;
            open.loseConnection();
        }
        return closed;
    }

    private void connect() {
        Deferred<IProtocol> connecting = endpoint.connect(new Wrapping());
        attempt = connecting;
        connecting.<@Nullable Object>addCallbacks(
                wrapper -> {
                    Tracked made = (Tracked) wrapper;
                    if (attempt != connecting) {
                        made.abortConnection(); // stopped meanwhile
                        return null;
                    }
                    attempt = null;
                    handedOver(made);
                    return null;
                },
                failure -> {
                    if (attempt == connecting) {
                        attempt = null;
                        attemptFailed(failure);
                    }
                    return null;
                });
    }

    /** The endpoint's attempt succeeded with {@code made}: prepare it, then hand it out. */
    private void handedOver(Tracked made) {
        Failure lostAlready = made.lostReason;
        if (lostAlready != null) {
            // The peer closed before the endpoint's Deferred fired: nothing to hand out, so a failed attempt.
            log.info("The connection to {endpoint} was lost before it was ready.", endpoint);
            attemptFailed(lostAlready);
            return;
        }
        current = made;
        ThrowingFunction<? super IProtocol, ? extends @Nullable Deferred<?>> prepare = prepareConnection;
        if (prepare == null) {
            connected(made);
            return;
        }
        Deferred<@Nullable Object> prepared = Deferred.maybeDeferredDeferring(() -> {
            @SuppressWarnings("unchecked") // only its firing matters, not its value's type
            Deferred<@Nullable Object> result = (Deferred<@Nullable Object>) prepare.apply(made.inner);
            return result != null ? result : Deferred.succeed(null);
        });
        if (current != made || closing) {
            // Lost or stopped during prepareConnection itself: that was handled; its result no longer matters.
            prepared.cancel();
            return;
        }
        preparation = prepared;
        prepared.<@Nullable Object>addCallbacks(
                ignored -> {
                    if (preparation == prepared) {
                        preparation = null;
                        connected(made);
                    }
                    return null;
                },
                failure -> {
                    if (preparation != prepared) {
                        return null; // cancelled because the connection was lost or the service stopped
                    }
                    preparation = null;
                    log.failure("Preparing the connection to {endpoint} failed; dropping it", failure, endpoint);
                    current = null; // so its loss, caused here, is not counted a second time
                    made.abortConnection();
                    attemptFailed(failure);
                    return null;
                });
    }

    private void connected(Tracked made) {
        failedAttempts = 0;
        made.handedOut = true;
        protocol = made.inner;
        List<Waiter> waiting = new ArrayList<>(waiters);
        waiters.clear();
        for (Waiter waiter : waiting) {
            waiter.deferred().callback(made.inner);
        }
    }

    private void attemptFailed(Failure failure) {
        if (!running()) {
            return;
        }
        failedAttempts++;
        for (Waiter waiter : new ArrayList<>(waiters)) {
            waiter.failures()[0]++;
            if (waiter.failAfterFailures() > 0 && waiter.failures()[0] >= waiter.failAfterFailures()) {
                waiters.remove(waiter);
                waiter.deferred().errback(failure);
            }
        }
        scheduleRetry();
    }

    private void scheduleRetry() {
        double delay = retryPolicy.applyAsDouble(failedAttempts);
        log.info(
                "Scheduling retry {attempt} to connect {endpoint} in {delay} seconds.",
                failedAttempts,
                endpoint,
                delay);
        retry = clock.callLater(delay, () -> {
            retry = null;
            if (running()) {
                connect();
            }
        });
    }

    private void connectionLost(Tracked wrapper, Failure reason) {
        if (wrapper != current) {
            return; // not yet handed over (handedOver counts it), or already dropped by this service
        }
        current = null;
        protocol = null;
        Deferred<?> preparing = preparation;
        preparation = null;
        boolean wasClosing = closing;
        closing = false;
        List<Deferred<@Nullable Void>> closed = new ArrayList<>(closeWaiters);
        closeWaiters.clear();
        if (preparing != null) {
            preparing.cancel(); // the connection it prepares is gone
        }
        if (wasClosing) {
            if (running()) {
                connect(); // started again while the old connection was closing
            }
        } else if (running()) {
            if (!wrapper.handedOut) {
                log.info("The connection to {endpoint} was lost while being prepared.", endpoint);
                attemptFailed(reason); // never handed out: a failed attempt, as one the endpoint refused
            } else {
                failedAttempts++;
                scheduleRetry();
            }
        }
        for (Deferred<@Nullable Void> waiter : closed) {
            waiter.callback(null);
        }
    }

    /** The wrapper of each connection's protocol; keeps the protocol after the loss and tells the service. */
    private final class Tracked extends ProtocolWrapper {
        final IProtocol inner;

        @Nullable
        Failure lostReason;

        boolean handedOut;

        Tracked(Registry registry, IProtocol inner) {
            super(registry, inner);
            this.inner = inner;
        }

        @Override
        public void connectionLost(Failure reason) {
            lostReason = reason;
            try {
                super.connectionLost(reason);
            } finally {
                ClientService.this.connectionLost(this, reason);
            }
        }
    }

    /** Wraps each protocol so this service hears when its connection is lost. */
    private final class Wrapping implements IProtocolFactory, ProtocolWrapper.Registry {
        @Override
        public @Nullable IProtocol buildProtocol(IAddress address) {
            IProtocol inner = factory.buildProtocol(address);
            return inner == null ? null : new Tracked(this, inner);
        }

        @Override
        public void doStart() {
            factory.doStart();
        }

        @Override
        public void doStop() {
            factory.doStop();
        }

        @Override
        public void registerProtocol(ProtocolWrapper protocol) {}

        @Override
        public void unregisterProtocol(ProtocolWrapper protocol) {} // Tracked tells the service itself
    }
}
