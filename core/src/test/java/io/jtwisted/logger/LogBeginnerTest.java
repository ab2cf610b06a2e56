package io.jtwisted.logger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Ports of twisted/logger/test/test_global.py (LogBeginnerTests): test_beginLoggingToAddObservers,
 * test_beginLoggingToBufferedEvents, test_beginLoggingToTwice (the warning naming both places),
 * test_criticalLogging / test_criticalLoggingStops (here warnings and worse reach the error stream until
 * logging begins, and stop once it has), test_beginLoggingToRedirectStandardIO,
 * test_beginLoggingToDontRedirect, and the buffer limit (test_beginLoggingToBufferedEventsLimit). Not
 * ported: the warnings-module cases (Java has no warnings module) and test_startLoggingOverridesWarning.
 */
class LogBeginnerTest {
    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream errorBytes = new ByteArrayOutputStream();
    private final LogPublisher publisher = new LogPublisher();
    private final LogBeginner beginner =
            new LogBeginner(publisher, new PrintStream(errorBytes, true, StandardCharsets.UTF_8));
    private final Logger log = new Logger("begin.test", publisher);

    @AfterEach
    void restoreStandardStreams() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void eventsBeforeBeginningAreReplayedToTheNewObservers() {
        log.info("early {}", 1);
        log.debug("early debug");
        List<LogEvent> a = new ArrayList<>();
        List<LogEvent> b = new ArrayList<>();
        beginner.beginLoggingTo(List.of(a::add, b::add), false, false);
        log.info("late");
        assertThat(a).extracting(LogEvent::message).containsExactly("early 1", "early debug", "late");
        assertThat(b).extracting(LogEvent::message).containsExactly("early 1", "early debug", "late");
    }

    @Test
    void discardBufferDropsTheEarlyEvents() {
        log.info("early");
        List<LogEvent> seen = new ArrayList<>();
        beginner.beginLoggingTo(List.of(seen::add), true, false);
        log.info("late");
        assertThat(seen).extracting(LogEvent::message).containsExactly("late");
    }

    @Test
    void onlyTheLatestEventsAreKept() {
        for (int i = 0; i < LogBeginner.BUFFER_SIZE + 5; i++) {
            log.info("{}", i);
        }
        List<LogEvent> seen = new ArrayList<>();
        beginner.beginLoggingTo(List.of(seen::add), false, false);
        assertThat(seen).hasSize(LogBeginner.BUFFER_SIZE);
        assertThat(seen.get(0).message()).isEqualTo("5");
    }

    @Test
    void warningsReachTheErrorStreamUntilLoggingBegins() {
        log.info("quiet");
        log.warn("loud {}", "one");
        beginner.beginLoggingTo(List.of(e -> {}), false, false);
        log.critical("after");
        String errors = errorBytes.toString(StandardCharsets.UTF_8);
        assertThat(errors).contains("loud one").doesNotContain("quiet").doesNotContain("after");
    }

    @Test
    void beginningTwiceWarnsWithBothPlaces() {
        List<LogEvent> seen = new ArrayList<>();
        beginner.beginLoggingTo(List.of(seen::add), false, false);
        beginner.beginLoggingTo(List.of(e -> {}), false, false);
        LogEvent warning = seen.get(seen.size() - 1);
        assertThat(warning.level()).isEqualTo(LogLevel.WARN);
        assertThat(warning.message())
                .startsWith("Warning: primary log target selected twice at LogBeginnerTest.java:")
                .contains("previously selected at LogBeginnerTest.java:");
    }

    @Test
    void standardStreamsBecomeLogEventsWhenRedirected() {
        List<LogEvent> seen = new ArrayList<>();
        beginner.beginLoggingTo(List.of(seen::add), true, true);
        System.out.println("printed line");
        System.err.print("partial ");
        System.err.println("error line");
        assertThat(seen)
                .extracting(LogEvent::namespace, LogEvent::level, LogEvent::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("stdout", LogLevel.INFO, "printed line"),
                        org.assertj.core.groups.Tuple.tuple("stderr", LogLevel.ERROR, "partial error line"));
        assertThat(seen.get(0).get("log_io")).isEqualTo("printed line");
    }

    @Test
    void anObserverThatPrintsWhileRedirectedDoesNotLoop() {
        ByteArrayOutputStream fallback = new ByteArrayOutputStream();
        System.setOut(new PrintStream(fallback, true, StandardCharsets.UTF_8));
        List<LogEvent> seen = new ArrayList<>();
        beginner.beginLoggingTo(List.of(seen::add, e -> System.out.println("observer saw " + e.message())), true, true);
        System.out.println("hello");
        assertThat(seen).extracting(LogEvent::message).containsExactly("hello");
        assertThat(fallback.toString(StandardCharsets.UTF_8)).isEqualTo("observer saw hello" + System.lineSeparator());
    }

    @Test
    void withoutRedirectionTheStandardStreamsAreLeftAlone() {
        beginner.beginLoggingTo(List.of(e -> {}), false, false);
        assertThat(System.out).isSameAs(originalOut);
        assertThat(System.err).isSameAs(originalErr);
    }

    @Test
    void theGlobalBeginnerServesTheGlobalPublisher() {
        assertThat(LogBeginner.globalLogBeginner()).isNotNull().isSameAs(LogBeginner.globalLogBeginner());
        assertThat(LogPublisher.globalLogPublisher().observers()).isNotEmpty();
    }
}
