package io.jtwisted.trial;

import static io.jtwisted.internet.Reactor.reactor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.jtwisted.internet.defer.TimeoutError;
import io.jtwisted.python.failure.Failure;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * TrialExtension, proven by running {@link TrialExtensionFixtures} through the JUnit engine.
 * Covers, from twisted.trial.test.test_deferred: SetUpTests (test_success, test_fail,
 * test_callbackFail, test_error, test_skip: a set-up awaiting a Deferred), NeverFireTests
 * test_setUp; DeferredTests test_pass / test_passGenerated (a Deferred fired later passes),
 * test_fail / test_failureInCallback / test_errorInCallback (an errback fails the test with the
 * original exception), test_thread (deferToThread); TimeoutTests test_pass, test_passDefault,
 * test_timeout, test_classTimeout, test_errorPropagation (the timeout is reported as a
 * TimeoutError and the Deferred is cancelled). Not ported: test_passInlineCallbacks
 * (no inlineCallbacks), test_todo/test_skip on the test itself (JUnit's own), test_timeoutZero
 * (JUnit rejects @Timeout(0)), test_callbackReturnsNonCallingDeferred (covered by timesOut).
 * From twisted.trial.test.test_reporter: DirtyReactorTests test_errorByDefault (a dirty reactor
 * is an error, with the delayed calls and selectables listed). From twisted.trial.test.test_log:
 * LogErrorsMixin test_singleError, test_twoErrors, test_errorsIsolated; ObserverTests
 * test_flush, test_flushByType (logged errors fail a test unless flushed). Not ported:
 * DirtyReactorTests' --unclean-warnings mode and test_log's ignoreErrors (no such options).
 */
class TrialExtensionTest {
    private static Events run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(fixture))
                .execute()
                .testEvents();
    }

    private static Throwable failureOf(Events events) {
        List<Event> failed = events.failed().list();
        assertThat(failed).hasSize(1);
        return failed.get(0)
                .getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                .orElseThrow();
    }

    @AfterEach
    void reactorIsLeftClean() {
        assertThat(reactor.getDelayedCalls()).isEmpty();
        assertThat(reactor.getReaders()).isEmpty();
        assertThat(reactor.getWriters()).isEmpty();
        assertThat(reactor.running()).isFalse();
    }

    @Test
    void deferredFiredByTheReactorPasses() {
        run(TrialExtensionFixtures.DeferredFiredByTheReactor.class)
                .assertStatistics(s -> s.succeeded(3).failed(0));
    }

    @Test
    void errbackFailsTheTestWithTheOriginalTraceback() {
        Throwable error = failureOf(run(TrialExtensionFixtures.DeferredErrback.class));
        assertThat(error).isInstanceOf(IllegalStateException.class).hasMessage("exploded on purpose");
        assertThat(error.getStackTrace()[0].getMethodName()).isEqualTo("explode");
    }

    @Test
    void deferredThatNeverFiresTimesOutAfterTheConfiguredTimeoutAndIsCancelled() {
        Events events = EngineTestKit.engine("junit-jupiter")
                .configurationParameter(TrialExtension.TIMEOUT_PARAMETER, "0.1")
                .selectors(selectClass(TrialExtensionFixtures.DeferredNeverFires.class))
                .execute()
                .testEvents();
        assertThat(failureOf(events)).isInstanceOf(TimeoutError.class).hasMessageContaining("0.1 seconds");
        assertThat(TrialExtensionFixtures.lastDeferred.currentResult())
                .as("the cancelled Deferred's failure is handled")
                .isNull();
    }

    @Test
    void junitDefaultTimeoutAppliesWhenTrialsIsNotSet() {
        Events events = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.timeout.default", "80 ms")
                .selectors(selectClass(TrialExtensionFixtures.DeferredNeverFires.class))
                .execute()
                .testEvents();
        assertThat(failureOf(events)).isInstanceOfAny(java.util.concurrent.TimeoutException.class, TimeoutError.class);
    }

    @Test
    void junitDurationsAreParsed() {
        assertThat(TrialExtension.parseJUnitDuration("5")).contains(5.0);
        assertThat(TrialExtension.parseJUnitDuration("5 s")).contains(5.0);
        assertThat(TrialExtension.parseJUnitDuration("250ms")).contains(0.25);
        assertThat(TrialExtension.parseJUnitDuration("2 m")).contains(120.0);
        assertThat(TrialExtension.parseJUnitDuration("1 H")).contains(3600.0);
        assertThat(TrialExtension.parseJUnitDuration("soon")).isEmpty();
    }

    @Test
    void methodTimeoutApplies() {
        // JUnit enforces @Timeout too: whichever timer fires first reports it.
        Throwable error = failureOf(run(TrialExtensionFixtures.MethodTimeout.class));
        assertThat(error)
                .isInstanceOfAny(java.util.concurrent.TimeoutException.class, TimeoutError.class)
                .message()
                .containsAnyOf("timed out after 100 milliseconds", "timed out after 0.1 seconds");
        assertThat(TrialExtensionFixtures.lastDeferred.hasResult())
                .as("cancelled at the timeout")
                .isTrue();
    }

    @Test
    void classTimeoutApplies() {
        Throwable error = failureOf(run(TrialExtensionFixtures.ClassTimeout.class));
        assertThat(error)
                .isInstanceOfAny(java.util.concurrent.TimeoutException.class, TimeoutError.class)
                .message()
                .containsAnyOf("timed out after 50 milliseconds", "timed out after 0.05 seconds");
    }

    @Test
    void pendingDelayedCallMakesTheReactorDirty() {
        Throwable error = failureOf(run(TrialExtensionFixtures.PendingDelayedCall.class));
        assertThat(error).isInstanceOf(DirtyReactorAggregateError.class).hasMessageContaining("DelayedCalls:");
        assertThat(((DirtyReactorAggregateError) error).delayedCalls()).hasSize(1);
        assertThat(((DirtyReactorAggregateError) error).selectables()).isEmpty();
    }

    @Test
    void openPortMakesTheReactorDirtyAndIsClosed() {
        Throwable error = failureOf(run(TrialExtensionFixtures.OpenChannel.class));
        assertThat(error)
                .isInstanceOf(DirtyReactorAggregateError.class)
                .hasMessageContaining("Selectables:\n<FakeListeningPortFactory on ");
        assertThat(TrialExtensionFixtures.lastPort.stopListening().called())
                .as("the port was closed")
                .isTrue();
    }

    @Test
    void realListeningPortMakesTheReactorDirty() {
        Throwable error = failureOf(run(TrialExtensionFixtures.ListeningPortLeftOpen.class));
        assertThat(error).isInstanceOf(DirtyReactorAggregateError.class);
        assertThat(((DirtyReactorAggregateError) error).selectables()).hasSize(1);
    }

    @Test
    void busyThreadPoolMakesTheReactorDirtyAndIsStopped() {
        Throwable error = failureOf(run(TrialExtensionFixtures.BusyThreadPool.class));
        assertThat(error).isInstanceOf(DirtyReactorAggregateError.class);
        assertThat(((DirtyReactorAggregateError) error).threads())
                .singleElement()
                .asString()
                .contains("1 thread(s)");
        assertThat(reactor.detachThreadPool()).isNull();
    }

    @Test
    void unflushedLoggedErrorFailsTheTest() {
        Throwable error = failureOf(run(TrialExtensionFixtures.LoggedError.class));
        assertThat(error)
                .isInstanceOf(UnflushedLoggedErrors.class)
                .hasMessageContaining("1 logged error(s) not flushed")
                .hasMessageContaining("exploded on purpose")
                .hasCauseInstanceOf(IllegalStateException.class);
        List<Failure> failures = ((UnflushedLoggedErrors) error).failures();
        assertThat(failures)
                .singleElement()
                .extracting(Failure::getErrorMessage)
                .isEqualTo("exploded on purpose");
    }

    @Test
    void everyLoggedErrorIsReportedAndOnlyInItsOwnTest() {
        Events events = run(TrialExtensionFixtures.TwoLoggedErrors.class);
        events.assertStatistics(s -> s.succeeded(1).failed(1));
        UnflushedLoggedErrors error = (UnflushedLoggedErrors) failureOf(events);
        assertThat(error.failures()).extracting(Failure::getErrorMessage).containsExactly("first", "second");
        assertThat(error.getSuppressed())
                .singleElement()
                .extracting(Throwable::getMessage)
                .isEqualTo("second");
    }

    @Test
    void flushedLoggedErrorDoesNotFailTheTest() {
        run(TrialExtensionFixtures.FlushedLoggedError.class)
                .assertStatistics(s -> s.succeeded(1).failed(0));
    }

    @Test
    void errorLoggedByTheReactorFailsTheTest() {
        Throwable error = failureOf(run(TrialExtensionFixtures.ErrorLoggedByTheReactor.class));
        assertThat(error).isInstanceOf(UnflushedLoggedErrors.class).hasRootCauseMessage("exploded on purpose");
    }

    @Test
    void completionStageIsAwaited() {
        Events events = run(TrialExtensionFixtures.CompletionStageFromAnotherThread.class);
        events.assertStatistics(s -> s.succeeded(1).failed(1));
        assertThat(failureOf(events)).isInstanceOf(IllegalStateException.class).hasMessage("exploded on purpose");
    }

    @Test
    void reactorPassedToAwaitIsCheckedToo() {
        Throwable error = failureOf(run(TrialExtensionFixtures.OwnReactor.class));
        assertThat(error).isInstanceOf(DirtyReactorAggregateError.class);
        assertThat(TrialExtensionFixtures.lastReactor.getDelayedCalls()).isEmpty();
    }

    @Test
    void setUpAwaitingADeferredRunsBeforeTheTest() {
        run(TrialExtensionFixtures.DeferredSetUpOk.class).assertStatistics(s -> s.succeeded(1));
    }

    @Test
    void setUpWhoseDeferredFailsFailsTheTestWithoutRunningIt() {
        TrialExtensionFixtures.testCalled = false;
        assertThat(failureOf(run(TrialExtensionFixtures.DeferredSetUpError.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("deliberate error");
        assertThat(failureOf(run(TrialExtensionFixtures.DeferredSetUpCallbackFail.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessage("deliberate failure");
        assertThat(TrialExtensionFixtures.testCalled).isFalse();
    }

    @Test
    void setUpWhoseDeferredNeverFiresTimesOutWithoutRunningTheTest() {
        TrialExtensionFixtures.testCalled = false;
        Events events = EngineTestKit.engine("junit-jupiter")
                .configurationParameter(TrialExtension.TIMEOUT_PARAMETER, "0.1")
                .selectors(selectClass(TrialExtensionFixtures.DeferredSetUpNeverFires.class))
                .execute()
                .testEvents();
        assertThat(failureOf(events)).isInstanceOf(TimeoutError.class);
        assertThat(TrialExtensionFixtures.testCalled).isFalse();
    }

    @Test
    void abortInASetUpCallbackSkipsTheTest() {
        TrialExtensionFixtures.testCalled = false;
        run(TrialExtensionFixtures.DeferredSetUpSkip.class)
                .assertStatistics(s -> s.aborted(1).failed(0));
        assertThat(TrialExtensionFixtures.testCalled).isFalse();
    }

    @Test
    void deferredFiredFromAThreadIsAwaitedAndTheIdlePoolIsClean() {
        run(TrialExtensionFixtures.DeferredFromThread.class)
                .assertStatistics(s -> s.succeeded(1).failed(0));
    }

    @Test
    void awaitAndFlushNeedTheExtension() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> Trial.await(new io.jtwisted.internet.defer.Deferred<>()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TrialExtension");
        org.assertj.core.api.Assertions.assertThatThrownBy(Trial::flushLoggedErrors)
                .isInstanceOf(IllegalStateException.class);
    }
}
