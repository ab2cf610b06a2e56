package io.jtwisted.examples.deferred;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.logger.ILogObserver;
import io.jtwisted.logger.LogEvent;
import io.jtwisted.logger.LogPublisher;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every Deferred example prints what the seed says it prints. */
class DeferredExamplesTest {
    private static final String[] NO_ARGS = {};

    /** The reactor examples run as subprocesses, all started at once so that their waits overlap. */
    private static final Map<List<String>, CompletableFuture<ExampleOutput.Run>> RUNS = new ConcurrentHashMap<>();

    private static final Executor LAUNCHER = Executors.newVirtualThreadPerTaskExecutor();

    private static List<String> key(Class<?> example, String... args) {
        List<String> key = new ArrayList<>(List.of(example.getName()));
        key.addAll(List.of(args));
        return key;
    }

    private static void start(Class<?> example, String... args) {
        RUNS.computeIfAbsent(
                key(example, args),
                k -> CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return ExampleOutput.subprocess(example, 60, args);
                            } catch (Exception e) {
                                throw new CompletionException(e);
                            }
                        },
                        LAUNCHER));
    }

    @BeforeAll
    static void startReactorExamples() {
        start(DummyData.class);
        start(Getter.class);
        start(AuthenticateUser.class);
        start(AuthenticateUser.class, "async", "Alice");
        start(TimeoutExample.class, "1");
        start(TimeoutExample.class, "4.5");
        start(TimeoutCancel.class);
        start(FibonacciThread.class);
    }

    private static ExampleOutput.Run finished(Class<?> example, String... args) {
        start(example, args);
        return RUNS.get(key(example, args)).join();
    }

    /** F(n) by fast doubling: an independent way to the number the examples compute by iteration. */
    private static BigInteger fibonacci(int n) {
        BigInteger a = BigInteger.ZERO; // F(k)
        BigInteger b = BigInteger.ONE; // F(k+1)
        for (int bit = Integer.highestOneBit(n); bit > 0; bit >>= 1) {
            BigInteger c = a.multiply(b.shiftLeft(1).subtract(a));
            BigInteger d = a.multiply(a).add(b.multiply(b));
            a = c;
            b = d;
            if ((n & bit) != 0) {
                BigInteger next = a.add(b);
                a = b;
                b = next;
            }
        }
        return a;
    }

    @Test
    void chainingDeferredsPrintsTheSeedsOutput() throws Exception {
        assertThat(ExampleOutput.inProcess(() -> ChainingDeferreds.main(NO_ARGS))
                        .lines())
                .containsExactly("d1: d1 result", "d2: d2 result", "d1-1: d2 result");
    }

    @Test
    void chainDeferredPrintsTheSeedsOutput() throws Exception {
        assertThat(ExampleOutput.inProcess(() -> ChainDeferred.main(NO_ARGS)).lines())
                .containsExactly("d3: result", "d4: result");
    }

    @Test
    void deferredListExamplePrintsTheSeedsOutput() throws Exception {
        assertThat(ExampleOutput.inProcess(() -> DeferredListExample.main(NO_ARGS))
                        .lines())
                .containsExactly("Success: one", "Failure: bang!", "Success: three");
    }

    @Test
    void gatherResultsPrintsBothResults() throws Exception {
        assertThat(ExampleOutput.inProcess(() -> GatherResults.main(NO_ARGS)).lines())
                .containsExactly("[one, two]");
    }

    @Test
    void callbackTrapShowsWhichErrbackSeesTheFailure() throws Exception {
        assertThat(ExampleOutput.inProcess(() -> CallbackTrap.main(NO_ARGS)).lines())
                .containsExactly(
                        "Case 1: errback1 handled: callback1 failed",
                        "callback2 got: recovered",
                        "Case 2: errback2 handled: callback1 failed");
    }

    @Test
    void fibonacciComputesBeforeTheCallbackIsAdded() throws Exception {
        List<String> lines =
                ExampleOutput.inProcess(() -> Fibonacci.main(NO_ARGS)).lines().toList();
        List<String> progress = IntStream.range(0, 100)
                .mapToObj(i -> "Progress: calculating the " + (i * 100) + "th Fibonnaci number")
                .toList();
        assertThat(lines).hasSize(103);
        assertThat(lines.subList(0, 100)).isEqualTo(progress);
        assertThat(lines.get(100)).matches("Total time taken for largeFibonnaciNumber call: \\d+\\.\\d{3} seconds");
        assertThat(lines.get(101)).isEqualTo("Adding the callback now.");
        assertThat(lines.get(102)).isEqualTo("The 10000th Fibonacci number is " + fibonacci(10000));
    }

    @Test
    void dummyDataPrintsTheResultAfterTheReactorStarts() throws Exception {
        ExampleOutput.Run run = finished(DummyData.class);
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).containsExactly("getDummyData called", "Starting the reactor", "Result received: 9");
    }

    @Test
    void getterPrintsTheFailureForOddAndTheResultForEven() throws Exception {
        ExampleOutput.Run run = finished(Getter.class);
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).containsExactly("Result: 12");
        assertThat(run.err())
                .contains("[Failure instance: java.lang.IllegalArgumentException: You used an odd number!]");
    }

    @Test
    void authenticateUserWorksWithASynchronousCheck() throws Exception {
        ExampleOutput.Run run = finished(AuthenticateUser.class);
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).containsExactly("User is not authenticated");
    }

    @Test
    void authenticateUserWorksWithAnAsynchronousCheck() throws Exception {
        ExampleOutput.Run run = finished(AuthenticateUser.class, "async", "Alice");
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).containsExactly("User is authenticated");
    }

    @Test
    void timeoutExampleGetsTheResultWhenItComesInTime() throws Exception {
        ExampleOutput.Run run = finished(TimeoutExample.class, "1");
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines())
                .containsExactly("1.0 seconds later: Hopefully this will be called in 3 seconds or less");
    }

    @Test
    void timeoutExampleTimesOutAfterThreeSeconds() throws Exception {
        ExampleOutput.Run run = finished(TimeoutExample.class, "4.5");
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines())
                .containsExactly(
                        "4.5 seconds later: [Failure instance: io.jtwisted.internet.defer.TimeoutError: Deferred timed out after 3 seconds]");
    }

    @Test
    void timeoutCancelReportsTheTimeoutAndChangesTheResult() throws Exception {
        ExampleOutput.Run run = finished(TimeoutCancel.class);
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines())
                .containsExactly(
                        "Got 'Everything's ok!' but actually timed out after 2 seconds",
                        "Everything's ok! (timed out)");
    }

    @Test
    void fibonacciThreadLeavesTheReactorThreadFreeMeanwhile() throws Exception {
        ExampleOutput.Run run = finished(FibonacciThread.class);
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines())
                .containsExactly(
                        "1st line after the addition of the callback",
                        "2nd line after the addition of the callback",
                        "largeFibonnaciNumber result = " + fibonacci(10000));
    }

    @Test
    void errbackTrapHandlesOnlyTheTrappedExceptions() throws Exception {
        assertThat(ExampleOutput.inProcess(() -> ErrbackTrap.main(NO_ARGS)).lines())
                .containsExactly(
                        "errorHandler handled SpamException",
                        "cookSpamAndEggs is done: handled",
                        "next errback got: out of toast");
    }

    @Test
    void unhandledErrorsLogsTheFailureWithItsTraceback() throws Exception {
        List<LogEvent> events = new CopyOnWriteArrayList<>();
        ILogObserver observer = events::add;
        LogPublisher.globalLogPublisher().addObserver(observer);
        try {
            UnhandledErrors.main(NO_ARGS);
        } finally {
            LogPublisher.globalLogPublisher().removeObserver(observer);
        }
        assertThat(events)
                .filteredOn(e -> e.namespace().equals(UnhandledErrors.class.getName()))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.message()).isEqualTo("Request failed");
                    assertThat(e.failure().getErrorMessage()).isEqualTo("the server went away");
                    assertThat(e.formatWithTraceback()).contains("UnhandledErrors.main");
                });
    }

    @Test
    void defaultCancellationAbsorbsOneCallback() throws Exception {
        assertThat(ExampleOutput.inProcess(() -> DefaultCancellation.main(NO_ARGS))
                        .lines())
                .containsExactly(
                        "Cancelled: the Deferred was cancelled",
                        "operationDone absorbed",
                        "Second callback: AlreadyCalledError");
    }

    @Test
    void httpClientCancelAbortsTheConnection() throws Exception {
        assertThat(ExampleOutput.inProcess(() -> HTTPClient.main(NO_ARGS)).lines())
                .containsExactly(
                        "sent: GET / HTTP/1.0",
                        "request failed: the Deferred was cancelled",
                        "connection aborted: true");
    }

    @Test
    void synchronousDeferredsFireAtOnce() throws Exception {
        assertThat(ExampleOutput.inProcess(() -> SynchronousDeferreds.main(NO_ARGS))
                        .lines())
                .containsExactly("Alice is valid: true", "Bob is valid: false", "lookup failed: no user database");
    }

    @Test
    void pauseHoldsCallbacksUntilUnpause() throws Exception {
        assertThat(ExampleOutput.inProcess(() -> PauseUnpause.main(NO_ARGS)).lines())
                .containsExactly(
                        "first: 1", "added first callback", "paused: added second callback", "unpausing", "second: 2");
    }
}
