package io.jtwisted.internal.loop;

import io.jtwisted.internet.Signals;
import io.jtwisted.internet.error.ReactorNotRunning;
import io.jtwisted.logger.Logger;

/**
 * SIGINT and SIGTERM handlers that stop a running reactor cleanly (its shutdown triggers run), as
 * Twisted's {@code sigInt}/{@code sigTerm}. The JVM calls a handler on a thread of its own, so the
 * handler passes the stop to the reactor thread. Built on {@link Signals}: unlike a shutdown hook, it leaves the JVM running while the shutdown
 * triggers (which may wait on Deferreds) run, and lets {@code run()} return normally.
 */
final class SignalHandling {
    private static final Logger log = Logger.forClass(SignalHandling.class);
    private static final String[] SIGNALS = {"INT", "TERM"};

    private final Signals.Installed[] installed = new Signals.Installed[SIGNALS.length];

    private SignalHandling() {}

    static SignalHandling install(EventLoop reactor) {
        SignalHandling handling = new SignalHandling();
        for (int i = 0; i < SIGNALS.length; i++) {
            String name = SIGNALS[i];
            try {
                handling.installed[i] = Signals.handle(name, () -> {
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
        return handling;
    }

    void uninstall() {
        for (int i = 0; i < SIGNALS.length; i++) {
            if (installed[i] != null) {
                try {
                    installed[i].restore();
                } catch (IllegalArgumentException | UnsupportedOperationException e) {
                    log.warn("Cannot restore the SIG{} handler: {}", SIGNALS[i], e.getMessage());
                }
            }
        }
    }
}
