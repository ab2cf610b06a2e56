package io.jtwisted.scripts.twistd;

import io.jtwisted.logger.Logger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The signals twistd handles itself (the reactor handles SIGINT and SIGTERM): {@code sun.misc.Signal}, as the
 * reactor uses, since the JVM offers no other way to keep running after a SIGHUP.
 */
final class Signals {
    private static final Logger log = Logger.forClass(Signals.class);

    private Signals() {
    }

    /** Runs {@code action} (on the JVM's signal thread) each time {@code name} arrives; logs when it cannot. */
    static void handle(String name, Runnable action) {
        try {
            SignalHandler previous = Signal.handle(new Signal(name), signal -> action.run());
            if (previous == SignalHandler.SIG_IGN) {
                // The JVM does not take over a signal its parent ignored (as under nohup).
                log.warn("SIG{name} is ignored by whoever started twistd, so twistd cannot handle it", name);
            }
        } catch (IllegalArgumentException | UnsupportedOperationException unavailable) {
            log.warn("Cannot handle SIG{name}: {reason}", name, unavailable.getMessage());
        }
    }
}
