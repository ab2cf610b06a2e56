package io.jtwisted.web.http;

import io.jtwisted.internet.testing.EventLoggingObserver;
import io.jtwisted.logger.LogEvent;
import io.jtwisted.logger.LogLevel;
import io.jtwisted.logger.LogPublisher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * Runs code that is expected to log errors, as trial's {@code flushLoggedErrors}: returns the
 * critical events it logged, and keeps the default observer's copy of them off the console.
 */
public final class LoggedErrors {
    private LoggedErrors() {}

    /** Runs {@code action}; returns the CRITICAL events logged meanwhile. */
    public static List<LogEvent> during(Runnable action) {
        PrintStream err = System.err;
        System.setErr(new PrintStream(new ByteArrayOutputStream()));
        try (EventLoggingObserver events = EventLoggingObserver.observing(LogPublisher.globalLogPublisher())) {
            action.run();
            return events.events().stream()
                    .filter(e -> e.level() == LogLevel.CRITICAL)
                    .toList();
        } finally {
            System.setErr(err);
        }
    }
}
