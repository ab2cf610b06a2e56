package io.jtwisted.logger;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.python.failure.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Ports of twisted/logger/test/test_logger.py: test_namespace_default (namespace from the creating class),
 * test_basicLogger (each level method), test_failure, test_observerRaises is in LogPublisherTest. Not
 * ported: the descriptor cases (test_descriptorObserver, test_sourceAvailableForFormatting,
 * test_repr): Java loggers are plain fields, not descriptors, so there is no log_source.
 */
class LoggerTest {
    private final List<LogEvent> events = new ArrayList<>();
    private final Logger log = new Logger("test.ns", events::add);

    @Test
    void defaultNamespaceIsTheClassThatCreatesTheLogger() {
        assertThat(new Logger().namespace()).isEqualTo(LoggerTest.class.getName());
        assertThat(Logger.forClass(String.class).namespace()).isEqualTo("java.lang.String");
    }

    @Test
    void eachLevelMethodEmitsAnEventAtThatLevelInTheLoggersNamespace() {
        log.debug("d");
        log.info("i");
        log.warn("w");
        log.error("e");
        log.critical("c");
        assertThat(events)
                .extracting(LogEvent::level)
                .containsExactly(LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR, LogLevel.CRITICAL);
        assertThat(events).extracting(LogEvent::namespace).containsOnly("test.ns");
        assertThat(events).extracting(LogEvent::message).containsExactly("d", "i", "w", "e", "c");
    }

    @Test
    void namedPlaceholdersTakeTheArgumentsInOrderAndBecomeFields() {
        log.info("{count} connections from {host}", 3, "localhost");
        LogEvent event = events.get(0);
        assertThat(event.message()).isEqualTo("3 connections from localhost");
        assertThat(event.fields()).containsExactly(Map.entry("count", 3), Map.entry("host", "localhost"));
        assertThat(event.format()).isEqualTo("{count} connections from {host}");
    }

    @Test
    void bareAndNamedPlaceholdersMix() {
        log.info("{} then {name} then {} then {name} again", 1, "n", 2);
        assertThat(events.get(0).message()).isEqualTo("1 then n then 2 then n again");
        assertThat(events.get(0).fields()).containsExactly(Map.entry("name", "n"));
    }

    @Test
    void emitWithFieldsIsTwistedsKeywordForm() {
        log.emit(LogLevel.WARN, null, "hello {who}", Map.of("who", "world", "extra", 7));
        LogEvent event = events.get(0);
        assertThat(event.message()).isEqualTo("hello world");
        assertThat(event.get("extra")).isEqualTo(7);
        assertThat(event.level()).isEqualTo(LogLevel.WARN);
    }

    @Test
    void failureIsLoggedAtCriticalWithTheFailure() {
        IllegalStateException error = new IllegalStateException("boom");
        log.failure("while {doing}", error, "testing");
        LogEvent event = events.get(0);
        assertThat(event.level()).isEqualTo(LogLevel.CRITICAL);
        assertThat(event.failure().value()).isSameAs(error);
        assertThat(event.message()).isEqualTo("while testing");
        assertThat(event.formatWithTraceback())
                .contains("IllegalStateException: boom")
                .contains("LoggerTest");

        log.failure("again", new Failure(error));
        assertThat(events.get(1).failure().value()).isSameAs(error);
    }

    @Test
    void eventTimeIsNow() {
        long before = System.currentTimeMillis();
        log.info("x");
        long after = System.currentTimeMillis();
        assertThat(events.get(0).timeMillis()).isBetween(before, after);
        assertThat(events.get(0).time()).isEqualTo(events.get(0).timeMillis() / 1000.0);
    }

    /** The cost rule: an event is turned into text only when an observer that takes its level reads it. */
    @Test
    void anEventNoObserverTakesIsNeverFormatted() {
        AtomicInteger formatted = new AtomicInteger();
        Object argument = new Object() {
            @Override
            public String toString() {
                formatted.incrementAndGet();
                return "expensive";
            }
        };
        List<LogEvent> seen = new ArrayList<>();
        LogLevelFilterPredicate infoAndUp = new LogLevelFilterPredicate(LogLevel.INFO);
        Logger filtered = new Logger(
                "cost",
                new LogPublisher(
                        new FilteringLogObserver(e -> seen.add(e), List.of(infoAndUp)),
                        FileLogObserverTest.discardingTextObserver(LogLevel.WARN)));

        filtered.debug("value {v}", argument);
        assertThat(formatted).hasValue(0);

        filtered.info("value {v}", argument);
        assertThat(formatted).hasValue(0); // taken, but nobody read its text yet
        assertThat(seen.get(0).message()).isEqualTo("value expensive");
        assertThat(seen.get(0).message()).isEqualTo("value expensive");
        assertThat(formatted).hasValue(1); // and only once
    }

    @Test
    void theDefaultObserverOnlyFormatsWarningsAndWorse() {
        AtomicInteger formatted = new AtomicInteger();
        Object argument = new Object() {
            @Override
            public String toString() {
                formatted.incrementAndGet();
                return "x";
            }
        };
        LogPublisher publisher = new LogPublisher();
        new LogBeginner(publisher, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        new Logger("cost", publisher).debug("{}", argument);
        new Logger("cost", publisher).info("{}", argument);
        assertThat(formatted).hasValue(0);
    }
}
