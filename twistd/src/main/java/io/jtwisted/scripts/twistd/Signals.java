package io.jtwisted.scripts.twistd;

import io.jtwisted.logger.Logger;

/**
 * The signals twistd handles itself (the reactor handles SIGINT and SIGTERM), through core's
 * {@link io.jtwisted.internet.Signals}, as the reactor does.
 */
final class Signals {
    private static final Logger log = Logger.forClass(Signals.class);

    private Signals() {}

    /** What became of a handler twistd installed. */
    enum Outcome {
        /** The action runs each time the signal arrives. */
        HANDLED,
        /** The process ignores the signal since it started (as under nohup) and the JVM leaves it so. */
        IGNORED,
        /** The JVM does not let the signal be handled; logged. */
        UNAVAILABLE
    }

    /**
     * Runs {@code action} (on the JVM's signal thread) each time {@code name} arrives; logs a warning when it
     * never will.
     *
     * @return whether the action will run
     */
    static boolean handle(String name, Runnable action) {
        Outcome outcome = install(name, action);
        if (outcome == Outcome.IGNORED) {
            log.warn(
                    "SIG{name} is ignored by this process (its parent ignored it, as nohup does SIGHUP): "
                            + "twistd cannot handle it",
                    name);
        }
        return outcome == Outcome.HANDLED;
    }

    /**
     * As {@link #handle}, but leaves a signal that stays ignored for the caller to explain; logs only when the
     * JVM does not let the signal be handled.
     */
    static Outcome install(String name, Runnable action) {
        try {
            return io.jtwisted.internet.Signals.handle(name, action).stillIgnored() ? Outcome.IGNORED : Outcome.HANDLED;
        } catch (IllegalArgumentException | UnsupportedOperationException unavailable) {
            log.warn("Cannot handle SIG{name}: {reason}", name, unavailable.getMessage());
            return Outcome.UNAVAILABLE;
        }
    }
}
