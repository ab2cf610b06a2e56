package io.jtwisted.scripts.twistd;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.logger.Logger;
import io.jtwisted.logger.Slf4jLogObserver;
import io.jtwisted.python.failure.Failure;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/**
 * The bridge to SLF4J, with a recording SLF4J provider on this module's test class path (core's tests run
 * without one). Ports of twisted/logger/test/test_stdlib.py (STDLibLogObserverTests: test_name as "one SLF4J
 * logger per namespace", test_levels, test_callerInfo is moot, test_basicFormat, test_failure). Lives in the
 * twistd module only because this is the module whose tests may carry an SLF4J provider without changing
 * what other tests see.
 */
class Slf4jLogObserverTest {
    @BeforeEach
    void forgetEarlierCalls() {
        RecordingSlf4jProvider.CALLS.clear();
    }

    @Test
    void eventsReachTheSlf4jLoggerOfTheirNamespaceAtTheirLevel() {
        Logger log = new Logger("app.part", new Slf4jLogObserver());
        log.debug("d {}", 1);
        log.info("i {name}", "x");
        log.warn("w");
        log.error("e");
        log.critical("c");
        assertThat(RecordingSlf4jProvider.CALLS)
                .extracting(RecordingSlf4jProvider.Call::logger)
                .containsOnly("app.part");
        assertThat(RecordingSlf4jProvider.CALLS)
                .extracting(RecordingSlf4jProvider.Call::level)
                .containsExactly(Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR, Level.ERROR);
        assertThat(RecordingSlf4jProvider.CALLS)
                .extracting(RecordingSlf4jProvider.Call::message)
                .containsExactly("d 1", "i x", "w", "e", "c");
    }

    @Test
    void aFailureTravelsAsTheThrowable() {
        IllegalStateException error = new IllegalStateException("boom");
        new Logger("app", new Slf4jLogObserver()).failure("broke", new Failure(error));
        assertThat(RecordingSlf4jProvider.CALLS).singleElement().satisfies(call -> {
            assertThat(call.message()).isEqualTo("broke");
            assertThat(call.throwable()).isSameAs(error);
        });
    }

    @Test
    void beforeLoggingBeginsEventsGoToSlf4jWhenAProviderIsPresent() {
        io.jtwisted.logger.LogPublisher publisher = new io.jtwisted.logger.LogPublisher();
        new io.jtwisted.logger.LogBeginner(publisher, null);
        new Logger("embedded.app", publisher).info("seen by {who}", "slf4j");
        assertThat(RecordingSlf4jProvider.CALLS)
                .extracting(RecordingSlf4jProvider.Call::message)
                .containsExactly("seen by slf4j");
    }

    @Test
    void anEventSlf4jDoesNotTakeIsNeverFormatted() {
        AtomicInteger formatted = new AtomicInteger();
        Object argument = new Object() {
            @Override
            public String toString() {
                formatted.incrementAndGet();
                return "x";
            }
        };
        Logger quiet = new Logger("quiet.part", new Slf4jLogObserver());
        quiet.info("{}", argument);
        quiet.debug("{}", argument);
        assertThat(formatted).hasValue(0);
        assertThat(RecordingSlf4jProvider.CALLS).isEmpty();
        quiet.warn("{}", argument);
        assertThat(formatted).hasValue(1);
    }
}
