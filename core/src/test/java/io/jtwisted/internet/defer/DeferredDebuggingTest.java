package io.jtwisted.internet.defer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jtwisted.internet.testing.EventLoggingObserver;
import io.jtwisted.logger.LogEvent;
import io.jtwisted.logger.LogPublisher;
import io.jtwisted.testing.CoreTestGuard;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Debug mode and prompt reports of unhandled failures: port of twisted.test.test_defer's
 * AlreadyCalledTests debug cases and LogTests.test_errorLogDebugInfo, plus
 * {@link Deferred#logUnhandledErrors()}, which Twisted does not have (CPython reports at once,
 * when the last reference goes; Java needs an explicit point: a reactor stopping, the JVM
 * exiting).
 *
 * <p>Covered: testAlreadyCalledDebug_CC, _CE, _EC, _EE, testNoDebugging, testSwitchDebugging,
 * test_errorLogDebugInfo (reported through logUnhandledErrors instead of a forced collection).
 */
class DeferredDebuggingTest {
    private boolean wasDebugging;
    private EventLoggingObserver logged;

    @BeforeEach
    void debugOn() {
        wasDebugging = Deferred.getDebugging();
        Deferred.setDebugging(true);
        Deferred.logUnhandledErrors(); // leftovers of earlier tests are not this test's business
        logged = EventLoggingObserver.observing(LogPublisher.globalLogPublisher());
    }

    @AfterEach
    void restore() {
        Deferred.logUnhandledErrors();
        CoreTestGuard.flushLoggedErrors(); // the reports these tests provoke and check
        logged.close();
        Deferred.setDebugging(wasDebugging);
    }

    private static void callOne(Deferred<String> d) {
        d.callback("hello");
    }

    private static void callTwo(Deferred<String> d) {
        d.callback("twice");
    }

    private static void errOne(Deferred<String> d) {
        d.errback(new IllegalStateException("one"));
    }

    private static void errTwo(Deferred<String> d) {
        d.errback(new IllegalStateException("two"));
    }

    private static long count(List<String> lines, String tag, String method) {
        return lines.stream()
                .filter(l -> l.startsWith(" " + tag + ":") && l.contains("." + method + "("))
                .count();
    }

    /** The creator lists the test, not the callers; the invoker lists the first caller, not the second. */
    private static void check(AlreadyCalledError e, String creator, String invoker1, String invoker2) {
        List<String> lines = Arrays.asList(e.getMessage().split("\n"));
        assertThat(count(lines, "C", creator)).isEqualTo(1);
        for (String caller : List.of("callOne", "callTwo", "errOne", "errTwo")) {
            assertThat(count(lines, "C", caller)).isZero();
        }
        assertThat(count(lines, "I", invoker1)).isEqualTo(1);
        assertThat(count(lines, "I", invoker2)).isZero();
    }

    private static Deferred<String> watched() {
        Deferred<String> d = new Deferred<>();
        d.addErrback(f -> null);
        return d;
    }

    @Test
    void secondCallbackNamesTheCreatorAndTheFirstCallback() {
        Deferred<String> d = watched();
        callOne(d);
        check(
                catchThrowableOfType(AlreadyCalledError.class, () -> callTwo(d)),
                "secondCallbackNamesTheCreatorAndTheFirstCallback",
                "callOne",
                "callTwo");
    }

    @Test
    void errbackAfterCallbackNamesTheCreatorAndTheCallback() {
        Deferred<String> d = watched();
        callOne(d);
        check(
                catchThrowableOfType(AlreadyCalledError.class, () -> errTwo(d)),
                "errbackAfterCallbackNamesTheCreatorAndTheCallback",
                "callOne",
                "errTwo");
    }

    @Test
    void callbackAfterErrbackNamesTheCreatorAndTheErrback() {
        Deferred<String> d = watched();
        errOne(d);
        check(
                catchThrowableOfType(AlreadyCalledError.class, () -> callTwo(d)),
                "callbackAfterErrbackNamesTheCreatorAndTheErrback",
                "errOne",
                "callTwo");
    }

    @Test
    void secondErrbackNamesTheCreatorAndTheFirstErrback() {
        Deferred<String> d = watched();
        errOne(d);
        check(
                catchThrowableOfType(AlreadyCalledError.class, () -> errTwo(d)),
                "secondErrbackNamesTheCreatorAndTheFirstErrback",
                "errOne",
                "errTwo");
    }

    @Test
    void withoutDebuggingTheErrorCarriesNoTraces() {
        Deferred.setDebugging(false);
        Deferred<String> d = watched();
        callOne(d);
        AlreadyCalledError e = catchThrowableOfType(AlreadyCalledError.class, () -> callTwo(d));
        assertThat(e.getMessage()).doesNotContain(" C:").doesNotContain(" I:");
    }

    @Test
    void switchingDebuggingOnAndOffMidwayIsHarmless() {
        Deferred.setDebugging(false);
        Deferred<Void> d = new Deferred<>();
        d.addBoth(ignored -> null);
        Deferred.setDebugging(true);
        d.callback(null);
        Deferred.setDebugging(false);
        Deferred<Void> e = new Deferred<>();
        e.callback(null);
        Deferred.setDebugging(true);
        e.addBoth(ignored -> null);
        assertThat(d.hasResult() && e.hasResult()).isTrue();
    }

    private List<LogEvent> unhandledReports() {
        return logged.events().stream()
                .filter(e -> e.message().startsWith("Unhandled error in Deferred:"))
                .toList();
    }

    @Test
    @SuppressWarnings("divzero") // the callback's exception is the point
    void unhandledReportIncludesWhereTheDeferredWasCreatedAndFired() {
        Deferred<Integer> d = new Deferred<>();
        d.addCallback(x -> x / 0);
        d.callback(1);
        Deferred.logUnhandledErrors();
        assertThat(unhandledReports()).singleElement().satisfies(event -> {
            assertThat(event.message())
                    .contains("(debug:  C: Deferred was created:")
                    .contains(" I: First Invoker was:")
                    .contains("unhandledReportIncludesWhereTheDeferredWasCreatedAndFired");
            assertThat(event.failure().type()).isEqualTo(ArithmeticException.class);
        });
        d.addErrback(f -> null);
    }

    @Test
    void logUnhandledErrorsReportsAStillReferencedFailureOnceAndNotAHandledOne() {
        Deferred.setDebugging(false);
        Deferred<Void> failed = Deferred.fail(new IllegalStateException("left unhandled"));
        Deferred<Void> handled = Deferred.fail(new IllegalStateException("handled"));
        handled.addErrback(f -> null);
        Deferred.logUnhandledErrors();
        Deferred.logUnhandledErrors();
        assertThat(unhandledReports()).singleElement().satisfies(event -> {
            assertThat(event.message()).isEqualTo("Unhandled error in Deferred:");
            assertThat(event.failure().getErrorMessage()).isEqualTo("left unhandled");
        });
        assertThat(failed.called()).isTrue();
    }

    @Test
    void aChainThatFailsAgainAfterBeingReportedIsReportedAgain() {
        Deferred.setDebugging(false);
        Deferred<Void> d = Deferred.fail(new IllegalStateException("first"));
        Deferred.logUnhandledErrors();
        d.addErrback(f -> {
            throw new IllegalArgumentException("second");
        });
        Deferred.logUnhandledErrors();
        assertThat(unhandledReports())
                .extracting(e -> e.failure().getErrorMessage())
                .containsExactly("first", "second");
        d.addErrback(f -> null);
    }
}
