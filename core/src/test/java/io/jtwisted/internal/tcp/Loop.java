package io.jtwisted.internal.tcp;

import io.jtwisted.internal.reactor.NioReactor;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.python.failure.Failure;
import java.util.function.BooleanSupplier;

/**
 * Drives a reactor on the test's thread: turns the loop until a Deferred fires or a condition
 * holds, failing after a bounded time (no sleeping: each turn waits on the selector).
 */
public final class Loop {
    public static final double TIMEOUT = 10;

    private Loop() {}

    /** Turns {@code reactor} until {@code condition} holds. */
    public static void until(NioReactor reactor, BooleanSupplier condition) {
        long deadline = System.nanoTime() + (long) (TIMEOUT * 1e9);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + TIMEOUT + " s");
            }
            reactor.iterate(0.05);
        }
    }

    /** Turns {@code reactor} until {@code d} fires; returns its result or throws what it failed with. */
    public static <T> T result(NioReactor reactor, Deferred<T> d) {
        Object[] box = new Object[1];
        boolean[] done = new boolean[1];
        d.addBoth(r -> {
            box[0] = r;
            done[0] = true;
            return null;
        });
        until(reactor, () -> done[0]);
        if (box[0] instanceof Failure f) {
            throw new AssertionError("Deferred failed: " + f.getErrorMessage(), f.value());
        }
        @SuppressWarnings("unchecked")
        T value = (T) box[0];
        return value;
    }

    /**
     * Turns {@code reactor} until {@code d} fires with a {@link Failure} (a reason given to
     * {@code connectionLost}, or an errback); returns it.
     */
    public static Failure reason(NioReactor reactor, Deferred<?> d) {
        return failure(reactor, d);
    }

    /** Turns {@code reactor} until {@code ending} is recorded; returns its reason. */
    public static Failure reason(NioReactor reactor, Ending ending) {
        until(reactor, ending::called);
        return ending.reason();
    }

    /** Turns {@code reactor} until {@code d} fails; returns the failure. */
    public static Failure failure(NioReactor reactor, Deferred<?> d) {
        Object[] box = new Object[1];
        boolean[] done = new boolean[1];
        d.addBoth(r -> {
            box[0] = r;
            done[0] = true;
            return null;
        });
        until(reactor, () -> done[0]);
        if (box[0] instanceof Failure f) {
            return f;
        }
        throw new AssertionError("Deferred succeeded with " + box[0] + " where a failure was expected");
    }
}
