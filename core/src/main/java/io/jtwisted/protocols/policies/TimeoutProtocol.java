package io.jtwisted.protocols.policies;

import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.python.failure.Failure;
import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * The wrapper of {@link TimeoutFactory}: closes the connection when nothing is received or sent
 * for {@code timeoutPeriod} seconds, as Twisted's {@code twisted.protocols.policies.TimeoutProtocol}.
 */
public class TimeoutProtocol extends ProtocolWrapper {
    private final TimeoutFactory timeoutFactory;
    private @Nullable IDelayedCall timeoutCall;
    private @Nullable Double timeoutPeriod;

    /** Starts the countdown at once when {@code timeoutPeriod} is not {@code null}. */
    @SuppressWarnings("this-escape") // the idle timer starts at construction, as in Twisted
    public TimeoutProtocol(TimeoutFactory factory, IProtocol wrappedProtocol, @Nullable Double timeoutPeriod) {
        super(factory, wrappedProtocol);
        this.timeoutFactory = factory;
        setTimeout(timeoutPeriod);
    }

    /** The pending timeout, or {@code null}. */
    public @Nullable IDelayedCall timeoutCall() {
        return timeoutCall;
    }

    /** The current period, or {@code null} when there is no timeout. */
    public @Nullable Double timeoutPeriod() {
        return timeoutPeriod;
    }

    /** Cancels any timeout and, unless {@code timeoutPeriod} is {@code null}, starts a new one. */
    public void setTimeout(@Nullable Double timeoutPeriod) {
        cancelTimeout();
        this.timeoutPeriod = timeoutPeriod;
        if (timeoutPeriod != null) {
            timeoutCall = timeoutFactory.callLater(timeoutPeriod, this::timeoutFunc);
        }
    }

    /** Cancels the timeout; does nothing if there is none, or it already ran or was cancelled. */
    public void cancelTimeout() {
        timeoutPeriod = null;
        if (timeoutCall != null) {
            if (timeoutCall.active()) {
                timeoutCall.cancel();
            }
            timeoutCall = null;
        }
    }

    /** Restarts the countdown, usually because something happened on the connection. */
    public void resetTimeout() {
        // A pending call always has its period: both are set, and cleared, together.
        if (timeoutCall != null && timeoutPeriod != null && timeoutCall.active()) {
            timeoutCall.reset(timeoutPeriod);
        }
    }

    @Override
    public void write(byte[] data) {
        resetTimeout();
        super.write(data);
    }

    @Override
    public void write(ByteBuffer data) {
        resetTimeout();
        super.write(data);
    }

    @Override
    public void writeSequence(Iterable<byte[]> data) {
        resetTimeout();
        super.writeSequence(data);
    }

    @Override
    public void dataReceived(byte[] data) {
        resetTimeout();
        super.dataReceived(data);
    }

    @Override
    public void connectionLost(Failure reason) {
        cancelTimeout();
        super.connectionLost(reason);
    }

    /** Called when the time is up; closes the connection by default. */
    public void timeoutFunc() {
        loseConnection();
    }
}
