package io.jtwisted.benchmarks.deferred;

import io.jtwisted.internet.defer.Deferred;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JTwisted's Deferred against CompletableFuture and suasync's Deferred (com.stumbleupon.async, a
 * Java port of Twisted's Deferred) on the same two shapes. Scores are per callback
 * ({@code @OperationsPerInvocation}).
 *
 * <ul>
 *   <li>{@code chain10}: a new unfired promise, ten callbacks ({@code x + 1}) added, then fired
 *       with 0; the last value is returned.
 *   <li>{@code nested1000}: 1 001 promises; promise i gets a callback returning promise i+1
 *       (innermost first), promises 0…999 are fired (each then waits on the next), and firing
 *       promise 1000 with 42 resolves the whole stack at once.
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar Deferred -f 1 -wi 3 -i 5}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class DeferredBenchmark {
    static final int CHAIN = 10;
    static final int NESTED = 1000;

    @SuppressWarnings("UnnecessaryLambda") // one callback object, made once, passed in every measured chain
    private static final Function<Integer, Integer> INCREMENT = x -> x + 1;

    // ---------------------------------------------------------------- chain of 10 callbacks

    @Benchmark
    @OperationsPerInvocation(CHAIN)
    public @Nullable Object chain10JTwisted() {
        Deferred<Integer> d = new Deferred<>();
        Deferred<Integer> end = d;
        for (int i = 0; i < CHAIN; i++) {
            end = end.addCallback(x -> x + 1);
        }
        d.callback(0);
        return end.currentResult();
    }

    @Benchmark
    @OperationsPerInvocation(CHAIN)
    public Object chain10CompletableFuture() {
        CompletableFuture<Integer> start = new CompletableFuture<>();
        CompletableFuture<Integer> end = start;
        for (int i = 0; i < CHAIN; i++) {
            end = end.thenApply(INCREMENT);
        }
        start.complete(0);
        return end.getNow(null);
    }

    @Benchmark
    @OperationsPerInvocation(CHAIN)
    public Object chain10Suasync() {
        com.stumbleupon.async.Deferred<Integer> d = new com.stumbleupon.async.Deferred<>();
        com.stumbleupon.async.Deferred<Integer> end = d;
        for (int i = 0; i < CHAIN; i++) {
            end = end.addCallback(x -> x + 1);
        }
        d.callback(0);
        return end;
    }

    // ---------------------------------------------------------------- 1 000 nested promises

    @Benchmark
    @OperationsPerInvocation(NESTED)
    public @Nullable Object nested1000JTwisted() {
        @SuppressWarnings({"unchecked", "rawtypes"}) // Java has no generic array creation
        Deferred<Integer>[] ds = new Deferred[NESTED + 1];
        ds[NESTED] = new Deferred<>();
        for (int i = NESTED - 1; i >= 0; i--) {
            Deferred<Integer> next = ds[i + 1];
            ds[i] = new Deferred<Integer>().addCallbackDeferring(x -> next);
        }
        for (int i = 0; i < NESTED; i++) {
            ds[i].callback(i);
        }
        ds[NESTED].callback(42);
        return ds[0].currentResult();
    }

    @Benchmark
    @OperationsPerInvocation(NESTED)
    public Object nested1000CompletableFuture() {
        @SuppressWarnings({"unchecked", "rawtypes"}) // Java has no generic array creation
        CompletableFuture<Integer>[] sources = new CompletableFuture[NESTED + 1];
        sources[NESTED] = new CompletableFuture<>();
        CompletableFuture<Integer> inner = sources[NESTED];
        for (int i = NESTED - 1; i >= 0; i--) {
            CompletableFuture<Integer> next = inner;
            sources[i] = new CompletableFuture<>();
            inner = sources[i].thenCompose(x -> next);
        }
        for (int i = 0; i < NESTED; i++) {
            sources[i].complete(i);
        }
        sources[NESTED].complete(42);
        return inner.getNow(null);
    }

    @Benchmark
    @OperationsPerInvocation(NESTED)
    public Object nested1000Suasync() {
        @SuppressWarnings({"unchecked", "rawtypes"}) // Java has no generic array creation
        com.stumbleupon.async.Deferred<Integer>[] ds = new com.stumbleupon.async.Deferred[NESTED + 1];
        ds[NESTED] = new com.stumbleupon.async.Deferred<>();
        for (int i = NESTED - 1; i >= 0; i--) {
            com.stumbleupon.async.Deferred<Integer> next = ds[i + 1];
            ds[i] = new com.stumbleupon.async.Deferred<Integer>().addCallbackDeferring(x -> next);
        }
        for (int i = 0; i < NESTED; i++) {
            ds[i].callback(i);
        }
        ds[NESTED].callback(42);
        return ds[0];
    }
}
