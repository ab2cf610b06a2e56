package io.jtwisted.benchmarks.deferred;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.task.ReactorThreads;
import io.jtwisted.internet.testing.MemoryReactor;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A 10-step asynchronous sequence (each step adds 1 to the previous result), written with
 * callbacks and with {@code await}, against Vert.x 5's {@code Future.await} on a virtual-thread
 * verticle and against CompletableFuture chains, in one run. Scores are per sequence, except the
 * {@code *InOneBody} pair, which is per step (1 000 steps in one body, so the coroutine's start
 * is not counted).
 *
 * <ul>
 *   <li>{@code fired*}: every step's Deferred / future has its result already.
 *   <li>{@code unfired*}: every step's result is delivered later by the event loop (JTwisted's
 *       reactor: {@code callLater(0)}; Vert.x: {@code runOnContext}; CompletableFuture: a
 *       single-thread executor), so each await is a real hand-off. The caller (JMH's thread)
 *       hands the sequence to the loop and waits for its end, in every variant alike.
 *   <li>JTwisted's reactor runs as {@code Task.react} runs it ({@link ReactorThreads}' default:
 *       a virtual thread); {@code *OnPlatformReactor}: the same sequences with the loop on a
 *       platform thread, as {@code reactor.run()} called on one.
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar AwaitBenchmark -f 1 -wi 3 -i 5}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
@SuppressWarnings("NullAway.Init") // the reactors, threads, Vert.x and executor are set in @Setup
public class AwaitBenchmark {
    static final int STEPS = 10;
    static final int MANY = 1_000;

    private final MemoryReactor memoryReactor = new MemoryReactor();
    private Reactor reactor; // run as Task.react runs it: ReactorThreads' default (a virtual thread)
    private Thread reactorThread;
    private Reactor platformReactor;
    private Thread platformReactorThread;
    private Vertx vertx;
    private Context vertxContext;
    private ExecutorService executor;

    @Setup(Level.Trial)
    public void start() throws Exception {
        reactor = Reactor.create();
        reactorThread = startReactorTheDefaultWay(reactor);
        platformReactor = Reactor.create();
        platformReactorThread =
                startReactor(platformReactor, Thread.ofPlatform().name("platform-reactor"));
        vertx = Vertx.vertx();
        vertxContext = virtualThreadContext(vertx);
        executor = Executors.newSingleThreadExecutor();
    }

    /** The context of a verticle deployed with Vert.x's virtual-thread threading model. */
    static Context virtualThreadContext(Vertx vertx) throws Exception {
        CompletableFuture<Context> deployed = new CompletableFuture<>();
        vertx.deployVerticle(
                new AbstractVerticle() {
                    @Override
                    public void start() {
                        deployed.complete(vertx.getOrCreateContext());
                    }
                },
                new DeploymentOptions().setThreadingModel(ThreadingModel.VIRTUAL_THREAD));
        return deployed.get(10, TimeUnit.SECONDS);
    }

    /** Runs {@code reactor} on a thread made by {@code builder}; returns once it is running. */
    static Thread startReactor(Reactor reactor, Thread.Builder builder) throws Exception {
        CompletableFuture<Void> running = new CompletableFuture<>();
        reactor.callWhenRunning(() -> running.complete(null));
        Thread thread = builder.start(() -> reactor.run(false));
        running.get(10, TimeUnit.SECONDS);
        return thread;
    }

    /**
     * Runs {@code reactor} as {@link io.jtwisted.internet.task.Task#react} does, through
     * {@link ReactorThreads#run(io.jtwisted.internet.interfaces.IReactorCore)}, from a platform
     * thread that waits for it (as {@code main} does there); returns that thread once the loop runs.
     */
    static Thread startReactorTheDefaultWay(Reactor reactor) throws Exception {
        CompletableFuture<Void> running = new CompletableFuture<>();
        reactor.callWhenRunning(() -> running.complete(null));
        Thread thread = Thread.ofPlatform().name("reactor-waiter").start(() -> ReactorThreads.run(reactor));
        running.get(10, TimeUnit.SECONDS);
        return thread;
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        reactor.callFromThread(reactor::stop);
        reactorThread.join(10_000);
        platformReactor.callFromThread(platformReactor::stop);
        platformReactorThread.join(10_000);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        executor.shutdownNow();
    }

    // ---------------------------------------------------------------- fired

    @Benchmark
    public @Nullable Object firedCallbacks() {
        Deferred<Integer> d = Deferred.succeed(0);
        for (int i = 0; i < STEPS; i++) {
            d = d.addCallbackDeferring(x -> Deferred.succeed(x + 1));
        }
        return d.currentResult();
    }

    @Benchmark
    public @Nullable Object firedAwait() {
        return Deferred.async(memoryReactor, () -> {
                    int x = 0;
                    for (int i = 0; i < STEPS; i++) {
                        x = Deferred.await(Deferred.succeed(x + 1));
                    }
                    return x;
                })
                .currentResult();
    }

    @Benchmark
    @OperationsPerInvocation(MANY)
    public @Nullable Object firedCallbacksPerStep() {
        Deferred<Integer> d = Deferred.succeed(0);
        for (int i = 0; i < MANY; i++) {
            d = d.addCallbackDeferring(x -> Deferred.succeed(x + 1));
        }
        return d.currentResult();
    }

    @Benchmark
    @OperationsPerInvocation(MANY)
    public @Nullable Object firedAwaitPerStepInOneBody() {
        return Deferred.async(memoryReactor, () -> {
                    int x = 0;
                    for (int i = 0; i < MANY; i++) {
                        x = Deferred.await(Deferred.succeed(x + 1));
                    }
                    return x;
                })
                .currentResult();
    }

    @Benchmark
    public Object firedVertxAwait() throws Exception {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        vertxContext.runOnContext(v -> {
            int x = 0;
            for (int i = 0; i < STEPS; i++) {
                x = Future.await(Future.succeededFuture(x + 1));
            }
            done.complete(x);
        });
        return done.get();
    }

    @Benchmark
    public Object firedCompletableFuture() {
        CompletableFuture<Integer> f = CompletableFuture.completedFuture(0);
        for (int i = 0; i < STEPS; i++) {
            f = f.thenCompose(x -> CompletableFuture.completedFuture(x + 1));
        }
        return f.join();
    }

    // ---------------------------------------------------------------- unfired: a real hand-off per step

    private static Deferred<Integer> later(Reactor reactor, int value) {
        Deferred<Integer> d = new Deferred<>();
        reactor.callLater(0, () -> d.callback(value));
        return d;
    }

    /** The unfired sequence with callbacks, on {@code reactor}; waits for its result. */
    static Object callbacksOn(Reactor reactor) throws Exception {
        CompletableFuture<Object> done = new CompletableFuture<>();
        reactor.callFromThread(() -> {
            Deferred<Integer> d = later(reactor, 0);
            for (int i = 0; i < STEPS; i++) {
                d = d.addCallbackDeferring(x -> later(reactor, x + 1));
            }
            d.addBoth(done::complete);
        });
        return done.get();
    }

    /** The unfired sequence as one async body, on {@code reactor}; waits for its result. */
    static Object awaitOn(Reactor reactor) throws Exception {
        CompletableFuture<Object> done = new CompletableFuture<>();
        reactor.callFromThread(() -> Deferred.async(reactor, () -> {
                    int x = Deferred.await(later(reactor, 0));
                    for (int i = 0; i < STEPS; i++) {
                        x = Deferred.await(later(reactor, x + 1));
                    }
                    return x;
                })
                .addBoth(done::complete));
        return done.get();
    }

    /** The callbacks, on a reactor run the default way (Task.react's: a virtual thread). */
    @Benchmark
    public Object unfiredCallbacks() throws Exception {
        return callbacksOn(reactor);
    }

    /** The awaits, on a reactor run the default way (Task.react's: a virtual thread). */
    @Benchmark
    public Object unfiredAwait() throws Exception {
        return awaitOn(reactor);
    }

    /** The callbacks again, with the reactor's loop on a platform thread ({@code reactor.run()} on it). */
    @Benchmark
    public Object unfiredCallbacksOnPlatformReactor() throws Exception {
        return callbacksOn(platformReactor);
    }

    /**
     * The awaits again, with the reactor's loop on a platform thread: each hand-off between the
     * loop and the body is then a wake-up of another thread through the operating system (the
     * loop spins briefly first, backing off when its spins time out).
     */
    @Benchmark
    public Object unfiredAwaitOnPlatformReactor() throws Exception {
        return awaitOn(platformReactor);
    }

    /** As {@link #unfiredAwaitOnPlatformReactor} with the spinning off ({@code io.jtwisted.await.spinNanos=0}). */
    @Benchmark
    @Fork(jvmArgsAppend = "-Dio.jtwisted.await.spinNanos=0")
    public Object unfiredAwaitOnPlatformReactorWithoutSpinning() throws Exception {
        return awaitOn(platformReactor);
    }

    @Benchmark
    public Object unfiredVertxAwait() throws Exception {
        return vertxAwaitOn(vertxContext);
    }

    /** The unfired sequence with Vert.x's {@code Future.await}, on {@code context}; waits for its result. */
    static Object vertxAwaitOn(Context context) throws Exception {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        context.runOnContext(v -> {
            int x = Future.await(vertxLater(context, 0));
            for (int i = 0; i < STEPS; i++) {
                x = Future.await(vertxLater(context, x + 1));
            }
            done.complete(x);
        });
        return done.get();
    }

    private static Future<Integer> vertxLater(Context context, int value) {
        Promise<Integer> promise = Promise.promise();
        context.runOnContext(v -> promise.complete(value));
        return promise.future();
    }

    @Benchmark
    public Object unfiredCompletableFuture() throws Exception {
        CompletableFuture<Integer> f = CompletableFuture.supplyAsync(() -> 0, executor);
        for (int i = 0; i < STEPS; i++) {
            f = f.thenComposeAsync(x -> CompletableFuture.supplyAsync(() -> x + 1, executor), executor);
        }
        return f.get();
    }
}
