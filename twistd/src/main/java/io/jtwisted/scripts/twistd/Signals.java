package io.jtwisted.scripts.twistd;

import io.jtwisted.logger.Logger;

/**
 * The signals twistd handles itself (the reactor handles SIGINT and SIGTERM), through core's
 * {@link io.jtwisted.internet.Signals}, as the reactor does.
 */
final class Signals {
    private static final Logger log = Logger.forClass(Signals.class);

    private Signals() {}

    /** Runs {@code action} (on the JVM's signal thread) each time {@code name} arrives; logs when it cannot. */
    static void handle(String name, Runnable action) {
        try {
            if (io.jtwisted.internet.Signals.handle(name, action).previouslyIgnored()) {
                // The JVM does not take over a signal its parent ignored (as under nohup).
                log.warn("SIG{name} is ignored by whoever started twistd, so twistd cannot handle it", name);
            }
        } catch (IllegalArgumentException | UnsupportedOperationException unavailable) {
            log.warn("Cannot handle SIG{name}: {reason}", name, unavailable.getMessage());
        }
    }
}
