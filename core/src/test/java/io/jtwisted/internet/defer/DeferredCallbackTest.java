package io.jtwisted.internet.defer;

import static io.jtwisted.internet.defer.DeferredAssertions.assertNoResult;
import static io.jtwisted.internet.defer.DeferredAssertions.failureResultOf;
import static io.jtwisted.internet.defer.DeferredAssertions.successResultOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.python.failure.Failure;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The callback machinery: port of twisted.test.test_defer.DeferredTests (the non-list cases).
 *
 * <p>Covered: testCallbackWithoutArgs, testTwoCallbacks, test_addCallbacksNoneErrback,
 * testImmediateSuccess, testImmediateFailure, testPausedFailure, testCallbackErrors,
 * testUnpauseBeforeCallback, testReturnDeferred, test_chainedPausedDeferredWithResult,
 * test_pausedDeferredChained, test_maybeDeferredSync, test_maybeDeferredSyncException,
 * test_maybeDeferredSyncFailure (as: a supplier returning a Failure), test_maybeDeferredAsync,
 * test_maybeDeferredAsyncError, test_innerCallbacksPreserved, test_continueCallbackNotFirst,
 * test_callbackOrderPreserved, test_reentrantRunCallbacks, test_nonReentrantCallbacks,
 * test_reentrantRunCallbacksWithFailure, test_synchronousImplicitChain,
 * test_asynchronousImplicitChain, test_synchronousImplicitErrorChain,
 * test_asynchronousImplicitErrorChain, test_doubleAsynchronousImplicitChaining,
 * test_nestedAsynchronousChainedDeferreds, test_nestedAsynchronousChainedDeferredsWithExtraCallbacks,
 * test_chainDeferredRecordsExplicitChain, test_explicitChainClearedWhenResolved,
 * test_chainDeferredRecordsImplicitChain, test_circularChainException (a callback returning its own
 * Deferred is a failure here, not a warning), test_repr, test_reprWithResult, test_reprWithChaining,
 * test_boundedStackDepth (as 100 000 nested Deferreds without StackOverflowError),
 * test_resultOfDeferredResultOfDeferredOfFiredDeferredCalled; plus the seed's callback trap,
 * Chaining Deferreds and chainDeferred outputs.
 *
 * <p>Not ported: testCallbackWithArgs / WithKwArgs / test_addCallbacksNoneCallbackArgs /
 * NoneErrbackArgs and test_maybeDeferredSyncWithArgs (Java lambdas capture arguments; there are no
 * extra-argument parameters); test_circularChainWarning (no warnings module: it is a failure);
 * test_errbackWithNoArgs(NoDebug), test_errorInCallback(Does not)CaptureVars(WhenDebugging)
 * (Python's implicit current exception and frame-variable capture do not exist in Java);
 * test_inlineCallbacksTracebacks, test_fromCoroutineRequiresCoroutine (no coroutines).
 */
class DeferredCallbackTest {

    static final class GenericError extends RuntimeException {
        GenericError(String message) {
            super(message);
        }
    }

    @Test
    void callbackReceivesTheValueTheDeferredFiresWith() {
        List<String> seen = new ArrayList<>();
        Deferred<String> d = new Deferred<>();
        d.addCallback(seen::add);
        d.callback("hello");
        assertThat(seen).containsExactly("hello");
    }

    @Test
    void eachCallbackGetsThePreviousCallbacksResult() {
        Deferred<Integer> d = new Deferred<>();
        Deferred<String> end = d.addCallback(x -> x * 3).addCallback(x -> "Result: " + x);
        d.callback(4);
        assertThat(successResultOf(end)).isEqualTo("Result: 12");
    }

    @Test
    void addCallbacksWithoutErrbackLetsFailuresPass() {
        Deferred<String> d = new Deferred<>();
        d.addCallbacks(x -> x, null);
        d.errback(new GenericError("boom"));
        assertThat(failureResultOf(d, GenericError.class).getErrorMessage()).isEqualTo("boom");
    }

    @Test
    void callbackAddedToAFiredDeferredRunsAtOnce() {
        List<String> seen = new ArrayList<>();
        Deferred.succeed("success").addCallback(seen::add);
        assertThat(seen).containsExactly("success");
    }

    @Test
    void errbackAddedToAFailedDeferredRunsAtOnce() {
        List<Failure> seen = new ArrayList<>();
        Deferred.<String>fail(new GenericError("fail")).addErrback(f -> {
            seen.add(f);
            return null;
        });
        assertThat(seen).singleElement().extracting(Failure::getErrorMessage).isEqualTo("fail");
    }

    @Test
    void pausedFailureIsDeliveredOnUnpause() {
        List<Failure> seen = new ArrayList<>();
        Deferred<String> d = Deferred.fail(new GenericError("fail"));
        d.pause();
        d.addErrback(f -> {
            seen.add(f);
            return null;
        });
        assertThat(seen).isEmpty();
        d.unpause();
        assertThat(seen).hasSize(1);
    }

    @Test
    @SuppressWarnings("divzero") // the callback's exception is the point
    void exceptionInACallbackGoesToTheNextErrback() {
        List<Failure> seen = new ArrayList<>();
        Deferred<Integer> d = new Deferred<>();
        d.addCallback(x -> x / 0).addErrback(f -> {
            seen.add(f);
            return null;
        });
        d.callback(1);
        assertThat(seen).singleElement().extracting(Failure::value).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void callbackReturningAFailureSwitchesToTheErrbackChain() {
        List<Failure> seen = new ArrayList<>();
        Deferred<Integer> d = new Deferred<>();
        d.addCallback(x -> (Object) new Failure(new ArithmeticException())).addErrback(f -> {
            seen.add(f);
            return null;
        });
        d.callback(1);
        assertThat(seen).singleElement().extracting(Failure::value).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void errbackReturningNormallySwitchesBackToCallbacks() {
        Deferred<String> d = new Deferred<>();
        d.addErrback(f -> "recovered: " + f.getErrorMessage());
        Deferred<Integer> length = d.addCallback(String::length);
        d.errback(new GenericError("x"));
        assertThat(successResultOf(length)).isEqualTo("recovered: x".length());
    }

    @Test
    void trapRethrowsFailuresOfOtherTypes() {
        List<String> handled = new ArrayList<>();
        Deferred<String> d = new Deferred<>();
        d.addErrback(f -> {
            f.trap(IllegalArgumentException.class);
            handled.add("trapped");
            return "x";
        });
        d.errback(new GenericError("other"));
        assertThat(handled).isEmpty();
        assertThat(failureResultOf(d, GenericError.class).getErrorMessage()).isEqualTo("other");
    }

    @Test
    void trapReturnsTheMatchingClassAndStopsTheFailure() {
        Deferred<String> d = new Deferred<>();
        d.addErrback(f -> f.trap(IllegalStateException.class, IllegalArgumentException.class)
                .getSimpleName());
        d.errback(new IllegalArgumentException());
        assertThat(successResultOf(d)).isEqualTo("IllegalArgumentException");
    }

    /** The seed's callback trap, case 1: an errback added after a callback sees that callback's exception. */
    @Test
    void callbackTrapCase1ErrbackAfterCallbackCatchesItsException() {
        List<String> seen = new ArrayList<>();
        Deferred<String> d = new Deferred<>();
        d.<String>addCallback(x -> {
                    throw new GenericError("callback1");
                })
                .addErrback(f -> {
                    seen.add("errback1: " + f.getErrorMessage());
                    return "recovered";
                })
                .addCallback(x -> {
                    seen.add("callback2: " + x);
                    return x;
                })
                .addErrback(f -> {
                    seen.add("errback2: " + f.getErrorMessage());
                    return null;
                });
        d.callback("go");
        assertThat(seen).containsExactly("errback1: callback1", "callback2: recovered");
    }

    /** The seed's callback trap, case 2: the errback of the same addCallbacks pair does not. */
    @Test
    void callbackTrapCase2ErrbackOfTheSamePairDoesNotCatchTheCallbacksException() {
        List<String> seen = new ArrayList<>();
        Deferred<String> d = new Deferred<>();
        d.addCallbacks(
                        x -> {
                            throw new GenericError("callback1");
                        },
                        f -> {
                            seen.add("errback1: " + f.getErrorMessage());
                            return null;
                        })
                .addCallbacks(
                        x -> {
                            seen.add("callback2: " + x);
                            return null;
                        },
                        f -> {
                            seen.add("errback2: " + f.getErrorMessage());
                            return null;
                        });
        d.callback("go");
        assertThat(seen).containsExactly("errback2: callback1");
    }

    @Test
    void callbackTrapCase2ErrbackOfTheFirstPairSeesTheSourcesFailure() {
        List<String> seen = new ArrayList<>();
        Deferred<String> d = new Deferred<>();
        d.addCallbacks(x -> x, f -> {
                    seen.add("errback1: " + f.getErrorMessage());
                    return "fine";
                })
                .addCallbacks(
                        x -> {
                            seen.add("callback2: " + x);
                            return null;
                        },
                        f -> {
                            seen.add("errback2");
                            return null;
                        });
        d.errback(new GenericError("source"));
        assertThat(seen).containsExactly("errback1: source", "callback2: fine");
    }

    @Test
    void addBothSeesValuesAndFailures() {
        List<Object> seen = new ArrayList<>();
        Deferred<String> ok = new Deferred<>();
        ok.addBoth(seen::add);
        ok.callback("v");
        Deferred<String> bad = new Deferred<>();
        bad.addBoth(seen::add);
        GenericError error = new GenericError("e");
        bad.errback(error);
        assertThat(seen).hasSize(2).first().isEqualTo("v");
        assertThat(((Failure) seen.get(1)).value()).isSameAs(error);
    }

    @Test
    void unpauseBeforeCallbackRunsNothing() {
        List<String> seen = new ArrayList<>();
        Deferred<String> d = new Deferred<>();
        d.pause();
        d.addCallback(seen::add);
        d.unpause();
        assertThat(seen).isEmpty();
        d.callback("later");
        assertThat(seen).containsExactly("later");
    }

    @Test
    void pauseStopsCallbacksUntilUnpauseAndPausesNest() {
        List<String> seen = new ArrayList<>();
        Deferred<String> d = new Deferred<>();
        d.addCallback(seen::add);
        d.pause();
        d.pause();
        d.callback("x");
        assertThat(seen).isEmpty();
        d.unpause();
        assertThat(seen).isEmpty();
        d.unpause();
        assertThat(seen).containsExactly("x");
    }

    @Test
    void returnedPausedDeferredHoldsTheOuterChainUntilUnpaused() {
        List<Integer> seen = new ArrayList<>();
        Deferred<Integer> d1 = new Deferred<>();
        Deferred<Integer> d2 = new Deferred<>();
        d2.pause();
        d1.addCallbackDeferring(r -> d2).addCallback(seen::add);
        d1.callback(1);
        assertThat(seen).isEmpty();
        d2.callback(2);
        assertThat(seen).isEmpty();
        d2.unpause();
        assertThat(seen).containsExactly(2);
    }

    @Test
    void pausedDeferredWithAResultReturnedFromACallbackIsWaitedFor() {
        Object expected = new Object();
        Deferred<Object> paused = Deferred.succeed(expected);
        paused.pause();
        Deferred<Void> chained = new Deferred<>();
        List<Object> seen = new ArrayList<>();
        chained.addCallbackDeferring(ignored -> paused).addCallback(seen::add);
        chained.callback(null);
        assertThat(seen).isEmpty();
        paused.unpause();
        assertThat(seen).containsExactly(expected);
    }

    @Test
    void pausedOuterDeferredDoesNotHoldBackTheInnerOnesCallbacks() {
        Deferred<Void> first = new Deferred<>();
        Deferred<Void> second = new Deferred<>();
        first.addCallbackDeferring(ignored -> second);
        first.callback(null);
        first.pause();
        second.callback(null);
        List<Object> seen = new ArrayList<>();
        second.addCallback(seen::add);
        assertThat(seen).containsExactly((Object) null);
    }

    @Test
    void maybeDeferredWrapsASynchronousValue() {
        assertThat(successResultOf(Deferred.maybeDeferred(() -> 10))).isEqualTo(10);
    }

    @Test
    void maybeDeferredWrapsASynchronousException() {
        Deferred<Integer> d = Deferred.maybeDeferred(() -> {
            throw new GenericError("sync");
        });
        assertThat(failureResultOf(d, GenericError.class).getErrorMessage()).isEqualTo("sync");
    }

    @Test
    void maybeDeferredTreatsAReturnedFailureAsAFailure() {
        Failure failure = new Failure(new GenericError("returned"));
        Deferred<Object> d = Deferred.maybeDeferred(() -> failure);
        assertThat(failureResultOf(d)).isSameAs(failure);
    }

    @Test
    void maybeDeferredPassesAReturnedDeferredThrough() {
        Deferred<String> inner = new Deferred<>();
        Deferred<String> d = Deferred.maybeDeferredDeferring(() -> inner);
        assertThat(d).isSameAs(inner);
        inner.callback("Success");
        assertThat(successResultOf(d)).isEqualTo("Success");
        Deferred<Object> untyped = Deferred.maybeDeferred(() -> inner);
        assertThat(untyped).isSameAs(inner);
    }

    @Test
    void maybeDeferredPassesAFailingDeferredThrough() {
        Deferred<String> inner = new Deferred<>();
        Deferred<String> d = Deferred.maybeDeferredDeferring(() -> inner);
        inner.errback(new GenericError("async"));
        assertThat(failureResultOf(d, GenericError.class).getErrorMessage()).isEqualTo("async");
    }

    @Test
    void innerCallbacksRunBeforeTheOuterChainGoesOn() {
        List<Object> results = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        Deferred<String> inner = new Deferred<>();
        Deferred<String> outer = Deferred.succeed("outer");
        outer.addCallbackDeferring(result -> {
            results.add("start-of-cb " + result);
            Deferred<String> d = Deferred.succeed("inner");
            Deferred<String> chained = d.addCallbackDeferring(r -> {
                        results.add("firstCallback inner");
                        return inner;
                    })
                    .addCallback(r -> {
                        results.add("secondCallback " + r);
                        return r + r;
                    });
            chained.addErrback(f -> {
                failures.add(f);
                return null;
            });
            return chained;
        });
        inner.callback("orange");
        outer.addErrback(f -> {
            failures.add(f);
            return null;
        });
        assertThat(outer.currentResult()).isEqualTo("orangeorange");
        results.add(outer.currentResult());
        assertThat(failures).isEmpty();
        assertThat(results)
                .containsExactly("start-of-cb outer", "firstCallback inner", "secondCallback orange", "orangeorange");
    }

    @Test
    void continuationIsFoundAmongOtherCallbacksOfTheWaitedOnDeferred() {
        List<Object> results = new ArrayList<>();
        Deferred<String> a = new Deferred<>();
        Deferred<String> outer = Deferred.succeed("outer");
        outer.addCallbackDeferring(result -> {
            results.add("cb " + result);
            Deferred<Object> d = new Deferred<>();
            d.addCallbackDeferring(r -> {
                        results.add("firstCallback " + r);
                        return Deferred.gatherResults(List.of(a));
                    })
                    .addCallback(r -> {
                        results.add("secondCallback " + r);
                        return null;
                    });
            d.callback(null);
            return d;
        });
        assertThat(results).containsExactly("cb outer", "firstCallback null");
        a.callback("withers");
        assertThat(results).containsExactly("cb outer", "firstCallback null", "secondCallback [withers]");
    }

    @Test
    void callbackAddedAfterAWaitRunsAfterTheInnerDeferredsCallbacks() {
        List<Object> results = new ArrayList<>();
        Deferred<String> a = new Deferred<>();
        Deferred<String> outer = new Deferred<>();
        outer.addCallbackDeferring(result -> {
                    results.add("cb " + result);
                    Deferred<Object> d = new Deferred<>();
                    d.addCallbackDeferring(r -> {
                                results.add("firstCallback " + r);
                                return Deferred.gatherResults(List.of(a));
                            })
                            .addCallback(r -> {
                                results.add("secondCallback " + r);
                                return null;
                            });
                    d.callback(null);
                    return d;
                })
                .addCallback(x -> results.add("final"));
        outer.callback("outer");
        assertThat(results).containsExactly("cb outer", "firstCallback null");
        a.callback("withers");
        assertThat(results).containsExactly("cb outer", "firstCallback null", "secondCallback [withers]", "final");
    }

    @Test
    void callbackAddedByARunningCallbackGoesToTheEndOfTheChain() {
        List<Integer> called = new ArrayList<>();
        Deferred<Object> d = new Deferred<>();
        List<Deferred<Object>> end = new ArrayList<>();
        end.add(d.addCallback(r -> {
            called.add(1);
            end.set(0, end.get(0).addCallback(r3 -> called.add(3)));
            return null;
        }));
        end.set(0, end.get(0).addCallback(r -> called.add(2)));
        d.callback(null);
        assertThat(called).containsExactly(1, 2, 3);
    }

    @Test
    void callbackAddedByARunningCallbackRunsOnlyAfterItReturns() {
        List<Integer> called = new ArrayList<>();
        List<List<Integer>> seenInside = new ArrayList<>();
        Deferred<Void> d = new Deferred<>();
        List<Deferred<Void>> end = new ArrayList<>();
        end.add(d.addCallback(r -> {
            called.add(1);
            end.get(0).addCallback(r2 -> called.add(2));
            seenInside.add(List.copyOf(called));
            return null;
        }));
        d.callback(null);
        assertThat(seenInside).containsExactly(List.of(1));
        assertThat(called).containsExactly(1, 2);
    }

    @Test
    void exceptionInACallbackAddedByACallbackFailsTheDeferred() {
        Deferred<Void> d = new Deferred<>();
        List<Deferred<Void>> end = new ArrayList<>();
        end.add(d.addCallback(r -> {
            end.get(0).addCallback(r2 -> {
                throw new GenericError("callback raised exception");
            });
            return null;
        }));
        d.callback(null);
        assertThat(failureResultOf(d, GenericError.class).getErrorMessage()).isEqualTo("callback raised exception");
    }

    @Test
    void firedDeferredReturnedFromACallbackHandsOverItsResultAndKeepsNull() {
        Object result = new Object();
        Deferred<Object> first = Deferred.succeed(result);
        Deferred<Object> second = new Deferred<>();
        Deferred<Object> secondEnd = second.addCallbackDeferring(ignored -> first);
        second.callback(null);
        List<Object> results = new ArrayList<>();
        first.addCallback(results::add);
        assertThat(results).containsExactly((Object) null);
        secondEnd.addCallback(results::add);
        assertThat(results.get(1)).isSameAs(result);
    }

    @Test
    void unfiredDeferredReturnedFromACallbackHandsOverItsResultOnceItHasOne() {
        Deferred<Object> first = new Deferred<>();
        Deferred<Object> second = new Deferred<>();
        Deferred<Object> secondEnd = second.addCallbackDeferring(ignored -> first);
        second.callback(null);
        List<Object> firstResult = new ArrayList<>();
        first.addCallback(firstResult::add);
        List<Object> secondResult = new ArrayList<>();
        secondEnd.addCallback(secondResult::add);
        assertThat(firstResult).isEmpty();
        assertThat(secondResult).isEmpty();
        Object result = new Object();
        first.callback(result);
        assertThat(firstResult).containsExactly((Object) null);
        assertThat(secondResult).containsExactly(result);
    }

    @Test
    void failedDeferredReturnedFromACallbackHandsOverItsFailure() {
        Deferred<Void> first = Deferred.fail(new GenericError("First Deferred's Failure"));
        Deferred<Void> second = new Deferred<>();
        second.addCallbackDeferring(ignored -> first);
        second.callback(null);
        List<Object> firstResult = new ArrayList<>();
        first.addCallback(firstResult::add);
        assertThat(firstResult).containsExactly((Object) null);
        failureResultOf(second, GenericError.class);
        DeferredAssertions.swallow(second);
    }

    @Test
    void deferredFailingLaterHandsOverItsFailureToTheWaitingDeferred() {
        Deferred<Void> first = new Deferred<>();
        Deferred<Void> second = new Deferred<>();
        Deferred<Void> secondEnd = second.addCallbackDeferring(ignored -> first);
        second.callback(null);
        List<Failure> secondError = new ArrayList<>();
        secondEnd.addErrback(f -> {
            secondError.add(f);
            return null;
        });
        List<Object> firstResult = new ArrayList<>();
        first.addCallback(firstResult::add);
        List<Object> secondResult = new ArrayList<>();
        secondEnd.addCallback(secondResult::add);
        first.errback(new GenericError("First Deferred's Failure"));
        assertThat(secondError)
                .singleElement()
                .extracting(f -> f.check(GenericError.class))
                .isNotNull();
        assertThat(firstResult).containsExactly((Object) null);
        assertThat(secondResult).hasSize(1);
    }

    @Test
    void chainingIsTransitive() {
        Deferred<Object> first = new Deferred<>();
        Deferred<Object> second = new Deferred<>();
        second.addCallbackDeferring(ignored -> first);
        Deferred<Object> third = new Deferred<>();
        List<Object> thirdResult = new ArrayList<>();
        third.addCallbackDeferring(ignored -> second).addCallback(thirdResult::add);
        second.callback(null);
        third.callback(null);
        assertThat(thirdResult).isEmpty();
        Object result = new Object();
        first.callback(result);
        assertThat(thirdResult).containsExactly(result);
    }

    @Test
    void nestedDeferredWithItsOwnCallbacksFeedsTheOuterChain() {
        List<Object> results = new ArrayList<>();
        Deferred<String> inner = new Deferred<>();
        Deferred<String> outer = Deferred.succeed("outer");
        outer.addCallbackDeferring(result -> {
                    results.add("start-of-cb " + result);
                    return Deferred.succeed("inner")
                            .addCallbackDeferring(r -> {
                                results.add("firstCallback " + r);
                                return inner.addCallback(List::of);
                            })
                            .addCallback(r -> {
                                results.add("secondCallback " + r);
                                List<String> doubled = new ArrayList<>(r);
                                doubled.addAll(r);
                                return doubled;
                            });
                })
                .addCallback(results::add);
        assertThat(results).containsExactly("start-of-cb outer", "firstCallback inner");
        inner.callback("withers");
        assertThat(results)
                .containsExactly(
                        "start-of-cb outer",
                        "firstCallback inner",
                        "secondCallback [withers]",
                        List.of("withers", "withers"));
    }

    @Test
    void chainDeferredRecordsTheChainUntilResolved() {
        Deferred<Void> a = new Deferred<>();
        Deferred<Void> b = new Deferred<>();
        b.chainDeferred(a);
        assertThat(a.chainedTo()).isSameAs(b);
        b.callback(null);
        assertThat(a.chainedTo()).isNull();
    }

    @Test
    void implicitChainIsRecorded() {
        Deferred<Void> a = new Deferred<>();
        Deferred<Void> b = new Deferred<>();
        a.addCallbackDeferring(ignored -> b);
        a.callback(null);
        assertThat(a.chainedTo()).isSameAs(b);
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"}) // a one-element array lets the lambda name its own Deferred
    void callbackReturningItsOwnDeferredFailsIt() {
        Deferred<String> d = new Deferred<>();
        Deferred<String>[] self = new Deferred[] {d};
        d.addCallbackDeferring(x -> self[0]);
        d.callback("foo");
        assertThat(failureResultOf(d, IllegalStateException.class).getErrorMessage())
                .contains("returned the Deferred it was added to");
    }

    @Test
    void toStringShowsIdentityResultAndWhatItWaitsOn() {
        Deferred<String> d = new Deferred<>();
        String address = Integer.toHexString(System.identityHashCode(d));
        assertThat(d).hasToString("<Deferred at 0x" + address + ">");
        d.callback("orange");
        assertThat(d).hasToString("<Deferred at 0x" + address + " current result: orange>");
        Deferred<Void> a = new Deferred<>();
        Deferred<Void> b = new Deferred<>();
        b.chainDeferred(a);
        assertThat(a)
                .hasToString("<Deferred at 0x" + Integer.toHexString(System.identityHashCode(a))
                        + " waiting on Deferred at 0x" + Integer.toHexString(System.identityHashCode(b)) + ">");
    }

    @Test
    void hundredThousandNestedDeferredsDoNotOverflowTheStack() {
        int depth = 100_000;
        Deferred<Integer> top = new Deferred<>();
        List<Deferred<Integer>> inners = new ArrayList<>();
        Deferred<Integer> last = top;
        Deferred<Integer> topEnd = null;
        for (int i = 0; i < depth; i++) {
            Deferred<Integer> inner = new Deferred<>();
            inners.add(inner);
            Deferred<Integer> waiting = last.addCallbackDeferring(x -> inner);
            if (topEnd == null) {
                topEnd = waiting;
            }
            last = inner;
        }
        Deferred<Integer> end = topEnd.addCallback(x -> x + 1);
        top.callback(0);
        for (int i = 0; i < depth - 1; i++) {
            inners.get(i).callback(0);
        }
        assertNoResult(end);
        inners.get(depth - 1).callback(41);
        assertThat(successResultOf(end)).isEqualTo(42);
    }

    @Test
    void nestedDeferredsFiredInnermostFirstAlsoStayFlat() {
        int depth = 100_000;
        List<Deferred<Integer>> ds = new ArrayList<>();
        for (int i = 0; i <= depth; i++) {
            ds.add(new Deferred<>());
        }
        for (int i = 0; i < depth; i++) {
            Deferred<Integer> next = ds.get(i + 1);
            ds.get(i).addCallbackDeferring(x -> next);
        }
        for (int i = depth; i >= 0; i--) {
            ds.get(i).callback(i == depth ? 7 : 0);
        }
        assertThat(successResultOf(ds.get(0))).isEqualTo(7);
    }

    @Test
    void callbacksAddedToTheMiddleOfAChainRunOnceTheLastFires() {
        Deferred<Void> first = new Deferred<>();
        Deferred<Void> second = new Deferred<>();
        Deferred<Void> third = new Deferred<>();
        first.addCallbackDeferring(ignored -> second);
        Deferred<Void> secondEnd = second.addCallbackDeferring(ignored -> third);
        second.callback(null);
        first.callback(null);
        third.callback(null);
        List<Object> results = new ArrayList<>();
        secondEnd.addCallback(results::add);
        assertThat(results).containsExactly((Object) null);
    }

    /** The seed's "Chaining Deferreds" output. */
    @Test
    void seedChainingDeferredsOutput() {
        List<String> out = new ArrayList<>();
        Deferred<String> d1 = new Deferred<>();
        Deferred<String> d2 = new Deferred<>();
        d1.addCallbackDeferring(x -> {
                    out.add("d1: " + x);
                    return d2;
                })
                .addCallback(x -> out.add("d1-1: " + x));
        d2.addCallback(x -> {
            out.add("d2: " + x);
            return x;
        });
        d1.callback("d1 result");
        d2.callback("d2 result");
        assertThat(out).containsExactly("d1: d1 result", "d2: d2 result", "d1-1: d2 result");
    }

    /** The seed's chainDeferred output. */
    @Test
    void chainDeferredFiresTheOtherDeferredWithThisChainsResult() {
        List<String> out = new ArrayList<>();
        Deferred<String> d3 = new Deferred<>();
        Deferred<String> d4 = new Deferred<>();
        d4.addCallback(x -> out.add("d4: " + x));
        d3.addCallback(x -> {
                    out.add("d3: " + x);
                    return x;
                })
                .chainDeferred(d4);
        d3.callback("result");
        assertThat(out).containsExactly("d3: result", "d4: result");
        assertThat(successResultOf(d3)).isNull();
    }

    @Test
    void chainDeferredPassesFailuresToo() {
        Deferred<String> a = new Deferred<>();
        Deferred<String> b = new Deferred<>();
        a.chainDeferred(b);
        a.errback(new GenericError("x"));
        failureResultOf(b, GenericError.class);
        assertThat(successResultOf(a)).isNull();
        DeferredAssertions.swallow(b);
    }

    @Test
    void callbackWithADeferredIsRejected() {
        Deferred<Object> d = new Deferred<>();
        assertThatThrownBy(() -> d.callback(new Deferred<>())).isInstanceOf(IllegalArgumentException.class);
        assertThat(d.called()).isFalse();
    }
}
