package io.jtwisted.protocols.policies;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.internet.interfaces.IReactorTime;
import io.jtwisted.internet.interfaces.ITransport;
import io.jtwisted.python.failure.ThrowingRunnable;
import org.jspecify.annotations.Nullable;

/**
 * A single idle timeout for a protocol, as Twisted's {@code twisted.protocols.policies.TimeoutMixin}.
 * Java has no mixins, so a protocol implements this interface and keeps the state in a
 * {@link Timeout} field that it returns from {@link #timeoutState()}:
 *
 * <pre>{@code
 * class Server extends LineReceiver implements TimeoutMixin {
 *     private final Timeout timeout = new Timeout();          // or new Timeout(clock) in tests
 *     public Timeout timeoutState() { return timeout; }
 *
 *     public void connectionMade() { setTimeout(60); }
 *     public void lineReceived(String line) { resetTimeout(); ... }
 *     public void connectionLost(Failure reason) { setTimeout(null); }
 * }
 * }</pre>
 *
 * When the timeout is hit, {@link #timeoutConnection()} runs; by default it closes the connection.
 */
public interface TimeoutMixin {
    /** The timeout state of one protocol: the period and the pending call, and the clock it uses. */
    final class Timeout {
        private final IReactorTime clock;
        private @Nullable Double timeOut;
        private @Nullable IDelayedCall timeoutCall;

        /** Timed by the global reactor. */
        public Timeout() {
            this(Reactor.reactor);
        }

        /** Timed by {@code clock}. */
        public Timeout(IReactorTime clock) {
            this.clock = clock;
        }

        /** Timed by {@code clock}, with a preset period that {@code setTimeout(timeOut())} can start. */
        public Timeout(IReactorTime clock, @Nullable Double timeOut) {
            this.clock = clock;
            this.timeOut = timeOut;
        }

        /** The clock this state schedules on. */
        public IReactorTime clock() {
            return clock;
        }
    }

    /** This protocol's timeout state; return the same object every time. */
    Timeout timeoutState();

    /** The transport to close on timeout; protocols have it already. */
    ITransport transport();

    /** The current period in seconds, or {@code null} when there is no timeout (Twisted's {@code timeOut}). */
    default @Nullable Double timeOut() {
        return timeoutState().timeOut;
    }

    /** Schedules {@code f}; override to use another clock. */
    default IDelayedCall callLater(double period, ThrowingRunnable f) {
        return timeoutState().clock.callLater(period, f);
    }

    /**
     * Restarts the countdown: call it when meaningful input arrives. Does nothing when the timeout
     * already fired or is off.
     */
    default void resetTimeout() {
        Timeout state = timeoutState();
        if (state.timeoutCall != null && state.timeOut != null && state.timeoutCall.active()) {
            state.timeoutCall.reset(state.timeOut);
        }
    }

    /**
     * Changes the period to {@code period} seconds and restarts the countdown, or turns the timeout
     * off with {@code null}. Returns the previous period.
     */
    default @Nullable Double setTimeout(@Nullable Double period) {
        Timeout state = timeoutState();
        Double previous = state.timeOut;
        state.timeOut = period;
        if (state.timeoutCall != null) {
            if (period == null) {
                if (state.timeoutCall.active()) {
                    state.timeoutCall.cancel();
                }
                state.timeoutCall = null;
            } else if (state.timeoutCall.active()) {
                state.timeoutCall.reset(period);
            } else {
                // Cancelled or fired behind our back: start afresh.
                state.timeoutCall = callLater(period, () -> timedOut(state));
            }
        } else if (period != null) {
            state.timeoutCall = callLater(period, () -> timedOut(state));
        }
        return previous;
    }

    /** {@link #setTimeout(Double)} for a number of seconds. */
    default @Nullable Double setTimeout(double period) {
        return setTimeout(Double.valueOf(period));
    }

    private void timedOut(Timeout state) {
        state.timeoutCall = null;
        timeoutConnection();
    }

    /** Called when the timeout is hit; closes the connection by default. */
    default void timeoutConnection() {
        transport().loseConnection();
    }
}
