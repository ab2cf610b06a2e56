package io.jtwisted.benchmarks.reactor;

import io.jtwisted.internet.Reactor;
import io.jtwisted.python.failure.ThrowingRunnable;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * Calls into a running event loop from 4 other threads: JTwisted's {@code callFromThread} against
 * Netty's {@code EventLoop.execute}, in one run. One invocation delivers 1 000 000 calls (250 000 per
 * producer) and waits until the loop has run them all. Score: nanoseconds per call delivered.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@SuppressWarnings("NullAway.Init") // set in @Setup; done in deliver(), before the calls that count it down
public class CallFromThreadBenchmark {
    static final int PRODUCERS = 4;
    static final int CALLS = 1_000_000;

    private ExecutorService producers;
    private Reactor reactor;
    private Thread reactorThread;
    private EventLoopGroup nettyGroup;
    private EventLoop nettyLoop;
    private int count; // touched only on the loop thread of the run in progress
    private volatile CountDownLatch done;
    private final ThrowingRunnable jtwistedCall = this::increment; // one instance: no allocation per call
    private final Runnable nettyCall = this::increment;

    @Setup(Level.Trial)
    public void setUp() throws InterruptedException {
        producers = Executors.newFixedThreadPool(PRODUCERS);
        reactor = Reactor.create();
        CountDownLatch running = new CountDownLatch(1);
        reactor.callWhenRunning(running::countDown);
        reactorThread = new Thread(() -> reactor.run(false), "jtwisted-reactor");
        reactorThread.start();
        running.await();
        nettyGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        nettyLoop = nettyGroup.next();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        reactor.callFromThread(reactor::stop);
        reactorThread.join(10_000);
        nettyGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
        producers.shutdownNow();
    }

    private void increment() {
        if (++count == CALLS) {
            count = 0;
            done.countDown();
        }
    }

    /** Each producer runs {@code postOne} CALLS / PRODUCERS times; waits until the loop counted CALLS. */
    private void deliver(Runnable postOne) throws InterruptedException {
        done = new CountDownLatch(1);
        for (int p = 0; p < PRODUCERS; p++) {
            producers.execute(() -> {
                for (int i = 0; i < CALLS / PRODUCERS; i++) {
                    postOne.run();
                }
            });
        }
        done.await();
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public void jtwistedCallFromThread() throws InterruptedException {
        deliver(() -> reactor.callFromThread(jtwistedCall));
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public void nettyExecute() throws InterruptedException {
        deliver(() -> nettyLoop.execute(nettyCall));
    }
}
