package io.jtwisted.internet;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.logger.ILogObserver;
import io.jtwisted.logger.LogEvent;
import io.jtwisted.logger.LogPublisher;
import io.jtwisted.testing.CoreTestGuard;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Helpers for tests that run a real reactor on the test thread. */
public final class ReactorTestSupport {
    /** Longest a test lets its reactor run before crashing it and failing. */
    public static final double TIMEOUT_SECONDS = 10;

    private ReactorTestSupport() {}

    /** Runs {@code reactor} (without signal handlers) and fails if it had to be crashed after the timeout. */
    public static void runUntilStopped(Reactor reactor) {
        boolean[] timedOut = {false};
        var guard = reactor.callLater(TIMEOUT_SECONDS, () -> {
            timedOut[0] = true;
            reactor.crash();
        });
        reactor.run(false);
        assertThat(timedOut[0]).as("reactor stopped before the test timeout").isFalse();
        if (guard.active()) {
            guard.cancel();
        }
    }

    /** Collects the events logged while it is open. */
    public static final class CapturedLog implements ILogObserver, AutoCloseable {
        public final List<LogEvent> events = new CopyOnWriteArrayList<>();

        public CapturedLog() {
            LogPublisher.globalLogPublisher().addObserver(this);
        }

        @Override
        public void observe(LogEvent event) {
            events.add(event);
        }

        /** Stops capturing; the failures it captured were the test's to check, so CoreTestGuard lets them be. */
        @Override
        public void close() {
            LogPublisher.globalLogPublisher().removeObserver(this);
            for (LogEvent event : events) {
                if (event.failure() != null) {
                    CoreTestGuard.flushLoggedError(event.failure());
                }
            }
        }
    }
}
