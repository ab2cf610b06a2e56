package io.jtwisted.protocols.policies;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import io.jtwisted.internet.interfaces.IReactorTime;
import io.jtwisted.python.failure.ThrowingRunnable;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Closes connections idle (nothing received or sent) for {@code timeoutPeriod} seconds, 30 minutes
 * by default, as Twisted's {@code twisted.protocols.policies.TimeoutFactory}.
 */
public class TimeoutFactory extends WrappingFactory {
    /** Twisted's default idle period: 30 minutes. */
    public static final double DEFAULT_TIMEOUT_PERIOD = 30 * 60;

    private final @Nullable Double timeoutPeriod;
    private final IReactorTime clock;

    /** A 30-minute timeout on the global reactor. */
    public TimeoutFactory(IProtocolFactory wrappedFactory) {
        this(wrappedFactory, DEFAULT_TIMEOUT_PERIOD);
    }

    /** {@code timeoutPeriod} seconds ({@code null}: none) on the global reactor. */
    public TimeoutFactory(IProtocolFactory wrappedFactory, @Nullable Double timeoutPeriod) {
        this(wrappedFactory, timeoutPeriod, Reactor.reactor);
    }

    /** {@code timeoutPeriod} seconds ({@code null}: none), timed by {@code clock}. */
    public TimeoutFactory(IProtocolFactory wrappedFactory, @Nullable Double timeoutPeriod, IReactorTime clock) {
        super(wrappedFactory);
        this.timeoutPeriod = timeoutPeriod;
        this.clock = clock;
    }

    /** The idle period of new connections, or {@code null}. */
    public @Nullable Double timeoutPeriod() {
        return timeoutPeriod;
    }

    @Override
    public @Nullable IProtocol buildProtocol(IAddress address) {
        IProtocol wrapped =
                Objects.requireNonNull(wrappedFactory, "no wrapped factory").buildProtocol(address);
        return wrapped == null ? null : new TimeoutProtocol(this, wrapped, timeoutPeriod);
    }

    /** Schedules {@code f}; override to use another clock. */
    protected IDelayedCall callLater(double period, ThrowingRunnable f) {
        return clock.callLater(period, f);
    }
}
