package io.jtwisted.benchmarks.reactor;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.interfaces.IDelayedCall;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
 * One million timers: scheduled and fired, or scheduled and cancelled. JTwisted's reactor (a heap
 * with indexes, run on the benchmark thread) against Netty's NIO event loop (its scheduled-task
 * queue, driven from inside the loop), in one run. Delays are random so that the heap really sorts.
 * Score: nanoseconds per timer.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@SuppressWarnings("NullAway.Init") // every field is set in @Setup
public class TimerBenchmark {
    static final int TIMERS = 1_000_000;

    private double[] delays;
    private EventLoopGroup nettyGroup;
    private EventLoop nettyLoop;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        delays = new double[TIMERS];
        for (int i = 0; i < TIMERS; i++) {
            delays[i] = random.nextDouble() * 0.001; // all due within 1 ms: firing is not waiting
        }
        nettyGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        nettyLoop = nettyGroup.next();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        nettyGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
    }

    @Benchmark
    @OperationsPerInvocation(TIMERS)
    public int jtwistedScheduleAndFire() {
        Reactor reactor = Reactor.create();
        int[] fired = {0};
        for (double delay : delays) {
            reactor.callLater(delay, () -> {
                if (++fired[0] == TIMERS) {
                    reactor.stop();
                }
            });
        }
        reactor.run(false);
        return fired[0];
    }

    @Benchmark
    @OperationsPerInvocation(TIMERS)
    public int nettyScheduleAndFire() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        int[] fired = {0};
        nettyLoop.execute(() -> {
            for (double delay : delays) {
                nettyLoop.schedule(
                        () -> {
                            if (++fired[0] == TIMERS) {
                                done.countDown();
                            }
                        },
                        (long) (delay * 1e9),
                        TimeUnit.NANOSECONDS);
            }
        });
        done.await();
        return fired[0];
    }

    @Benchmark
    @OperationsPerInvocation(TIMERS)
    public int jtwistedScheduleAndCancel() {
        Reactor reactor = Reactor.create();
        IDelayedCall[] calls = new IDelayedCall[TIMERS];
        for (int i = 0; i < TIMERS; i++) {
            calls[i] = reactor.callLater(1 + delays[i], () -> {});
        }
        for (IDelayedCall call : calls) {
            call.cancel();
        }
        return reactor.getDelayedCalls().size();
    }

    @Benchmark
    @OperationsPerInvocation(TIMERS)
    public int nettyScheduleAndCancel() throws Exception {
        return nettyLoop
                .submit(() -> {
                    @SuppressWarnings("unchecked")
                    ScheduledFuture<?>[] calls = new ScheduledFuture<?>[TIMERS];
                    for (int i = 0; i < TIMERS; i++) {
                        calls[i] = nettyLoop.schedule(() -> {}, (long) ((1 + delays[i]) * 1e9), TimeUnit.NANOSECONDS);
                    }
                    int cancelled = 0;
                    for (ScheduledFuture<?> call : calls) {
                        if (call.cancel(false)) {
                            cancelled++;
                        }
                    }
                    return cancelled;
                })
                .get();
    }
}
