package io.jtwisted.internal.loop;

import io.jtwisted.internet.base.DelayedCall;
import io.jtwisted.internet.base.DelayedCalls;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.error.ConnectionLost;
import io.jtwisted.internet.error.ReactorAlreadyRunning;
import io.jtwisted.internet.error.ReactorNotRestartable;
import io.jtwisted.internet.error.ReactorNotRunning;
import io.jtwisted.internet.error.WrongThreadError;
import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.internet.interfaces.IFileDescriptor;
import io.jtwisted.internet.interfaces.IReactorCore;
import io.jtwisted.internet.interfaces.IReactorFDSet;
import io.jtwisted.internet.interfaces.IReactorThreads;
import io.jtwisted.internet.interfaces.IReactorTime;
import io.jtwisted.logger.Logger;
import io.jtwisted.python.failure.Failure;
import io.jtwisted.python.failure.ThrowingRunnable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jctools.queues.atomic.MpscUnboundedAtomicArrayQueue;
import org.jspecify.annotations.Nullable;

/**
 * The select loop: one thread (the one that calls {@link #run()}) runs every timer, I/O handler,
 * {@code callFromThread} call and system event trigger of this reactor. It knows no transport:
 * transports register their channels with {@link #register} (the attachment is a {@link
 * Selectable}), ask for an end-of-turn flush with {@link #requestFlush}, and take part in
 * shutdown through {@link Selectable#connectionLost}, as Twisted's {@code disconnectAll}.
 *
 * <p>One loop turn: wait for I/O (no longer than until the next timer; not at all when calls from
 * other threads or flushes are waiting) and call the selectable of each ready key; run the timers
 * that are due; run the calls queued by {@link #callFromThread}; begin the shutdown if {@link
 * #stop()} was called; then run the flushes requested with {@link #requestFlush}. An exception
 * thrown by any of these is logged with its traceback and the loop goes on; one escaping a
 * selectable closes that selectable with the exception as the reason.
 *
 * <p>The internal API ({@link #register}, {@link #readBuffer}, {@link #requestFlush}, {@link
 * #checkThread}) is for the transports of {@code io.jtwisted.internal} and must be used on the
 * reactor thread.
 */
public abstract class EventLoop implements IReactorCore, IReactorTime, IReactorThreads, IReactorFDSet {
    private static final Logger log = Logger.forClass(EventLoop.class);
    private static final int READ_BUFFER_SIZE = 64 * 1024;
    /** The size of the {@linkplain #writeBuffer() staging buffer} for writes. */
    public static final int WRITE_BUFFER_SIZE = 64 * 1024;

    private static final int CALL_QUEUE_CHUNK = 1024;
    private static final int TURNS_PER_CALL = 64;
    private static final int DEFAULT_POOL_SIZE = 10;
    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();
    private static final VarHandle SLEEPING;
    private static final VarHandle CALLBACKS_STARTED;
    private static final VarHandle CURRENT_CALLBACK;

    static {
        try {
            SLEEPING = MethodHandles.lookup().findVarHandle(EventLoop.class, "sleeping", boolean.class);
            CALLBACKS_STARTED = MethodHandles.lookup().findVarHandle(EventLoop.class, "callbacksStarted", long.class);
            CURRENT_CALLBACK = MethodHandles.lookup().findVarHandle(EventLoop.class, "currentCallback", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long nanoOrigin = System.nanoTime();
    private final double epochOrigin = System.currentTimeMillis() / 1000.0;
    private final boolean global;

    // Loop state (reactor thread, or the configuring thread before run()).
    private volatile @Nullable Thread reactorThread;
    private volatile boolean stopped = true;
    private volatile boolean running;
    private boolean started;
    private boolean justStopped;
    private boolean startedBefore;
    private volatile @Nullable Selector selector; // opened when first needed
    private @Nullable ByteBuffer readBuffer;
    private @Nullable ByteBuffer writeBuffer;
    private final DelayedCalls timers = new DelayedCalls(this::seconds, this::checkThread);
    // JCTools' field-updater variant: the Unsafe-based queues make JDK 24+ print a deprecation
    // warning on the stderr of every program that uses the reactor.
    private final MpscUnboundedAtomicArrayQueue<ThrowingRunnable> threadCalls =
            new MpscUnboundedAtomicArrayQueue<>(CALL_QUEUE_CHUNK);

    @SuppressWarnings("UnusedVariable") // read and written through the SLEEPING VarHandle
    private volatile boolean sleeping; // true while the loop blocks (or is about to) in select
    // Read by BlockingCallbackWatchdog's thread: how many callbacks this loop has started and the
    // latest one (IDLE from before a blocking select until the next callback; select runs the I/O
    // callbacks inside it). Opaque stores (plain moves on x86) by the reactor thread.
    private static final Object IDLE = new Object();
    private long callbacksStarted;

    @SuppressWarnings("UnusedVariable") // read and written through the CURRENT_CALLBACK VarHandle
    private @Nullable Object currentCallback;

    private ArrayList<PendingFlush> flushes = new ArrayList<>();
    private ArrayList<PendingFlush> flushesRunning = new ArrayList<>();
    private final Map<String, ThreePhaseEvent> events = new HashMap<>();
    private final Consumer<SelectionKey> keyHandler = this::handleKey;
    private boolean installSignalHandlers;
    private @Nullable SignalHandling signalHandling;
    /** The "during startup" trigger: the reactor is running from here on (re-added by crash). */
    private final SystemEventTrigger reallyStartRunning = () -> {
        running = true;
        if (installSignalHandlers && signalHandling == null) {
            signalHandling = SignalHandling.install(this);
        }
        return null;
    };

    // Thread pool (guarded by this).
    private @Nullable ThreadPoolExecutor threadPool;
    private int threadPoolSize = DEFAULT_POOL_SIZE;
    private @Nullable Object threadPoolShutdownTrigger;

    /** @param global whether this is the process's default reactor (which handles signals when run on the main thread) */
    protected EventLoop(boolean global) {
        this.global = global;
        addSystemEventTrigger("during", "startup", reallyStartRunning);
        addSystemEventTrigger("during", "shutdown", () -> {
            crash();
            return null;
        });
        addSystemEventTrigger("during", "shutdown", () -> {
            disconnectAll();
            return null;
        });
    }

    // ------------------------------------------------------------------ IReactorCore

    /**
     * Runs the loop on the calling thread until the reactor stops (or crashes). Installs handlers
     * for SIGINT and SIGTERM that stop the reactor when this is the global reactor and the caller
     * is the main thread, as Twisted does.
     */
    @Override
    public void run() {
        run(global && "main".equals(Thread.currentThread().getName()));
    }

    /**
     * Runs the loop as {@link #run()} does, installing handlers that stop the reactor on SIGINT and
     * SIGTERM when {@code installSignalHandlers} is true.
     */
    public void run(boolean installSignalHandlers) {
        synchronized (this) {
            if (started) {
                throw new ReactorAlreadyRunning();
            }
            if (startedBefore) {
                throw new ReactorNotRestartable();
            }
            started = true;
            stopped = false;
            reactorThread = Thread.currentThread();
            this.installSignalHandlers = installSignalHandlers;
        }
        BlockingCallbackWatchdog watchdog = BlockingCallbackWatchdog.startIfConfigured(this);
        try {
            selector();
            starting("the startup triggers");
            fireSystemEvent("startup");
            mainLoop();
        } finally {
            if (watchdog != null) {
                watchdog.stop();
            }
            if (signalHandling != null) {
                signalHandling.uninstall();
                signalHandling = null;
            }
            reactorThread = null;
            if (startedBefore && !started) {
                closeSelector();
            }
        }
    }

    /** True while this reactor's SIGINT/SIGTERM handlers are installed. */
    boolean signalHandlingInstalled() {
        return signalHandling != null;
    }

    private void mainLoop() {
        while (started) {
            runTurns();
        }
    }

    /**
     * Up to {@link #TURNS_PER_CALL} loop turns. A method of its own, called again and again, so
     * that the JIT compiles the turn and its callees as an ordinary method soon after start: an
     * endless loop in the method that {@link #run()} calls once would stay interpreted until
     * on-stack replacement, which takes tens of thousands of turns, then run profiled C1 code
     * for as long again.
     */
    private void runTurns() {
        for (int i = 0; i < TURNS_PER_CALL && started; i++) {
            iterate(-1);
        }
    }

    /**
     * Runs one loop turn on the calling thread, waiting for I/O no longer than {@code delay}
     * seconds (0: not at all; negative: until the next timer or a call from another thread),
     * as Twisted's {@code reactor.iterate}.
     */
    @Override
    public void iterate(double delay) {
        if (reactorThread == null) {
            reactorThread = Thread.currentThread();
            try {
                turn(delay);
            } finally {
                reactorThread = null;
            }
        } else {
            checkThread();
            turn(delay);
        }
    }

    private void turn(double delay) {
        select(delay);
        runDueTimers();
        runThreadCalls();
        if (justStopped) {
            justStopped = false;
            starting("the shutdown triggers");
            fireSystemEvent("shutdown");
            Deferred.logUnhandledErrors(); // a failure nobody handled is shown when the reactor stops
        }
        runFlushes();
    }

    private void select(double maxDelay) {
        Selector selector = selector();
        try {
            if (!mustNotBlock() && maxDelay != 0) {
                long timeoutMillis = timeoutMillis(maxDelay);
                if (timeoutMillis != 0) {
                    CURRENT_CALLBACK.setOpaque(this, IDLE);
                    SLEEPING.setVolatile(this, true);
                    if (threadCalls.isEmpty()) { // read after announcing sleep: see callFromThread
                        selector.select(keyHandler, timeoutMillis < 0 ? 0 : timeoutMillis);
                        SLEEPING.setVolatile(this, false);
                        return;
                    }
                    SLEEPING.setVolatile(this, false);
                }
            }
            selector.selectNow(keyHandler);
        } catch (IOException e) {
            log.failure("Selector failed", e);
        }
    }

    private boolean mustNotBlock() {
        return justStopped || !flushes.isEmpty() || !threadCalls.isEmpty();
    }

    /** Milliseconds to wait: -1 forever, 0 not at all, else at least 1 (rounded up). */
    private long timeoutMillis(double maxDelay) {
        DelayedCall next = timers.peek();
        double wait = maxDelay < 0 ? Double.POSITIVE_INFINITY : maxDelay;
        if (next != null) {
            wait = Math.min(wait, next.getTime() - seconds());
        }
        if (wait == Double.POSITIVE_INFINITY) {
            return -1;
        }
        if (wait <= 0) {
            return 0;
        }
        return (long) Math.min(Math.ceil(wait * 1000), 0x1p62); // far beyond any real wait, and exact as a double
    }

    private void handleKey(SelectionKey key) {
        if (!key.isValid() || !(key.attachment() instanceof Selectable selectable)) {
            return;
        }
        starting(selectable);
        try {
            selectable.handleIo(key);
        } catch (Throwable error) {
            Failure.rethrowIfFatal(error);
            closeAfterError(selectable, "Unhandled error in I/O handler {}; closing it", error);
        }
    }

    /** Logs {@code error} and closes {@code selectable} with it as the reason. */
    private static void closeAfterError(Selectable selectable, String message, Throwable error) {
        log.failure(message, error, selectable);
        try {
            selectable.connectionLost(new Failure(error));
        } catch (Throwable second) {
            Failure.rethrowIfFatal(second);
            log.failure("Unhandled error closing {}", second, selectable);
        }
    }

    private void runDueTimers() {
        if (timers.isEmpty()) {
            return;
        }
        double now = seconds();
        long limit = timers.nextSequence(); // calls scheduled (or rescheduled) by these calls wait for the next turn
        DelayedCall call;
        while ((call = timers.peek()) != null && call.getTime() <= now && call.sequence() < limit) {
            timers.takeFirst();
            starting(call);
            try {
                call.callable().run();
            } catch (Throwable error) {
                Failure.rethrowIfFatal(error);
                log.failure("Unhandled error in delayed call {}", error, call.callable());
            }
        }
    }

    private void runThreadCalls() {
        // Calls queued by these calls wait for the next turn: a call that re-queues itself cannot starve I/O.
        int budget = threadCalls.size();
        ThrowingRunnable callable;
        while (budget-- > 0 && (callable = threadCalls.relaxedPoll()) != null) {
            runThreadCall(callable);
        }
    }

    private void runThreadCall(ThrowingRunnable callable) {
        starting(callable);
        try {
            callable.run();
        } catch (Throwable error) {
            Failure.rethrowIfFatal(error);
            log.failure("Unhandled error in call from thread {}", error, callable);
        }
    }

    private void runFlushes() {
        if (flushes.isEmpty()) {
            return;
        }
        ArrayList<PendingFlush> batch = flushes;
        flushes = flushesRunning; // flushes requested while flushing run next turn
        flushesRunning = batch;
        for (int i = 0, n = batch.size(); i < n; i++) {
            PendingFlush flusher = batch.get(i);
            starting(flusher);
            try {
                flusher.flushPending();
            } catch (Throwable error) {
                Failure.rethrowIfFatal(error);
                if (flusher instanceof Selectable selectable) {
                    closeAfterError(selectable, "Unhandled error flushing {}; closing it", error);
                } else {
                    log.failure("Unhandled error flushing {}", error, flusher);
                }
            }
        }
        batch.clear();
    }

    /** Marks the start of a callback, for {@link BlockingCallbackWatchdog}. */
    private void starting(Object callback) {
        CURRENT_CALLBACK.setOpaque(this, callback);
        CALLBACKS_STARTED.setOpaque(this, callbacksStarted + 1);
    }

    /**
     * Begins the shutdown: at the end of the current loop turn the "shutdown" event fires, and the
     * loop ends once its "during" triggers have run. From another thread, the stop is passed to the
     * reactor thread.
     *
     * @throws ReactorNotRunning if the reactor is not running or is already stopping
     */
    @Override
    public void stop() {
        if (stopped) {
            throw new ReactorNotRunning();
        }
        if (!isInIOThread()) {
            callFromThread(this::stop);
            return;
        }
        stopped = true;
        justStopped = true;
        startedBefore = true;
    }

    /** Ends the loop at the end of the current turn, without firing the shutdown triggers. */
    @Override
    public void crash() {
        if (!isInIOThread()) {
            callFromThread(this::crash);
            return;
        }
        started = false;
        running = false;
        addSystemEventTrigger("during", "startup", reallyStartRunning);
    }

    /**
     * Removes every registered selectable and tells each that its connection is lost (a "during
     * shutdown" trigger, as Twisted's {@code disconnectAll}): connections report {@code
     * ConnectionLost}, ports stop listening and stop their factory. An error from one is logged
     * and the others are still told.
     */
    private void disconnectAll() {
        for (IFileDescriptor descriptor : removeAll()) {
            try {
                descriptor.connectionLost(new Failure(new ConnectionLost()));
            } catch (Throwable error) {
                Failure.rethrowIfFatal(error);
                log.failure("Error disconnecting {} at shutdown", error, descriptor);
            }
        }
    }

    @Override
    public boolean running() {
        return running;
    }

    @Override
    public void callWhenRunning(ThrowingRunnable callable) {
        if (running) {
            if (isInIOThread()) {
                runThreadCall(callable);
            } else {
                callFromThread(callable);
            }
        } else {
            addSystemEventTrigger("after", "startup", () -> {
                callable.run();
                return null;
            });
        }
    }

    @Override
    public synchronized Object addSystemEventTrigger(String phase, String eventType, SystemEventTrigger trigger) {
        return events.computeIfAbsent(eventType, type -> new ThreePhaseEvent()).add(eventType, phase, trigger);
    }

    @Override
    public synchronized void removeSystemEventTrigger(Object triggerId) {
        if (!(triggerId instanceof ThreePhaseEvent.Handle handle) || !events.containsKey(handle.eventType())) {
            throw new IllegalArgumentException("not a trigger of this reactor: " + triggerId);
        }
        events.get(handle.eventType()).remove(handle);
    }

    @Override
    public void fireSystemEvent(String eventType) {
        ThreePhaseEvent event;
        synchronized (this) {
            event = events.get(eventType);
        }
        if (event != null) {
            event.fire();
        }
    }

    // ------------------------------------------------------------------ IReactorTime

    /** Seconds since the epoch, from a monotonic clock anchored at the reactor's creation. */
    @Override
    public double seconds() {
        return epochOrigin + (System.nanoTime() - nanoOrigin) / 1e9;
    }

    /**
     * Schedules {@code callable}. From a thread other than the reactor's while it runs, the call is
     * created now and handed to the reactor thread; use its methods on the reactor thread only.
     */
    @Override
    public IDelayedCall callLater(double delay, ThrowingRunnable callable) {
        if (!(delay >= 0)) {
            throw new IllegalArgumentException("delay must be a non-negative number of seconds, got " + delay);
        }
        if (callable == null) {
            throw new NullPointerException("callable");
        }
        if (isInIOThread()) {
            return timers.schedule(seconds() + delay, callable);
        }
        DelayedCall call = timers.unscheduled(seconds() + delay, callable);
        callFromThread(() -> {
            if (call.active()) {
                timers.add(call);
            }
        });
        return call;
    }

    @Override
    public List<IDelayedCall> getDelayedCalls() {
        return timers.list();
    }

    // ------------------------------------------------------------------ IReactorThreads

    @Override
    public void callFromThread(ThrowingRunnable callable) {
        if (callable == null) {
            throw new NullPointerException("callable");
        }
        threadCalls.offer(callable);
        if ((boolean) SLEEPING.getVolatile(this) && SLEEPING.compareAndSet(this, true, false)) {
            Selector s = selector;
            if (s != null) {
                s.wakeup();
            }
        }
    }

    @Override
    public void callInThread(ThrowingRunnable callable) {
        getThreadPool().execute(() -> {
            try {
                callable.run();
            } catch (Throwable error) {
                Failure.rethrowIfFatal(error);
                log.failure("Unhandled error in thread pool call {}", error, callable);
            }
        });
    }

    @Override
    public synchronized ExecutorService getThreadPool() {
        if (threadPool == null) {
            int number = POOL_NUMBER.incrementAndGet();
            AtomicInteger threadNumber = new AtomicInteger();
            threadPool = new ThreadPoolExecutor(
                    threadPoolSize, threadPoolSize, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
                        Thread thread = new Thread(
                                task, "jtwisted-pool-" + number + "-thread-" + threadNumber.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
            threadPool.allowCoreThreadTimeOut(true);
            threadPoolShutdownTrigger = addSystemEventTrigger("during", "shutdown", () -> {
                stopThreadPool();
                return null;
            });
        }
        return threadPool;
    }

    private synchronized void stopThreadPool() {
        if (threadPool != null) {
            threadPool.shutdown();
            threadPool = null;
            threadPoolShutdownTrigger = null;
        }
    }

    @Override
    public synchronized void suggestThreadPoolSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("thread pool size must be at least 1, got " + size);
        }
        threadPoolSize = size;
        if (threadPool != null) {
            if (size > threadPool.getMaximumPoolSize()) {
                threadPool.setMaximumPoolSize(size);
                threadPool.setCorePoolSize(size);
            } else {
                threadPool.setCorePoolSize(size);
                threadPool.setMaximumPoolSize(size);
            }
        }
    }

    @Override
    public synchronized @Nullable ExecutorService detachThreadPool() {
        ThreadPoolExecutor pool = threadPool;
        if (pool != null) {
            removeSystemEventTrigger(Objects.requireNonNull(threadPoolShutdownTrigger, "added with the pool"));
            threadPool = null;
            threadPoolShutdownTrigger = null;
        }
        return pool;
    }

    @Override
    public boolean isInIOThread() {
        Thread thread = reactorThread;
        return thread == null || thread == Thread.currentThread() || Deferred.isInTurnOf(thread);
    }

    // ------------------------------------------------------------------ IReactorFDSet

    @Override
    public List<IFileDescriptor> getReaders() {
        return descriptors(SelectionKey.OP_READ | SelectionKey.OP_ACCEPT);
    }

    @Override
    public List<IFileDescriptor> getWriters() {
        return descriptors(SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT);
    }

    private List<IFileDescriptor> descriptors(int ops) {
        checkThread();
        List<IFileDescriptor> found = new ArrayList<>();
        Selector s = selector;
        if (s != null) {
            for (SelectionKey key : s.keys()) {
                if (key.isValid()
                        && (key.interestOps() & ops) != 0
                        && key.attachment() instanceof Selectable selectable) {
                    found.add(selectable);
                }
            }
        }
        return found;
    }

    @Override
    public List<IFileDescriptor> removeAll() {
        checkThread();
        List<IFileDescriptor> removed = new ArrayList<>();
        Selector s = selector;
        if (s != null && s.isOpen()) {
            for (SelectionKey key : new ArrayList<>(s.keys())) {
                if (key.isValid()) {
                    key.cancel();
                    if (key.attachment() instanceof Selectable selectable) {
                        removed.add(selectable);
                    }
                }
            }
        }
        return removed;
    }

    // ------------------------------------------------------------------ internal API for transports

    /**
     * Throws {@link WrongThreadError} unless the caller may use this reactor's transports: it is on
     * the reactor thread, or no thread runs the reactor. Cheap (one volatile read and a compare):
     * transports call it first in every public method.
     */
    public final void checkThread() {
        Thread thread = reactorThread;
        if (thread != null && thread != Thread.currentThread() && !Deferred.isInTurnOf(thread)) {
            throw WrongThreadError.of(Thread.currentThread(), thread);
        }
    }

    /**
     * Registers {@code channel} (made non-blocking if needed) with the selector; {@code handler}
     * becomes the key's attachment and is called when the channel is ready. A {@code null}
     * handler is allowed for a channel being set up; it must attach one before asking for
     * readiness.
     */
    public SelectionKey register(SelectableChannel channel, int interestOps, @Nullable Selectable handler)
            throws IOException {
        if (channel.isBlocking()) {
            channel.configureBlocking(false);
        }
        return channel.register(selector(), interestOps, handler);
    }

    /** The reactor's reusable direct read buffer (64 KiB); callers clear it before use. */
    public ByteBuffer readBuffer() {
        if (readBuffer == null) {
            readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_SIZE);
        }
        return readBuffer;
    }

    /**
     * The reactor's reusable direct staging buffer for writes ({@link #WRITE_BUFFER_SIZE} bytes):
     * a transport copies queued heap arrays into it and writes it at once, so that the JDK does not
     * copy each array into a temporary direct buffer of its own. Callers clear it before use and
     * keep nothing in it between calls.
     */
    public ByteBuffer writeBuffer() {
        if (writeBuffer == null) {
            writeBuffer = ByteBuffer.allocateDirect(WRITE_BUFFER_SIZE);
        }
        return writeBuffer;
    }

    /** Calls {@code flusher.flushPending()} once at the end of the current loop turn. */
    public void requestFlush(PendingFlush flusher) {
        flushes.add(flusher);
    }

    // What BlockingCallbackWatchdog reads, from its own thread.

    /** The thread running a loop turn now, or null. */
    @Nullable
    Thread turnThread() {
        return reactorThread;
    }

    /** How many callbacks the loop has started; unchanged while one runs. */
    long callbacksStarted() {
        return (long) CALLBACKS_STARTED.getOpaque(this);
    }

    /** The callback started last, or null if none has run since the loop last waited in select. */
    @Nullable
    Object currentCallback() {
        Object callback = CURRENT_CALLBACK.getOpaque(this);
        return callback == IDLE ? null : callback;
    }

    private Selector selector() {
        Selector s = selector;
        if (s == null) {
            synchronized (this) {
                s = selector;
                if (s == null) {
                    try {
                        s = Selector.open();
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot open a selector", e);
                    }
                    selector = s;
                }
            }
        }
        return s;
    }

    private synchronized void closeSelector() {
        if (selector != null) {
            try {
                selector.close();
            } catch (IOException e) {
                log.failure("Closing the selector failed", e);
            }
            selector = null;
        }
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + " " + (running ? "running" : "not running") + ", " + timers.size()
                + " delayed calls>";
    }
}
