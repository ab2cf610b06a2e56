package io.jtwisted.internal.loop;

import io.jtwisted.logger.LogLevel;
import io.jtwisted.logger.Logger;
import io.jtwisted.python.failure.Failure;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * Warns when one callback keeps the reactor thread busy longer than a threshold: a protocol's
 * {@code dataReceived}, a timer, a {@code callFromThread} call or a flush that blocks (a lock, a
 * blocking read, a long computation) stops every other connection of that reactor meanwhile.
 *
 * <p>Off by default. Run a program with {@code -Djtwisted.watchdog=SECONDS} (for instance
 * {@code -Djtwisted.watchdog=0.5}) and every reactor started with {@code run()} gets a watchdog
 * thread that looks at it {@value #CHECKS_PER_THRESHOLD} times per threshold. When the reactor
 * thread has been in the same callback for at least the threshold, it logs one warning naming the
 * callback, with the reactor thread's stack at that moment as the traceback; when that callback
 * returns, it logs how long it held the thread (at least; the watchdog sees time in steps of a
 * quarter threshold). The reactor thread only stores a counter and a reference per callback;
 * waiting in {@code select} is idle, never reported.
 */
public final class BlockingCallbackWatchdog {
    /** The system property that turns the watchdog on: the threshold in seconds. */
    public static final String PROPERTY = "jtwisted.watchdog";

    static final int CHECKS_PER_THRESHOLD = 4;
    private static final Logger defaultLog = Logger.forClass(BlockingCallbackWatchdog.class);
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

    private final EventLoop loop;
    private final long thresholdNanos;
    private final Logger log;
    private volatile boolean stopped;
    private @Nullable Thread thread; // null when check is called by the caller, not a thread of its own

    // Sampling state, touched only by whoever calls check (the watchdog thread).
    private long seenCount = -1;
    private long seenSince;
    private @Nullable Object reportedCallback;

    /**
     * A watchdog of {@code loop} that logs to {@code log}; it looks only when {@link #check} is
     * called (see {@link #start} for one with its own thread).
     */
    BlockingCallbackWatchdog(EventLoop loop, double thresholdSeconds, Logger log) {
        if (!(thresholdSeconds > 0) || Double.isInfinite(thresholdSeconds)) {
            throw new IllegalArgumentException(
                    "the watchdog's threshold must be a positive number of seconds, got " + thresholdSeconds);
        }
        this.loop = loop;
        this.thresholdNanos = (long) (thresholdSeconds * 1e9);
        this.log = log;
    }

    /**
     * The watchdog asked for by the {@value #PROPERTY} system property, started, or null when the
     * property is not set. A value that is not a positive number is logged and ignored.
     */
    static @Nullable BlockingCallbackWatchdog startIfConfigured(EventLoop loop) {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            return null;
        }
        double seconds;
        try {
            seconds = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            seconds = Double.NaN;
        }
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            defaultLog.error("Ignoring -D{}={}: the threshold must be a positive number of seconds", PROPERTY, value);
            return null;
        }
        return start(loop, seconds, defaultLog);
    }

    /** Starts a watchdog thread (a daemon) that checks {@code loop} until {@link #stop()}. */
    static BlockingCallbackWatchdog start(EventLoop loop, double thresholdSeconds, Logger log) {
        BlockingCallbackWatchdog watchdog = new BlockingCallbackWatchdog(loop, thresholdSeconds, log);
        long period = Math.max(watchdog.thresholdNanos / CHECKS_PER_THRESHOLD, TimeUnit.MILLISECONDS.toNanos(1));
        Thread thread = new Thread(
                () -> {
                    while (!watchdog.stopped) {
                        LockSupport.parkNanos(period);
                        if (!watchdog.stopped) {
                            watchdog.check(System.nanoTime());
                        }
                    }
                },
                "jtwisted-watchdog-" + THREAD_NUMBER.incrementAndGet());
        thread.setDaemon(true);
        watchdog.thread = thread;
        thread.start();
        return watchdog;
    }

    /** Stops the watchdog's thread and waits for it to end. */
    void stop() {
        stopped = true;
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Looks at the loop once, at {@code nowNanos} ({@link System#nanoTime()}'s scale): warns if
     * one callback has been running since a look at least the threshold ago, and says when a
     * callback it warned about has returned.
     */
    void check(long nowNanos) {
        Thread reactorThread = loop.turnThread();
        Object callback = loop.currentCallback();
        if (reactorThread == null || callback == null) { // not running, or idle in select
            returned(nowNanos);
            seenCount = -1;
            return;
        }
        long count = loop.callbacksStarted();
        if (count != seenCount) {
            returned(nowNanos);
            seenCount = count;
            seenSince = nowNanos;
            return;
        }
        long blocked = nowNanos - seenSince;
        if (reportedCallback == null && blocked >= thresholdNanos) {
            reportedCallback = callback;
            Blocked stack = new Blocked(reactorThread);
            log.emit(
                    LogLevel.WARN,
                    new Failure(stack),
                    "Reactor thread {} blocked for at least {} s (threshold {} s) by {}; its stack:",
                    reactorThread.getName(),
                    seconds(blocked),
                    seconds(thresholdNanos),
                    describe(reportedCallback));
        }
    }

    private void returned(long nowNanos) {
        if (reportedCallback != null) {
            log.warn(
                    "Reactor thread free again after at least {} s in {}",
                    seconds(nowNanos - seenSince),
                    describe(reportedCallback));
            reportedCallback = null;
        }
    }

    private static String seconds(long nanos) {
        return String.format("%.3f", nanos / 1e9);
    }

    /** A lambda is named after the class that wrote it (its own class name says nothing). */
    private static String describe(Object callback) {
        String name = callback.getClass().getName();
        int lambda = name.indexOf("$$Lambda");
        if (lambda < 0) {
            return String.valueOf(callback);
        }
        String host = name.substring(0, lambda);
        return "a lambda in " + host.substring(host.lastIndexOf('.') + 1);
    }

    /** Carries the reactor thread's stack into the warning's traceback; never thrown. */
    static final class Blocked extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Blocked(Thread reactorThread) {
            super("stack of " + reactorThread.getName() + " while blocked");
            setStackTrace(reactorThread.getStackTrace());
        }
    }
}
