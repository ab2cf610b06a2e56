package io.jtwisted.internal.loop;

import static io.jtwisted.internet.ReactorTestSupport.runUntilStopped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internet.Reactor;
import io.jtwisted.logger.LogEvent;
import io.jtwisted.logger.LogLevel;
import io.jtwisted.logger.Logger;
import io.jtwisted.python.failure.Failure;
import io.jtwisted.testing.CoreTestGuard;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The blocking-callback watchdog. Twisted has none (asyncio's debug mode, which logs a callback
 * slower than {@code slow_callback_duration} once it has returned, is the nearest model), so
 * these cases are our own. The watchdog's look at the loop ({@code check}) takes the time as an
 * argument: most cases call it from inside the callbacks themselves, on the reactor thread, with
 * made-up times, so the reactor is "blocked" exactly as long as the test says.
 */
class BlockingCallbackWatchdogTest {
    private static final double THRESHOLD = 1.0;
    private static final long SECOND = 1_000_000_000L;

    private final EventLoop reactor = (EventLoop) Reactor.create();
    private final List<LogEvent> events = new CopyOnWriteArrayList<>();
    private final BlockingCallbackWatchdog watchdog =
            new BlockingCallbackWatchdog(reactor, THRESHOLD, new Logger("watchdog", events::add));

    private List<LogEvent> warnings() {
        return events.stream().filter(e -> e.level() == LogLevel.WARN).toList();
    }

    /** The callback under test: it "holds" the thread from t=0 to t=holdSeconds. */
    private void holdTheThread(double holdSeconds) {
        watchdog.check(0);
        watchdog.check((long) (holdSeconds * SECOND));
    }

    @Test
    void aTimerHoldingTheThreadForTheThresholdIsReportedWithTheReactorThreadsStack() {
        reactor.callLater(0, () -> {
            holdTheThread(THRESHOLD);
            reactor.stop();
        });
        runUntilStopped((Reactor) reactor);

        assertThat(warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.message())
                    .startsWith(
                            "Reactor thread " + Thread.currentThread().getName()
                                    + " blocked for at least 1.000 s (threshold 1.000 s) by <DelayedCall lambda in BlockingCallbackWatchdogTest");
            Failure stack = warning.failure();
            assertThat(stack.value()).isInstanceOf(BlockingCallbackWatchdog.Blocked.class);
            assertThat(Arrays.stream(stack.value().getStackTrace()).map(StackTraceElement::getMethodName))
                    .contains("holdTheThread", "runDueTimers");
        });
    }

    @Test
    void aCallbackShorterThanTheThresholdIsNotReported() {
        reactor.callLater(0, () -> {
            holdTheThread(THRESHOLD * 0.999);
            reactor.stop();
        });
        runUntilStopped((Reactor) reactor);
        assertThat(events).isEmpty();
    }

    @Test
    void aLongBlockIsReportedOnceAndItsEndIsLoggedWithItsLength() {
        reactor.callLater(0, () -> {
            watchdog.check(0);
            watchdog.check(SECOND);
            watchdog.check(3 * SECOND);
            watchdog.check(6 * SECOND);
        });
        reactor.callLater(0, () -> {
            watchdog.check(7 * SECOND); // a new callback: the blocked one has returned
            reactor.stop();
        });
        runUntilStopped((Reactor) reactor);

        assertThat(warnings()).hasSize(2);
        assertThat(warnings().get(0).message()).contains("blocked for at least 1.000 s");
        assertThat(warnings().get(1).message())
                .startsWith(
                        "Reactor thread free again after at least 7.000 s in <DelayedCall lambda in BlockingCallbackWatchdogTest");
        assertThat(warnings().get(1).failure()).isNull();
    }

    @Test
    void manyShortCallbacksInARowAreNotReportedHoweverLongTheyTakeTogether() {
        for (int i = 0; i < 10; i++) {
            long at = i * 2L * SECOND; // each look sees a callback started since the last one
            reactor.callFromThread(() -> watchdog.check(at));
        }
        reactor.callLater(0.001, reactor::stop);
        runUntilStopped((Reactor) reactor);
        assertThat(events).isEmpty();
    }

    @Test
    void anIoCallbackIsSeenAsRunningThoughTheLoopCallsItFromInsideSelect() throws IOException {
        Pipe pipe = Pipe.open();
        try {
            Selectable blocking = new Selectable() {
                @Override
                public void handleIo(SelectionKey key) {
                    holdTheThread(2 * THRESHOLD);
                    key.cancel();
                    reactor.stop();
                }

                @Override
                public void connectionLost(Failure reason) {}

                @Override
                public String toString() {
                    return "the blocking reader";
                }
            };
            reactor.register(pipe.source(), SelectionKey.OP_READ, blocking);
            pipe.sink().write(ByteBuffer.wrap(new byte[] {1}));
            runUntilStopped((Reactor) reactor);
        } finally {
            pipe.source().close();
            pipe.sink().close();
        }
        assertThat(warnings())
                .singleElement()
                .satisfies(w -> assertThat(w.message()).contains("at least 2.000 s", "by the blocking reader"));
    }

    @Test
    void aReactorWaitingInSelectIsIdleNotBlocked() throws InterruptedException {
        CountDownLatch looked = new CountDownLatch(1);
        Thread[] looker = new Thread[1];
        reactor.callWhenRunning(() -> {
            looker[0] = new Thread(() -> {
                long deadline = System.nanoTime() + 10 * SECOND;
                // Wait (not sleep) for the loop to go idle: nothing is scheduled, so it will.
                while (reactor.currentCallback() != null && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                watchdog.check(0);
                watchdog.check(10 * SECOND);
                looked.countDown();
                reactor.stop();
            });
            looker[0].start();
        });
        runUntilStopped((Reactor) reactor);
        looker[0].join();
        assertThat(looked.getCount()).isZero();
        assertThat(events).isEmpty();
    }

    @Test
    void aReactorThatIsNotRunningIsNeverReported() {
        watchdog.check(0);
        watchdog.check(10 * SECOND);
        assertThat(events).isEmpty();
    }

    @Test
    void theThresholdMustBeAPositiveNumberOfSeconds() {
        Logger log = new Logger("watchdog", events::add);
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new BlockingCallbackWatchdog(reactor, bad, log))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("positive number of seconds");
        }
    }

    @Test
    void withoutThePropertyNoWatchdogIsStarted() {
        String before = System.clearProperty(BlockingCallbackWatchdog.PROPERTY);
        try {
            assertThat(BlockingCallbackWatchdog.startIfConfigured(reactor)).isNull();
        } finally {
            restore(before);
        }
    }

    @Test
    void aPropertyThatIsNotAPositiveNumberIsLoggedAndIgnored() {
        String before = System.setProperty(BlockingCallbackWatchdog.PROPERTY, "soon");
        try {
            assertThat(BlockingCallbackWatchdog.startIfConfigured(reactor)).isNull();
        } finally {
            restore(before);
        }
        assertThat(CoreTestGuard.flushLoggedErrors()).isEmpty(); // an error message, not a failure
    }

    /**
     * End to end: with the property set, {@code run()} starts a watchdog thread, a callback that
     * really blocks is reported while it blocks (it waits for the warning itself, so the test
     * takes no longer than the watchdog needs), and the thread ends with the reactor.
     */
    @Test
    void withThePropertyRunStartsAWatchdogThatReportsARealBlockAndEndsWithTheReactor() throws InterruptedException {
        CountDownLatch warned = new CountDownLatch(1);
        io.jtwisted.logger.ILogObserver observer = event -> {
            if (event.failure() != null && event.failure().value() instanceof BlockingCallbackWatchdog.Blocked) {
                warned.countDown();
            }
        };
        io.jtwisted.logger.LogPublisher.globalLogPublisher().addObserver(observer);
        String before = System.setProperty(BlockingCallbackWatchdog.PROPERTY, "0.05");
        boolean[] seen = new boolean[1];
        try {
            reactor.callLater(0, () -> {
                seen[0] = warned.await(10, TimeUnit.SECONDS); // the block under test
                reactor.stop();
            });
            runUntilStopped((Reactor) reactor);
        } finally {
            restore(before);
            io.jtwisted.logger.LogPublisher.globalLogPublisher().removeObserver(observer);
        }
        assertThat(seen[0]).as("warned while blocked").isTrue();
        assertThat(CoreTestGuard.flushLoggedErrors(BlockingCallbackWatchdog.Blocked.class))
                .hasSize(1);
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().startsWith("jtwisted-watchdog-") && t.isAlive());
    }

    private static void restore(String before) {
        if (before == null) {
            System.clearProperty(BlockingCallbackWatchdog.PROPERTY);
        } else {
            System.setProperty(BlockingCallbackWatchdog.PROPERTY, before);
        }
    }
}
