package io.jtwisted.internet.defer;

import static io.jtwisted.internet.defer.DeferredAssertions.assertNoResult;
import static io.jtwisted.internet.defer.DeferredAssertions.failureResultOf;
import static io.jtwisted.internet.defer.DeferredAssertions.successResultOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.python.failure.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/**
 * CompletionStage / CompletableFuture interop: port of twisted.test.test_defer.DeferredFutureAdapterTests
 * (asyncio Futures become CompletableFutures).
 *
 * <p>Covered: test_asFuture, test_asFutureCancelFuture, test_asFutureSuccessCancel, test_asFutureFailure,
 * test_fromFuture, test_fromFutureFutureCancelled, test_fromFutureDeferredCancelled.
 * Not ported: EnsureDeferredTests and CoroutineContextVarsTests (no coroutines in Java).
 */
class DeferredFutureTest {

    @Test
    void toCompletableFutureCompletesWithTheResult() throws Exception {
        Deferred<Integer> d = new Deferred<>();
        CompletableFuture<Integer> future = d.toCompletableFuture();
        assertThat(future).isNotDone();
        d.callback(13);
        assertThat(future.get()).isEqualTo(13);
        assertThat(successResultOf(d)).isNull();
    }

    @Test
    void cancellingTheFutureCancelsTheDeferred() {
        List<Deferred<?>> cancelled = new ArrayList<>();
        Deferred<Integer> d = new Deferred<>(cancelled::add);
        CompletableFuture<Integer> future = d.toCompletableFuture();
        future.cancel(false);
        assertThat(cancelled).containsExactly(d);
        assertThat(successResultOf(d)).isNull();
        assertThat(future).isCancelled();
    }

    @Test
    void cancellingAFiredFuturesDoesNothingToTheDeferred() throws Exception {
        Deferred<Integer> d = new Deferred<>(x -> {
            throw new AssertionError("must not be cancelled");
        });
        CompletableFuture<Integer> future = d.toCompletableFuture();
        d.callback(3);
        future.cancel(false);
        assertThat(future.get()).isEqualTo(3);
    }

    @Test
    void failedDeferredCompletesTheFutureExceptionally() {
        Deferred<Integer> d = new Deferred<>();
        IllegalStateException error = new IllegalStateException("bad");
        CompletableFuture<Integer> future = d.toCompletableFuture();
        d.errback(error);
        assertThatThrownBy(future::get)
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isSameAs(error);
        assertThat(successResultOf(d)).isNull();
    }

    @Test
    void cancelledDeferredMakesTheFutureCancelled() {
        Deferred<Integer> d = new Deferred<>();
        CompletableFuture<Integer> future = d.toCompletableFuture();
        d.cancel();
        assertThat(future).isCancelled();
        assertThatThrownBy(future::join).isInstanceOf(CancellationException.class);
    }

    @Test
    void fromFutureFiresWithTheFuturesValue() {
        CompletableFuture<Integer> future = new CompletableFuture<>();
        Deferred<Integer> d = Deferred.fromFuture(future);
        assertNoResult(d);
        future.complete(13);
        assertThat(successResultOf(d)).isEqualTo(13);
    }

    @Test
    void fromFutureFailsWithTheFuturesExceptionUnwrapped() {
        CompletableFuture<Integer> source = new CompletableFuture<>();
        Deferred<Integer> d = Deferred.fromFuture(source.thenApply(x -> x + 1));
        IllegalStateException error = new IllegalStateException("bad");
        source.completeExceptionally(error);
        assertThat(failureResultOf(d, IllegalStateException.class).value()).isSameAs(error);
        DeferredAssertions.swallow(d);
    }

    @Test
    void futureCancelledElsewhereFailsTheDeferredWithCancelledError() {
        CompletableFuture<Integer> future = new CompletableFuture<>();
        Deferred<Integer> d = Deferred.fromFuture(future);
        future.cancel(false);
        failureResultOf(d, CancelledError.class);
        DeferredAssertions.swallow(d);
    }

    @Test
    void cancellingTheDeferredCancelsTheFuture() {
        CompletableFuture<Integer> future = new CompletableFuture<>();
        Deferred<Integer> d = Deferred.fromFuture(future);
        d.cancel();
        assertThat(future).isCancelled();
        failureResultOf(d, CancelledError.class);
        DeferredAssertions.swallow(d);
    }

    @Test
    void fromFutureDeliversThroughTheGivenExecutor() {
        List<Runnable> queued = new ArrayList<>();
        Executor later = queued::add;
        CompletableFuture<String> future = new CompletableFuture<>();
        Deferred<String> d = Deferred.fromFuture(future, later);
        future.complete("v");
        assertNoResult(d);
        assertThat(queued).hasSize(1);
        queued.get(0).run();
        assertThat(successResultOf(d)).isEqualTo("v");
    }

    @Test
    void cancelThroughAnExecutorFailsOnceEvenWhenTheFutureReportsLater() {
        List<Runnable> queued = new ArrayList<>();
        CompletableFuture<String> future = new CompletableFuture<>();
        Deferred<String> d = Deferred.fromFuture(future, queued::add);
        List<Failure> failures = new ArrayList<>();
        d.cancel();
        d.addErrback(f -> {
            failures.add(f);
            return null;
        });
        queued.forEach(Runnable::run);
        assertThat(failures)
                .singleElement()
                .satisfies(f -> assertThat(f.check(CancelledError.class)).isNotNull());
    }
}
