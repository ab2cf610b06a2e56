package io.jtwisted.internet.defer;

import static io.jtwisted.internet.defer.DeferredAssertions.assertNoResult;
import static io.jtwisted.internet.defer.DeferredAssertions.failureResultOf;
import static io.jtwisted.internet.defer.DeferredAssertions.successResultOf;
import static io.jtwisted.internet.defer.DeferredList.Option.CONSUME_ERRORS;
import static io.jtwisted.internet.defer.DeferredList.Option.FIRE_ON_ONE_ERRBACK;
import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.defer.DeferredList.FirstResult;
import io.jtwisted.internet.defer.DeferredList.Result;
import io.jtwisted.internet.testing.EventLoggingObserver;
import io.jtwisted.logger.LogPublisher;
import io.jtwisted.python.failure.Failure;
import io.jtwisted.testing.CoreTestGuard;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DeferredList, gatherResults and FirstError: port of the list cases of
 * twisted.test.test_defer.DeferredTests, DeferredListEmptyTests and FirstErrorTests.
 *
 * <p>Covered: testDeferredList, testEmptyDeferredList, testDeferredListEmpty,
 * testDeferredListFireOnOneError, testDeferredListDontConsumeErrors, testDeferredListConsumeErrors,
 * testDeferredListFireOnOneErrorWithAlreadyFiredDeferreds, testDeferredListWithAlreadyFiredDeferreds,
 * test_cancelDeferredList, test_cancelDeferredListCallback, test_cancelDeferredListWithFireOnOneCallback,
 * test_cancelDeferredListWithFireOnOneCallbackAndDeferredCallback, test_cancelDeferredListWithFireOnOneErrback,
 * test_cancelDeferredListWithFireOnOneErrbackAllDeferredsCallback, test_cancelDeferredListWithOriginalDeferreds,
 * test_cancelDeferredListWithException, test_cancelFiredOnOneCallbackDeferredList, test_cancelFiredOnOneErrbackDeferredList,
 * test_gatherResults, test_gatherResultsWithConsumeErrors, test_cancelGatherResults,
 * test_cancelGatherResultsWithAllDeferredsCallback, FirstErrorTests.test_str (as toString/message),
 * FirstErrorTests.test_comparison (as equals and hashCode).
 *
 * <p>Not ported: FirstErrorTests.test_repr (Python's repr of the wrapped exception; toString is
 * covered through test_str).
 */
class DeferredListTest {
    private static void fakeCallbackCanceller(Deferred<String> d) {
        d.callback("Callback Result");
    }

    @Test
    void listFiresWithEveryOutcomeInOrder() {
        Deferred<String> d1 = new Deferred<>();
        Deferred<String> d2 = new Deferred<>();
        Deferred<String> d3 = new Deferred<>();
        DeferredList<String> dl = new DeferredList<>(List.of(d1, d2, d3));
        List<Result<String>> result = new ArrayList<>();
        dl.addCallback(result::addAll);
        d1.callback("1");
        d2.addErrback(f -> null);
        d2.errback(new IllegalStateException("2"));
        assertThat(result).isEmpty();
        d3.callback("3");
        assertThat(result).hasSize(3);
        assertThat(result.get(0)).isEqualTo(Result.succeeded("1"));
        assertThat(result.get(1).success()).isFalse();
        assertThat(result.get(1).failure().getErrorMessage()).isEqualTo("2");
        assertThat(result.get(2)).isEqualTo(Result.succeeded("3"));
    }

    @Test
    void emptyListFiresAtOnceWithAnEmptyList() {
        assertThat(successResultOf(new DeferredList<String>(List.of()))).isEmpty();
    }

    @Test
    void emptyFireOnOneCallbackListNeverFires() {
        assertNoResult(DeferredList.<String>fireOnOneCallback(List.of()));
    }

    @Test
    void fireOnOneErrbackFailsWithFirstErrorAtTheFirstFailure() {
        Deferred<String> d1 = new Deferred<>();
        Deferred<String> d2 = new Deferred<>();
        Deferred<String> d3 = new Deferred<>();
        DeferredList<String> dl = new DeferredList<>(List.of(d1, d2, d3), FIRE_ON_ONE_ERRBACK);
        List<Failure> result = new ArrayList<>();
        dl.addErrback(f -> {
            result.add(f);
            return null;
        });
        d2.addErrback(f -> null);
        d1.callback("1");
        assertThat(result).isEmpty();
        d2.errback(new IllegalArgumentException("from def2"));
        assertThat(result).hasSize(1);
        FirstError firstError = (FirstError) result.get(0).value();
        assertThat(firstError.subFailure().type()).isEqualTo(IllegalArgumentException.class);
        assertThat(firstError.subFailure().getErrorMessage()).isEqualTo("from def2");
        assertThat(firstError.index()).isEqualTo(1);
        assertThat(firstError.getMessage()).startsWith("FirstError[#1, [Failure instance: ");
    }

    @Test
    void withoutConsumeErrorsTheFailureGoesOnDownItsDeferred() {
        Deferred<Void> d1 = new Deferred<>();
        DeferredList<Void> dl = new DeferredList<>(List.of(d1));
        List<Failure> errorTrap = new ArrayList<>();
        d1.addErrback(f -> {
            errorTrap.add(f);
            return null;
        });
        List<List<Result<Void>>> resultLists = new ArrayList<>();
        dl.addCallback(resultLists::add);
        d1.errback(new IllegalStateException("Bang"));
        assertThat(errorTrap)
                .singleElement()
                .extracting(Failure::getErrorMessage)
                .isEqualTo("Bang");
        assertThat(resultLists)
                .singleElement()
                .satisfies(r -> assertThat(r.get(0).failure().getErrorMessage()).isEqualTo("Bang"));
    }

    @Test
    void consumeErrorsTurnsTheFailureIntoNullOnItsDeferred() {
        Deferred<Void> d1 = new Deferred<>();
        DeferredList<Void> dl = new DeferredList<>(List.of(d1), CONSUME_ERRORS);
        List<Failure> errorTrap = new ArrayList<>();
        d1.addErrback(f -> {
            errorTrap.add(f);
            return null;
        });
        List<List<Result<Void>>> resultLists = new ArrayList<>();
        dl.addCallback(resultLists::add);
        d1.errback(new IllegalStateException("Bang"));
        assertThat(errorTrap).isEmpty();
        assertThat(resultLists)
                .singleElement()
                .satisfies(r -> assertThat(r.get(0).failure().getErrorMessage()).isEqualTo("Bang"));
        assertThat(successResultOf(d1)).isNull();
    }

    @Test
    void fireOnOneErrbackWithAnAlreadyFailedDeferredFailsAtOnce() {
        Deferred<Void> d1 = new Deferred<>();
        Deferred<Void> d2 = new Deferred<>();
        d1.errback(new IllegalStateException("Bang"));
        DeferredList<Void> dl = new DeferredList<>(List.of(d1, d2), FIRE_ON_ONE_ERRBACK);
        failureResultOf(dl, FirstError.class);
        DeferredAssertions.swallow(dl);
        DeferredAssertions.swallow(d1);
    }

    @Test
    void alreadyFiredDeferredsFireTheListAtOnce() {
        Deferred<Integer> d1 = new Deferred<>();
        Deferred<Integer> d2 = new Deferred<>();
        d1.errback(new IllegalStateException("Bang"));
        d2.callback(2);
        DeferredList<Integer> dl = new DeferredList<>(List.of(d1, d2));
        assertThat(successResultOf(dl)).hasSize(2);
        DeferredAssertions.swallow(d1);
    }

    @Test
    void cancellingTheListCancelsEveryDeferred() {
        Deferred<Void> one = new Deferred<>();
        Deferred<Void> two = new Deferred<>();
        DeferredList<Void> dl = new DeferredList<>(List.of(one, two));
        dl.cancel();
        failureResultOf(one, CancelledError.class);
        failureResultOf(two, CancelledError.class);
        List<Result<Void>> results = successResultOf(dl);
        assertThat(results)
                .allSatisfy(
                        r -> assertThat(r.failure().check(CancelledError.class)).isNotNull());
        DeferredAssertions.swallow(one);
        DeferredAssertions.swallow(two);
    }

    @Test
    void cancelledListFiresWithWhatTheCancellersGave() {
        Deferred<String> one = new Deferred<>(DeferredListTest::fakeCallbackCanceller);
        Deferred<String> two = new Deferred<>();
        DeferredList<String> dl = new DeferredList<>(List.of(one, two));
        dl.cancel();
        failureResultOf(two, CancelledError.class);
        List<Result<String>> result = successResultOf(dl);
        assertThat(result.get(0)).isEqualTo(Result.succeeded("Callback Result"));
        assertThat(result.get(1).success()).isFalse();
        assertThat(result.get(1).failure().check(CancelledError.class)).isNotNull();
        DeferredAssertions.swallow(two);
    }

    @Test
    void cancellingAFireOnOneCallbackListCancelsEveryDeferred() {
        Deferred<Void> one = new Deferred<>();
        Deferred<Void> two = new Deferred<>();
        Deferred<FirstResult<Void>> dl = DeferredList.fireOnOneCallback(List.of(one, two));
        dl.cancel();
        failureResultOf(one, CancelledError.class);
        failureResultOf(two, CancelledError.class);
        DeferredAssertions.swallow(one);
        DeferredAssertions.swallow(two);
        DeferredAssertions.swallow(dl);
    }

    @Test
    void cancelledFireOnOneCallbackListFiresWithTheCancellersValueAndIndex() {
        Deferred<String> one = new Deferred<>(DeferredListTest::fakeCallbackCanceller);
        Deferred<String> two = new Deferred<>();
        Deferred<FirstResult<String>> dl = DeferredList.fireOnOneCallback(List.of(one, two));
        dl.cancel();
        failureResultOf(two, CancelledError.class);
        assertThat(successResultOf(dl)).isEqualTo(new FirstResult<>("Callback Result", 0));
        DeferredAssertions.swallow(two);
    }

    @Test
    void fireOnOneCallbackFiresWithTheFirstSuccessAndItsIndex() {
        Deferred<String> one = new Deferred<>();
        Deferred<String> two = new Deferred<>();
        Deferred<FirstResult<String>> dl = DeferredList.fireOnOneCallback(List.of(one, two));
        two.callback("second");
        assertThat(successResultOf(dl)).hasToString("(second, 1)");
        one.callback("first");
        assertThat(successResultOf(dl).index()).isEqualTo(1);
    }

    @Test
    void fireOnOneCallbackFailsWithFirstErrorWhenAllFail() {
        Deferred<String> one = new Deferred<>();
        Deferred<String> two = new Deferred<>();
        Deferred<FirstResult<String>> dl = DeferredList.fireOnOneCallback(List.of(one, two), CONSUME_ERRORS);
        two.errback(new IllegalStateException("b"));
        assertNoResult(dl);
        one.errback(new IllegalStateException("a"));
        assertThat(((FirstError) failureResultOf(dl, FirstError.class).value()).index())
                .isEqualTo(1);
        DeferredAssertions.swallow(dl);
    }

    @Test
    void cancellingAFireOnOneErrbackListFailsItWithFirstError() {
        Deferred<Void> one = new Deferred<>();
        Deferred<Void> two = new Deferred<>();
        DeferredList<Void> dl = new DeferredList<>(List.of(one, two), FIRE_ON_ONE_ERRBACK);
        dl.cancel();
        failureResultOf(one, CancelledError.class);
        failureResultOf(two, CancelledError.class);
        FirstError firstError =
                (FirstError) failureResultOf(dl, FirstError.class).value();
        assertThat(firstError.subFailure().check(CancelledError.class)).isNotNull();
        DeferredAssertions.swallow(one);
        DeferredAssertions.swallow(two);
        DeferredAssertions.swallow(dl);
    }

    @Test
    void cancelledFireOnOneErrbackListSucceedsWhenEveryCancellerCallsBack() {
        Deferred<String> one = new Deferred<>(DeferredListTest::fakeCallbackCanceller);
        Deferred<String> two = new Deferred<>(DeferredListTest::fakeCallbackCanceller);
        DeferredList<String> dl = new DeferredList<>(List.of(one, two), FIRE_ON_ONE_ERRBACK);
        dl.cancel();
        assertThat(successResultOf(dl))
                .containsExactly(Result.succeeded("Callback Result"), Result.succeeded("Callback Result"));
    }

    @Test
    void listKeepsItsOwnCopyOfTheDeferreds() {
        Deferred<Void> one = new Deferred<>();
        Deferred<Void> two = new Deferred<>();
        List<Deferred<Void>> arguments = new ArrayList<>(List.of(one, two));
        DeferredList<Void> dl = new DeferredList<>(arguments);
        Deferred<Void> three = new Deferred<>();
        arguments.add(three);
        dl.cancel();
        failureResultOf(one, CancelledError.class);
        failureResultOf(two, CancelledError.class);
        assertNoResult(three);
        DeferredAssertions.swallow(one);
        DeferredAssertions.swallow(two);
    }

    @Test
    void cancelLogsAThrowingCancellerAndGoesOnToTheOthers() {
        Deferred<Void> one = new Deferred<>(d -> {
            throw new IllegalStateException("test");
        });
        Deferred<Void> two = new Deferred<>();
        DeferredList<Void> dl = new DeferredList<>(List.of(one, two));
        try (EventLoggingObserver logged = EventLoggingObserver.observing(LogPublisher.globalLogPublisher())) {
            dl.cancel();
            assertThat(logged.events()).singleElement().satisfies(event -> {
                assertThat(event.message()).isEqualTo("Exception raised from user supplied canceller");
                assertThat(event.failure().type()).isEqualTo(IllegalStateException.class);
            });
        }
        CoreTestGuard.flushLoggedErrors(IllegalStateException.class);
        failureResultOf(two, CancelledError.class);
        assertNoResult(one);
        assertNoResult(dl);
        DeferredAssertions.swallow(two);
    }

    @Test
    void firstErrorsAreEqualWhenTheirIndexAndFailureAre() {
        Failure first = new Failure(new ArithmeticException("/ by zero"));
        FirstError one = new FirstError(first, 13);
        FirstError anotherOne = new FirstError(new Failure(first.value()), 13);
        FirstError another = new FirstError(new Failure(new IllegalArgumentException("bar")), 9);
        assertThat(one).isEqualTo(anotherOne).hasSameHashCodeAs(anotherOne);
        assertThat(one).isNotEqualTo(another);
        assertThat(one).isNotEqualTo(new FirstError(first, 9));
        assertThat(one).isNotEqualTo(10);
    }

    @Test
    void cancellingAFiredFireOnOneCallbackListDoesNothing() {
        Deferred<Void> one = new Deferred<>();
        Deferred<Void> two = new Deferred<>();
        Deferred<FirstResult<Void>> dl = DeferredList.fireOnOneCallback(List.of(one, two));
        one.callback(null);
        dl.cancel();
        assertNoResult(two);
    }

    @Test
    void cancellingAFiredFireOnOneErrbackListDoesNothing() {
        Deferred<Void> one = new Deferred<>();
        Deferred<Void> two = new Deferred<>();
        DeferredList<Void> dl = new DeferredList<>(List.of(one, two), FIRE_ON_ONE_ERRBACK);
        one.errback(new IllegalStateException("test"));
        dl.cancel();
        assertNoResult(two);
        failureResultOf(one, IllegalStateException.class);
        failureResultOf(dl, FirstError.class);
        DeferredAssertions.swallow(one);
        DeferredAssertions.swallow(dl);
    }

    @Test
    void gatherResultsFiresWithTheValuesOrFailsAtTheFirstFailure() {
        assertThat(successResultOf(Deferred.gatherResults(List.of(Deferred.succeed(1), Deferred.succeed(2)))))
                .containsExactly(1, 2);
        Deferred<Integer> bad = Deferred.fail(new IllegalArgumentException());
        Deferred<List<Integer>> gathered = Deferred.gatherResults(List.of(Deferred.succeed(1), bad));
        failureResultOf(gathered, FirstError.class);
        DeferredAssertions.swallow(gathered);
        DeferredAssertions.swallow(bad);
    }

    @Test
    void gatherResultsWithConsumeErrorsLeavesNullOnTheFailedDeferred() {
        Deferred<Integer> good = Deferred.succeed(1);
        Deferred<Integer> bad = Deferred.fail(new IllegalStateException("oh noes"));
        Deferred<List<Integer>> d = Deferred.gatherResults(List.of(good, bad), CONSUME_ERRORS);
        List<Failure> unconsumed = new ArrayList<>();
        bad.addErrback(f -> {
            unconsumed.add(f);
            return null;
        });
        List<Failure> gathered = new ArrayList<>();
        d.addErrback(f -> {
            gathered.add(f);
            return null;
        });
        assertThat(unconsumed).isEmpty();
        assertThat(gathered).hasSize(1);
        assertThat(((FirstError) gathered.get(0).value()).subFailure().value())
                .isInstanceOf(IllegalStateException.class);
    }

    /** The seed's gatherResults example: nothing until both fire, then ["one", "two"]. */
    @Test
    void gatherResultsWaitsForAll() {
        Deferred<String> d1 = new Deferred<>();
        Deferred<String> d2 = new Deferred<>();
        Deferred<List<String>> d = Deferred.gatherResults(List.of(d1, d2), CONSUME_ERRORS);
        d1.callback("one");
        assertNoResult(d);
        d2.callback("two");
        assertThat(successResultOf(d)).containsExactly("one", "two");
    }

    @Test
    void cancellingGatherResultsCancelsEveryDeferred() {
        Deferred<Void> one = new Deferred<>();
        Deferred<Void> two = new Deferred<>();
        Deferred<List<Void>> result = Deferred.gatherResults(List.of(one, two));
        result.cancel();
        failureResultOf(one, CancelledError.class);
        failureResultOf(two, CancelledError.class);
        FirstError firstError =
                (FirstError) failureResultOf(result, FirstError.class).value();
        assertThat(firstError.subFailure().check(CancelledError.class)).isNotNull();
        DeferredAssertions.swallow(one);
        DeferredAssertions.swallow(two);
        DeferredAssertions.swallow(result);
    }

    @Test
    void cancelledGatherResultsSucceedsWhenEveryCancellerCallsBack() {
        Deferred<String> one = new Deferred<>(DeferredListTest::fakeCallbackCanceller);
        Deferred<String> two = new Deferred<>(DeferredListTest::fakeCallbackCanceller);
        Deferred<List<String>> result = Deferred.gatherResults(List.of(one, two));
        result.cancel();
        assertThat(successResultOf(result)).containsExactly("Callback Result", "Callback Result");
    }

    @Test
    void deferredsOfDifferentTypesShareTheirCommonSupertype() {
        Deferred<String> text = Deferred.succeed("a");
        Deferred<Integer> number = Deferred.succeed(1);
        DeferredList<Object> dl = new DeferredList<>(List.of(text, number));
        assertThat(successResultOf(dl)).extracting(Result::value).containsExactly("a", 1);
    }
}
