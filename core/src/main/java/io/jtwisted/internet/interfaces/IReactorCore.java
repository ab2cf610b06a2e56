package io.jtwisted.internet.interfaces;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.python.failure.ThrowingRunnable;
import io.jtwisted.python.failure.ThrowingSupplier;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Running and stopping the reactor, and its system events (startup, shutdown) with their
 * phases ({@code before}, {@code during}, {@code after}).
 */
public interface IReactorCore extends IReactor {
    /** The system event fired when {@link #run()} starts the loop. */
    String STARTUP = "startup";

    /** The system event fired after {@link #stop()}: ports stop listening, connections close. */
    String SHUTDOWN = "shutdown";

    /** The three phases of a system event, in the order they run. */
    enum Phase {
        /** Runs first; a trigger may return a Deferred, which the event waits for. */
        BEFORE,
        /** Runs once every {@code BEFORE} trigger's Deferred has fired. */
        DURING,
        /** Runs last. */
        AFTER;

        /** The phase's name as Twisted spells it: {@code "before"}, {@code "during"}, {@code "after"}. */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * The phase Twisted spells {@code name}.
         *
         * @throws IllegalArgumentException for any other name, at once
         */
        public static Phase of(String name) {
            for (Phase phase : values()) {
                if (phase.value().equals(name)) {
                    return phase;
                }
            }
            throw new IllegalArgumentException("invalid phase: " + name + " (before, during or after)");
        }
    }

    /** Runs the event loop on the calling thread until {@link #stop()}; returns after shutdown completes. */
    void run();

    /**
     * Stops the loop after firing the shutdown triggers.
     *
     * @throws io.jtwisted.internet.error.ReactorNotRunning if the reactor is not running
     */
    void stop();

    /**
     * Runs one turn of the loop on the calling thread, waiting for I/O no longer than
     * {@code delay} seconds (0: not at all), as Twisted's {@code reactor.iterate}: for tests and
     * for driving a reactor that is not {@linkplain #run() running}. Never call it from a callback
     * of a running reactor.
     */
    void iterate(double delay);

    /** {@link #iterate(double)} without waiting. */
    default void iterate() {
        iterate(0);
    }

    /** Stops the loop now, without running the shutdown triggers. */
    void crash();

    /** True while the loop runs and has not begun shutting down. */
    boolean running();

    /**
     * Runs {@code callable} once the reactor is running (an "after startup" trigger); if it already
     * runs, runs it at once on the reactor thread (from another thread: soon, through
     * {@code callFromThread}). An exception it throws is logged.
     */
    void callWhenRunning(ThrowingRunnable callable);

    /**
     * Adds a trigger for a system event. {@code phase} is {@code "before"}, {@code "during"} or
     * {@code "after"}; {@code eventType} is {@code "startup"} or {@code "shutdown"} (or any
     * name passed to {@link #fireSystemEvent}). A {@code "before"} trigger may return a
     * Deferred, which delays the next phases until it fires.
     *
     * @return an identifier for {@link #removeSystemEventTrigger}
     */
    Object addSystemEventTrigger(String phase, String eventType, SystemEventTrigger trigger);

    /**
     * Adds a trigger that returns nothing: {@code reactor.addSystemEventTrigger(Phase.DURING,
     * SHUTDOWN, () -> log.info("bye"))}. The same as the string form otherwise.
     *
     * @return an identifier for {@link #removeSystemEventTrigger}
     */
    default Object addSystemEventTrigger(Phase phase, String eventType, ThrowingRunnable trigger) {
        return addSystemEventTrigger(phase.value(), eventType, () -> {
            trigger.run();
            return null;
        });
    }

    /**
     * Adds a trigger that returns a Deferred, which delays the next phases until it fires when the
     * phase is {@link Phase#BEFORE}: {@code reactor.addSystemEventTriggerDeferring(Phase.BEFORE,
     * SHUTDOWN, () -> saveEverything())}.
     *
     * @return an identifier for {@link #removeSystemEventTrigger}
     */
    default Object addSystemEventTriggerDeferring(
            Phase phase, String eventType, ThrowingSupplier<? extends Deferred<?>> trigger) {
        return addSystemEventTrigger(phase.value(), eventType, trigger::get);
    }

    /** Removes a trigger added by {@link #addSystemEventTrigger}. */
    void removeSystemEventTrigger(Object triggerId);

    /** Fires the triggers of {@code eventType}, phase by phase. */
    void fireSystemEvent(String eventType);

    /** A system event trigger: may return a {@code Deferred} (in the before phase) or {@code null}. */
    @FunctionalInterface
    interface SystemEventTrigger {
        @Nullable
        Object call() throws Exception;
    }
}
