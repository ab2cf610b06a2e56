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
    private @Nullable ProtocolWrapper connection;
    private @Nullable IProtocol protocol;
    private @Nullable Deferred<@Nullable Void> lost;
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
     *     returned Deferred delays that, and a failure drops the connection and counts as a failed attempt.
     *     May be {@code null}.
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
        List<Waiter> waiting = new ArrayList<>(waiters);
        waiters.clear();
        for (Waiter waiter : waiting) {
            waiter.deferred().errback(new CancelledError("the ClientService stopped"));
        }
        if (connection == null) {
            return Deferred.<@Nullable Void>succeed(null);
        }
        Deferred<@Nullable Void> closed = lost;
        ProtocolWrapper open = connection;
        protocol = null;
        open.loseConnection();
        return closed;
    }

    // inner is null only when the connection was lost before it was handed out; that corner is kept as it
    // was (prepareConnection then sees null; connected() ignores it).
    @SuppressWarnings("NullAway") // inner may be null in one corner kept as it was (see above)
    private void connect() {
        Deferred<IProtocol> connecting = endpoint.connect(new Wrapping());
        attempt = connecting;
        connecting.<@Nullable Object>addCallbacks(
                wrapper -> {
                    if (attempt != connecting) {
                        ((ProtocolWrapper) wrapper).abortConnection(); // stopped meanwhile
                        return null;
                    }
                    attempt = null;
                    ProtocolWrapper made = (ProtocolWrapper) wrapper;
                    IProtocol inner = made.wrappedProtocol();
                    Deferred<@Nullable Object> prepared = prepareConnection == null
                            ? Deferred.succeed(null)
                            : Deferred.maybeDeferredDeferring(() -> {
                                @SuppressWarnings("unchecked")
                                Deferred<@Nullable Object> result =
                                        (Deferred<@Nullable Object>) prepareConnection.apply(inner);
                                return result != null ? result : Deferred.succeed(null);
                            });
                    prepared.<@Nullable Object>addCallbacks(
                            ignored -> {
                                connected(made, inner);
                                return null;
                            },
                            failure -> {
                                log.failure(
                                        "Preparing the connection to {endpoint} failed; dropping it",
                                        failure,
                                        endpoint);
                                made.abortConnection();
                                attemptFailed(failure);
                                return null;
                            });
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

    private void connected(ProtocolWrapper made, IProtocol inner) {
        if (!running() || made.wrappedProtocol() == null) {
            return; // stopped, or already lost while being prepared
        }
        failedAttempts = 0;
        connection = made;
        protocol = inner;
        lost = new Deferred<>();
        List<Waiter> waiting = new ArrayList<>(waiters);
        waiters.clear();
        for (Waiter waiter : waiting) {
            waiter.deferred().callback(inner);
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

    private void connectionLost(ProtocolWrapper wrapper) {
        if (wrapper != connection) {
            return; // a connection dropped before it was handed out
        }
        connection = null;
        protocol = null;
        Deferred<@Nullable Void> closed = lost;
        lost = null;
        if (running()) {
            failedAttempts++;
            scheduleRetry();
        }
        if (closed != null) {
            closed.callback(null);
        }
    }

    /** Wraps each protocol so this service hears when its connection is lost. */
    private final class Wrapping implements IProtocolFactory, ProtocolWrapper.Registry {
        @Override
        public @Nullable IProtocol buildProtocol(IAddress address) {
            IProtocol inner = factory.buildProtocol(address);
            return inner == null ? null : new ProtocolWrapper(this, inner);
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
        public void unregisterProtocol(ProtocolWrapper protocol) {
            connectionLost(protocol);
        }
    }
}
