package io.jtwisted.internet.protocol;

import io.jtwisted.internet.error.NotConnectingError;
import io.jtwisted.internet.interfaces.IConnector;
import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.internet.interfaces.IReactorTime;
import io.jtwisted.logger.Logger;
import io.jtwisted.python.failure.Failure;
import java.util.Random;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A client factory that reconnects after the connection fails or is lost, waiting longer each
 * time, as Twisted's {@code ReconnectingClientFactory}.
 *
 * <p>After each failure the delay is multiplied by {@link #factor} (e), capped at
 * {@link #maxDelay}, then drawn from a normal distribution around that value with standard
 * deviation {@code delay * }{@link #jitter}, so that many clients do not reconnect in step.
 * Call {@link #resetDelay()} once connected (typically in {@code buildProtocol}) to start over
 * from {@link #initialDelay}; {@link #stopTrying()} stops reconnecting.
 *
 * <p>The settings keep Twisted's names, as fields, and have setters that check their values
 * ({@code new ReconnectingClientFactory(Echo::new).setInitialDelay(0.5).setMaxDelay(30)}). A setting
 * changed before the first retry, or after {@link #resetDelay()}, applies to the next retry: the
 * first retry after a reset always starts from {@link #initialDelay} as it is then. Subclasses that override
 * {@link #clientConnectionLost} or {@link #clientConnectionFailed} must call the super method.
 *
 * <p>The delayed calls go to {@link #clock}: the global reactor unless a test sets a
 * {@link io.jtwisted.internet.task.Clock}.
 */
public class ReconnectingClientFactory extends ClientFactory {
    private static final Logger LOG = Logger.forClass(ReconnectingClientFactory.class);

    /** Never wait longer than this many seconds between attempts (3600). */
    public double maxDelay = 3600;
    /** The first delay, in seconds (1.0). */
    public double initialDelay = 1.0;
    /** What the delay is multiplied by after each failure (e, as in Twisted). */
    public double factor = Math.E;
    /** The relative standard deviation of the random variation of the delay (Twisted's value). */
    public double jitter = 0.11962656472;
    /** How many retries to make before giving up, or {@code null} for no limit. */
    public @Nullable Integer maxRetries;
    /** Where the reconnection calls are scheduled; the global reactor when {@code null}. */
    public @Nullable IReactorTime clock;

    /** The delay before the next attempt, in seconds. */
    protected double delay = initialDelay;
    /** How many retries since the last {@link #resetDelay()}. */
    protected int retries;
    /** False once {@link #stopTrying()} was called. */
    protected boolean continueTrying = true;
    /** The connector of the last failure or loss, or {@code null}. */
    protected @Nullable IConnector connector;

    private @Nullable IDelayedCall callId;
    private Random random = new Random();

    public ReconnectingClientFactory() {}

    public ReconnectingClientFactory(Supplier<? extends Protocol> protocol) {
        super(protocol);
    }

    /** Retries (unless {@link #stopTrying()} was called). */
    @Override
    public void clientConnectionFailed(IConnector connector, Failure reason) {
        if (continueTrying) {
            this.connector = connector;
            retry();
        }
    }

    /** Retries (unless {@link #stopTrying()} was called). */
    @Override
    public void clientConnectionLost(IConnector connector, Failure reason) {
        if (continueTrying) {
            this.connector = connector;
            retry();
        }
    }

    /** Schedules a reconnection of the last connector after the next delay. */
    public void retry() {
        retry(null);
    }

    /**
     * Schedules {@code connector.connect()} (the last connector when {@code null}) after the next
     * delay, unless {@link #stopTrying()} was called or {@link #maxRetries} is exhausted.
     *
     * @throws IllegalStateException if there is no connector to retry
     */
    public void retry(@Nullable IConnector connector) {
        if (!continueTrying) {
            LOG.debug("Abandoning {} on explicit request", connector);
            return;
        }
        if (connector == null) {
            if (this.connector == null) {
                throw new IllegalStateException("no connector to retry");
            }
            connector = this.connector;
        }
        retries++;
        if (maxRetries != null && retries > maxRetries) {
            LOG.info("Abandoning {} after {} retries.", connector, retries);
            return;
        }
        double base = retries == 1 ? initialDelay : delay; // the first retry since a reset starts over
        delay = Math.min(base * factor, maxDelay);
        if (jitter != 0) {
            delay = delay + random.nextGaussian() * delay * jitter;
        }
        LOG.debug("{} will retry in {} seconds", connector, delay);
        IConnector target = connector;
        callId = clock().callLater(delay, () -> {
            callId = null;
            target.connect();
        });
    }

    /** Stops reconnecting: cancels a scheduled retry and stops an attempt in progress. */
    public void stopTrying() {
        if (callId != null) {
            callId.cancel();
            callId = null;
        }
        continueTrying = false;
        if (connector != null) {
            try {
                connector.stopConnecting();
            } catch (NotConnectingError notConnecting) {
                // Connected or idle: nothing to stop.
            }
        }
    }

    /** Starts over: the next delay is {@link #initialDelay} and the retry count is zero. Call it once connected. */
    public void resetDelay() {
        delay = initialDelay;
        retries = 0;
        callId = null;
        continueTrying = true;
    }

    /** The delay that was used for the last retry (or {@link #initialDelay} before the first), in seconds. */
    public double delay() {
        return retries == 0 ? initialDelay : delay;
    }

    /** Sets {@link #maxDelay}: no wait between attempts is longer, in seconds (at least 0). */
    public ReconnectingClientFactory setMaxDelay(double seconds) {
        maxDelay = requireSeconds("maxDelay", seconds);
        return this;
    }

    /** Sets {@link #initialDelay}, from which the first retry after a reset starts, in seconds (at least 0). */
    public ReconnectingClientFactory setInitialDelay(double seconds) {
        initialDelay = requireSeconds("initialDelay", seconds);
        return this;
    }

    /** Sets {@link #factor}, what the delay is multiplied by after each failure (at least 1). */
    public ReconnectingClientFactory setFactor(double factor) {
        if (!(factor >= 1) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("factor must be a finite number of at least 1, got " + factor);
        }
        this.factor = factor;
        return this;
    }

    /** Sets {@link #jitter}, the relative standard deviation of each delay (0 for none, less than 1). */
    public ReconnectingClientFactory setJitter(double jitter) {
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("jitter must be at least 0 and less than 1, got " + jitter);
        }
        this.jitter = jitter;
        return this;
    }

    /** Sets {@link #maxRetries}: how many retries before giving up (at least 0), {@code null} for no limit. */
    public ReconnectingClientFactory setMaxRetries(Integer maxRetries) {
        if (maxRetries != null && maxRetries < 0) {
            throw new IllegalArgumentException(
                    "maxRetries must be at least 0 (or null for no limit), got " + maxRetries);
        }
        this.maxRetries = maxRetries;
        return this;
    }

    /** Sets {@link #clock}, where the retries are scheduled (a {@link io.jtwisted.internet.task.Clock} in tests). */
    public ReconnectingClientFactory setClock(IReactorTime clock) {
        this.clock = clock;
        return this;
    }

    private static double requireSeconds(String name, double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException(
                    name + " must be a finite number of seconds, at least 0, got " + seconds);
        }
        return seconds;
    }

    /** The retries since the last reset. */
    public int retries() {
        return retries;
    }

    /** False once {@link #stopTrying()} was called. */
    public boolean continueTrying() {
        return continueTrying;
    }

    /** The connector of the last failure or loss, or {@code null}. */
    public @Nullable IConnector connector() {
        return connector;
    }

    /** Sets the connector to retry; used when a connection attempt is in progress. */
    public void setConnector(IConnector connector) {
        this.connector = connector;
    }

    /** Uses {@code random} for the jitter (tests seed it). */
    public void setRandom(Random random) {
        this.random = random;
    }

    private IReactorTime clock() {
        if (clock == null) {
            clock = io.jtwisted.internet.Reactor.reactor;
        }
        return clock;
    }
}
