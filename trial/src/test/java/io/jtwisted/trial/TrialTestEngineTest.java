package io.jtwisted.trial;

import static io.jtwisted.internet.Reactor.reactor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.ClassNameFilter.excludeClassNamePatterns;
import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import io.jtwisted.internet.defer.TimeoutError;
import io.jtwisted.trial.unittest.DeferredTestCaseTest;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * The jtwisted-trial engine, proven by running {@link TrialTestEngineFixtures} through it. Covers,
 * from twisted.trial.test.test_deferred: DeferredTests test_pass, test_passGenerated (a returned
 * Deferred fired later passes), test_fail / test_errorInCallback (its errback fails the test with
 * the original exception); SetUpTests test_success, test_fail, test_error (a set-up returning a
 * Deferred is awaited; when it fails, neither the test nor tearDown runs); TimeoutTests
 * test_timeout, test_classTimeout (a Deferred still waiting fails the test with a TimeoutError
 * and is cancelled). From twisted.trial.test.test_tests: SkippingMixin test_skip1, test_skipClass
 * (skip attribute and SkipTest). From twisted.trial.test.test_loader: test_sortCases,
 * test_loadNonMethod-style exclusions (what is and is not a test method) and inherited tests.
 * Dirty reactor and logged errors as in TrialExtensionTest, through the shared checks. Not
 * ported: todo/expected failures, inlineCallbacks, addCleanup, suite-level setUpClass (trial
 * dropped it too).
 */
class TrialTestEngineTest {
    private static Events run(DiscoverySelector... selectors) {
        return EngineTestKit.engine(TrialTestEngine.ENGINE_ID)
                .selectors(selectors)
                .execute()
                .testEvents();
    }

    private static Events run(Class<?> fixture) {
        return run(selectClass(fixture));
    }

    private static Throwable failureOf(Events events) {
        List<Event> failed = events.failed().list();
        assertThat(failed).hasSize(1);
        return failed.get(0)
                .getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable)
                .orElseThrow();
    }

    private static List<String> testNames(Events events) {
        return events.started()
                .map(e -> e.getTestDescriptor().getSource().orElseThrow())
                .map(source -> {
                    MethodSource method = (MethodSource) source;
                    return method.getJavaClass().getSimpleName() + "#" + method.getMethodName();
                })
                .toList();
    }

    @BeforeEach
    void clearEvents() {
        TrialTestEngineFixtures.events.clear();
    }

    @AfterEach
    void reactorIsLeftClean() {
        assertThat(reactor.getDelayedCalls()).isEmpty();
        assertThat(reactor.getReaders()).isEmpty();
        assertThat(reactor.getWriters()).isEmpty();
        assertThat(reactor.running()).isFalse();
    }

    @Test
    void everyPublicNoArgumentTestMethodRunsInNameOrder() {
        Events events = run(TrialTestEngineFixtures.Passing.class);
        events.assertStatistics(s -> s.started(3).succeeded(3).failed(0));
        assertThat(testNames(events))
                .containsExactly(
                        "Passing#testAlreadyFired", "Passing#testDeferredFiredByTheReactor", "Passing#testVoid");
        assertThat(TrialTestEngineFixtures.events).containsExactly("void ran");
    }

    @Test
    void inheritedTestsAreReportedUnderTheSubclass() {
        Events events = run(TrialTestEngineFixtures.Inheriting.class);
        events.assertStatistics(s -> s.succeeded(3));
        assertThat(testNames(events)).allMatch(name -> name.startsWith("Inheriting#"));
    }

    @Test
    void methodSelectorRunsOneTest() {
        Events events = run(selectMethod(TrialTestEngineFixtures.Passing.class, "testVoid"));
        assertThat(testNames(events)).containsExactly("Passing#testVoid");
    }

    @Test
    void uniqueIdSelectorRunsWhatItNames() {
        String id = "[engine:jtwisted-trial]/[class:" + TrialTestEngineFixtures.Passing.class.getName()
                + "]/[method:testVoid]";
        assertThat(testNames(run(selectUniqueId(id)))).containsExactly("Passing#testVoid");
    }

    @Test
    void packageScanFindsTopLevelTestCasesButNotNestedFixtures() {
        // The filter lets the nested fixtures through: the engine's top-level rule keeps them out.
        Events events = EngineTestKit.engine(TrialTestEngine.ENGINE_ID)
                .selectors(selectPackage("io.jtwisted.trial"))
                .filters((org.junit.platform.engine.Filter<?>)
                        includeClassNamePatterns(".*DeferredTestCaseTest", ".*TrialTestEngineFixtures\\$.*"))
                .execute()
                .testEvents();
        assertThat(testNames(events))
                .isNotEmpty()
                .allMatch(name -> name.startsWith(DeferredTestCaseTest.class.getSimpleName() + "#"));
        events.assertStatistics(s -> s.failed(0));
    }

    @Test
    void classPathRootScanFindsTopLevelTestCasesAndRespectsClassNameFilters() throws URISyntaxException {
        Path testClasses = Path.of(DeferredTestCaseTest.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Events events = EngineTestKit.engine(TrialTestEngine.ENGINE_ID)
                .selectors(selectClasspathRoots(Set.of(testClasses)).get(0))
                .filters((org.junit.platform.engine.Filter<?>) excludeClassNamePatterns(".*RemoteCalculation.*"))
                .execute()
                .testEvents();
        assertThat(testNames(events))
                .isNotEmpty()
                .allMatch(name -> name.startsWith(DeferredTestCaseTest.class.getSimpleName() + "#"));
    }

    @Test
    void errbackFailsTheTestWithTheOriginalException() {
        Throwable error = failureOf(run(TrialTestEngineFixtures.Errback.class));
        assertThat(error).isInstanceOf(IllegalStateException.class).hasMessage("exploded on purpose");
        assertThat(error.getStackTrace()[0].getMethodName()).isEqualTo("explode");
    }

    @Test
    void exceptionThrownByTheTestFailsIt() {
        assertThat(failureOf(run(TrialTestEngineFixtures.ThrowsSynchronously.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("exploded on purpose");
    }

    @Test
    void deferredThatNeverFiresTimesOutAndIsCancelled() {
        Throwable error = failureOf(run(TrialTestEngineFixtures.NeverFires.class));
        assertThat(error).isInstanceOf(TimeoutError.class).hasMessageContaining("0.1 seconds");
        assertThat(TrialTestEngineFixtures.lastDeferred.hasResult())
                .as("cancelled at the timeout")
                .isTrue();
        assertThat(TrialTestEngineFixtures.lastDeferred.currentResult())
                .as("the cancellation's failure is handled")
                .isNull();
    }

    @Test
    void methodTimeoutOverridesTheDefault() {
        assertThat(failureOf(run(TrialTestEngineFixtures.MethodTimeout.class)))
                .isInstanceOf(TimeoutError.class)
                .hasMessageContaining("0.05 seconds");
    }

    @Test
    void timeoutConfigurationParameterAppliesWithoutAnnotation() {
        Events events = EngineTestKit.engine(TrialTestEngine.ENGINE_ID)
                .configurationParameter(TrialExtension.TIMEOUT_PARAMETER, "0.02")
                .selectors(selectClass(TrialTestEngineFixtures.NeverFiresWithoutTimeout.class))
                .execute()
                .testEvents();
        assertThat(failureOf(events)).isInstanceOf(TimeoutError.class).hasMessageContaining("0.02 seconds");
    }

    @Test
    void invalidTimeoutFailsTheTestWithoutRunningIt() {
        Events events = EngineTestKit.engine(TrialTestEngine.ENGINE_ID)
                .configurationParameter(TrialExtension.TIMEOUT_PARAMETER, "soon")
                .selectors(selectMethod(TrialTestEngineFixtures.Passing.class, "testVoid"))
                .execute()
                .testEvents();
        assertThat(failureOf(events)).isInstanceOf(NumberFormatException.class);
        Events negative = EngineTestKit.engine(TrialTestEngine.ENGINE_ID)
                .configurationParameter(TrialExtension.TIMEOUT_PARAMETER, "-1")
                .selectors(selectMethod(TrialTestEngineFixtures.Passing.class, "testVoid"))
                .execute()
                .testEvents();
        assertThat(failureOf(negative))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
        assertThat(TrialTestEngineFixtures.events).isEmpty();
    }

    @Test
    void setUpTestAndTearDownDeferredsAreAwaitedInOrder() {
        run(TrialTestEngineFixtures.SetUpAndTearDown.class)
                .assertStatistics(s -> s.succeeded(1).failed(0));
        assertThat(TrialTestEngineFixtures.events)
                .containsExactly("setUp", "setUp fired", "test", "test fired", "tearDown", "tearDown fired");
    }

    @Test
    void failedSetUpFailsTheTestWithoutRunningItOrTearDown() {
        assertThat(failureOf(run(TrialTestEngineFixtures.SetUpFails.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("exploded on purpose");
        assertThat(TrialTestEngineFixtures.events).isEmpty();
    }

    @Test
    void tearDownFailureIsAddedToTheTestFailure() {
        Throwable error = failureOf(run(TrialTestEngineFixtures.TestAndTearDownFail.class));
        assertThat(error).isInstanceOf(AssertionError.class).hasMessage("test failed");
        assertThat(error.getSuppressed())
                .singleElement()
                .extracting(Throwable::getMessage)
                .isEqualTo("tearDown failed");
    }

    @Test
    void dirtyReactorFailsTheTest() {
        Throwable error = failureOf(run(TrialTestEngineFixtures.DirtyReactor.class));
        assertThat(error).isInstanceOf(DirtyReactorAggregateError.class).hasMessageContaining("DelayedCalls:");
        assertThat(((DirtyReactorAggregateError) error).delayedCalls()).hasSize(1);
    }

    @Test
    void unflushedLoggedErrorFailsTheTest() {
        Throwable error = failureOf(run(TrialTestEngineFixtures.LoggedError.class));
        assertThat(error).isInstanceOf(UnflushedLoggedErrors.class).hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void flushedLoggedErrorDoesNotFailTheTest() {
        run(TrialTestEngineFixtures.FlushedLoggedError.class)
                .assertStatistics(s -> s.succeeded(1).failed(0));
    }

    @Test
    void skippedTestsAreReportedWithTheirReasonAndNotRun() {
        Events events = run(TrialTestEngineFixtures.Skipped.class);
        events.assertStatistics(s -> s.skipped(1).aborted(1).succeeded(1).failed(0));
        assertThat(events.skipped().list())
                .singleElement()
                .extracting(e -> e.getPayload(String.class).orElseThrow())
                .isEqualTo("not today");
        assertThat(events.aborted().list())
                .singleElement()
                .extracting(e -> e.getPayload(TestExecutionResult.class)
                        .flatMap(TestExecutionResult::getThrowable)
                        .orElseThrow()
                        .getMessage())
                .isEqualTo("no network here");
        assertThat(TrialTestEngineFixtures.events).isEmpty();
    }

    @Test
    void skippedClassRunsNothing() {
        Events all = EngineTestKit.engine(TrialTestEngine.ENGINE_ID)
                .selectors(selectClass(TrialTestEngineFixtures.SkippedClass.class))
                .execute()
                .allEvents();
        assertThat(all.skipped().list())
                .singleElement()
                .extracting(e -> e.getPayload(String.class).orElseThrow())
                .isEqualTo("whole class");
        assertThat(TrialTestEngineFixtures.events).isEmpty();
    }

    @Test
    void completionStageIsAwaited() {
        Events events = run(TrialTestEngineFixtures.Stages.class);
        events.assertStatistics(s -> s.succeeded(1).failed(1));
        assertThat(failureOf(events)).isInstanceOf(IllegalStateException.class).hasMessage("exploded on purpose");
    }
}
