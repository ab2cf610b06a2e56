package io.jtwisted.internal.loop;

import io.jtwisted.internet.error.ReactorNotRunning;
import io.jtwisted.logger.Logger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT and SIGTERM handlers that stop a running reactor cleanly (its shutdown triggers run), as
 * Twisted's {@code sigInt}/{@code sigTerm}. The JVM calls a handler on a thread of its own, so the
 * handler passes the stop to the reactor thread. Built on {@code sun.misc.Signal} (module
 * {@code jdk.unsupported}): unlike a shutdown hook, it leaves the JVM running while the shutdown
 * triggers (which may wait on Deferreds) run, and lets {@code run()} return normally.
 */
final class SignalHandling {
    private static final Logger log = Logger.forClass(SignalHandling.class);
    private static final String[] SIGNALS = {"INT", "TERM"};

    private final SignalHandler[] previous = new SignalHandler[SIGNALS.length];

    private SignalHandling() {
    }

    static SignalHandling install(EventLoop reactor) {
        SignalHandling installed = new SignalHandling();
        for (int i = 0; i < SIGNALS.length; i++) {
            String name = SIGNALS[i];
            try {
                installed.previous[i] = Signal.handle(new Signal(name), signal -> {
                    log.info("Received SIG{}, shutting down.", name);
                    reactor.callFromThread(() -> {
                        try {
                            reactor.stop();
                        } catch (ReactorNotRunning alreadyStopping) {
                            log.info("Already shutting down.");
                        }
                    });
                });
            } catch (IllegalArgumentException | UnsupportedOperationException unavailable) {
                log.warn("Cannot handle SIG{}: {}", name, unavailable.getMessage());
            }
        }
        return installed;
    }

    void uninstall() {
        for (int i = 0; i < SIGNALS.length; i++) {
            if (previous[i] != null) {
                try {
                    Signal.handle(new Signal(SIGNALS[i]), previous[i]);
                } catch (IllegalArgumentException | UnsupportedOperationException e) {
                    log.warn("Cannot restore the SIG{} handler: {}", SIGNALS[i], e.getMessage());
                }
            }
        }
    }
}
