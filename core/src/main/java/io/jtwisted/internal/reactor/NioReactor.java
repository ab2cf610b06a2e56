package io.jtwisted.internal.reactor;

import io.jtwisted.internet.Reactor;
import io.jtwisted.python.failure.ThrowingRunnable;
import io.jtwisted.internet.error.ReactorAlreadyRunning;
import io.jtwisted.internet.error.ReactorNotRestartable;
import io.jtwisted.internet.error.ReactorNotRunning;
import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.logger.Logger;
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
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The reactor built on a {@link Selector}: one thread (the one that calls {@link #run()}) runs
 * every timer, I/O handler, {@code callFromThread} call and system event trigger of this reactor.
 *
 * <p>One loop turn: wait for I/O (no longer than until the next timer; not at all when calls from
 * other threads or flushes are waiting) and call the {@link IoHandler} of each ready key; run the
 * timers that are due; run the calls queued by {@link #callFromThread}; begin the shutdown if
 * {@link #stop()} was called; then run the flushes requested with {@link #requestFlush}.
 * An exception thrown by any of these is logged with its traceback and the loop goes on.
 *
 * <p>The internal API ({@link #register}, {@link #readBuffer}, {@link #requestFlush}) is for the
 * transports of {@code io.jtwisted.internal} and must be used on the reactor thread.
 */
public class NioReactor implements Reactor {
    private static final Logger log = Logger.forClass(NioReactor.class);
    private static final int READ_BUFFER_SIZE = 64 * 1024;
    private static final int DEFAULT_POOL_SIZE = 10;
    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();
    private static final VarHandle SLEEPING;

    static {
        try {
            SLEEPING = MethodHandles.lookup().findVarHandle(NioReactor.class, "sleeping", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long nanoOrigin = System.nanoTime();
    private final double epochOrigin = System.currentTimeMillis() / 1000.0;
    private final boolean global;

    // Loop state (reactor thread, or the configuring thread before run()).
    private volatile Thread reactorThread;
    private volatile boolean stopped = true;
    private volatile boolean running;
    private boolean started;
    private boolean justStopped;
    private boolean startedBefore;
    private volatile Selector selector;
    private ByteBuffer readBuffer;
    private final Timers timers = new Timers(this::seconds);
    private final MpscQueue<ThrowingRunnable> threadCalls = new MpscQueue<>();
    private volatile boolean sleeping; // true while the loop blocks (or is about to) in select
    private ArrayList<PendingFlush> flushes = new ArrayList<>();
    private ArrayList<PendingFlush> flushesRunning = new ArrayList<>();
    private final Map<String, ThreePhaseEvent> events = new HashMap<>();
    private final Consumer<SelectionKey> keyHandler = this::handleKey;
    private final Consumer<ThrowingRunnable> threadCallRunner = this::runThreadCall;
    private boolean installSignalHandlers;
    private SignalHandling signalHandling;
    /** The "during startup" trigger: the reactor is running from here on (re-added by crash). */
    private final SystemEventTrigger reallyStartRunning = () -> {
        running = true;
        if (installSignalHandlers && signalHandling == null) {
            signalHandling = SignalHandling.install(this);
        }
        return null;
    };

    // Thread pool (guarded by this).
    private ThreadPoolExecutor threadPool;
    private int threadPoolSize = DEFAULT_POOL_SIZE;
    private Object threadPoolShutdownTrigger;

    /** A new reactor, not running. Cheap: the selector is opened when first needed. */
    public NioReactor() {
        this(false);
    }

    /** @param global whether this is the process's default reactor (which handles signals when run on the main thread) */
    public NioReactor(boolean global) {
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

    @Override
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
        try {
            selector();
            fireSystemEvent("startup");
            mainLoop();
        } finally {
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
            iterate(-1);
        }
    }

    /**
     * Runs one loop turn on the calling thread, waiting for I/O no longer than {@code delay}
     * seconds (0: not at all; negative: until the next timer or a call from another thread),
     * as Twisted's {@code reactor.iterate}. For tests and for running a reactor that was not started.
     */
    public void iterate(double delay) {
        if (reactorThread == null) {
            reactorThread = Thread.currentThread();
            try {
                turn(delay);
            } finally {
                reactorThread = null;
            }
        } else {
            turn(delay);
        }
    }

    private void turn(double delay) {
        select(delay);
        runDueTimers();
        threadCalls.drain(threadCallRunner);
        if (justStopped) {
            justStopped = false;
            fireSystemEvent("shutdown");
        }
        runFlushes();
    }

    private void select(double maxDelay) {
        Selector selector = selector();
        try {
            if (!mustNotBlock() && maxDelay != 0) {
                long timeoutMillis = timeoutMillis(maxDelay);
                if (timeoutMillis != 0) {
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
            wait = Math.min(wait, next.time - seconds());
        }
        if (wait == Double.POSITIVE_INFINITY) {
            return -1;
        }
        if (wait <= 0) {
            return 0;
        }
        return (long) Math.min(Math.ceil(wait * 1000), Long.MAX_VALUE / 2);
    }

    private void handleKey(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        try {
            ((IoHandler) key.attachment()).handleIo(key);
        } catch (Throwable error) {
            rethrowIfFatal(error);
            log.failure("Unhandled error in I/O handler {}", error, key.attachment());
        }
    }

    private void runDueTimers() {
        if (timers.isEmpty()) {
            return;
        }
        double now = seconds();
        long limit = timers.nextSequence(); // calls scheduled (or rescheduled) by these calls wait for the next turn
        DelayedCall call;
        while ((call = timers.peek()) != null && call.time <= now && call.sequence < limit) {
            timers.takeFirst();
            try {
                call.callable.run();
            } catch (Throwable error) {
                rethrowIfFatal(error);
                log.failure("Unhandled error in delayed call {}", error, call.callable);
            }
        }
    }

    private void runThreadCall(ThrowingRunnable callable) {
        try {
            callable.run();
        } catch (Throwable error) {
            rethrowIfFatal(error);
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
            try {
                flusher.flushPending();
            } catch (Throwable error) {
                rethrowIfFatal(error);
                log.failure("Unhandled error flushing {}", error, flusher);
            }
        }
        batch.clear();
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
        if (!isReactorThread()) {
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
        if (!isReactorThread()) {
            callFromThread(this::crash);
            return;
        }
        started = false;
        running = false;
        addSystemEventTrigger("during", "startup", reallyStartRunning);
    }

    /**
     * Tells the handler of every registered channel that the reactor is shutting down (a "during
     * shutdown" trigger, as Twisted's {@code disconnectAll}); an error from one is logged and the
     * others are still told.
     */
    private void disconnectAll() {
        Selector s = selector;
        if (s == null || !s.isOpen()) {
            return;
        }
        for (SelectionKey key : new ArrayList<>(s.keys())) {
            if (key.attachment() instanceof IoHandler handler) {
                try {
                    handler.disconnectForShutdown(key);
                } catch (Throwable error) {
                    rethrowIfFatal(error);
                    log.failure("Error disconnecting {} at shutdown", error, handler);
                }
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
            if (isReactorThread()) {
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
        if (isReactorThread()) {
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
                rethrowIfFatal(error);
                log.failure("Unhandled error in thread pool call {}", error, callable);
            }
        });
    }

    @Override
    public synchronized ExecutorService getThreadPool() {
        if (threadPool == null) {
            int number = POOL_NUMBER.incrementAndGet();
            AtomicInteger threadNumber = new AtomicInteger();
            threadPool = new ThreadPoolExecutor(threadPoolSize, threadPoolSize, 60, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), task -> {
                        Thread thread = new Thread(task, "jtwisted-pool-" + number + "-thread-" + threadNumber.incrementAndGet());
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

    // ------------------------------------------------------------------ internal API for transports

    /**
     * True on the thread running this reactor, and on any thread while no thread runs it (the
     * program setting things up before {@link #run()}).
     */
    public boolean isReactorThread() {
        Thread thread = reactorThread;
        return thread == null || thread == Thread.currentThread();
    }

    /**
     * Registers {@code channel} (made non-blocking if needed) with the selector; {@code handler}
     * becomes the key's attachment and is called when the channel is ready.
     */
    public SelectionKey register(SelectableChannel channel, int interestOps, IoHandler handler) throws IOException {
        if (channel.isBlocking()) {
            channel.configureBlocking(false);
        }
        return channel.register(selector(), interestOps, handler);
    }

    /**
     * The keys currently registered with this reactor's selector (listening ports, connections,
     * anything else registered), as a copy; empty before the selector exists. For trial's
     * dirty-reactor check: call it only while the loop is not running.
     */
    public Set<SelectionKey> registeredKeys() {
        Selector s = selector;
        return s == null ? Set.of() : Set.copyOf(s.keys());
    }

    /**
     * Detaches the thread pool, if one was created, and returns it (else {@code null}): the next
     * {@link #callInThread} creates a new one. The caller shuts the returned pool down. For
     * trial's janitor, which must not let a busy pool leak into the next test.
     */
    public synchronized ThreadPoolExecutor detachThreadPool() {
        ThreadPoolExecutor pool = threadPool;
        if (pool != null) {
            removeSystemEventTrigger(threadPoolShutdownTrigger);
            threadPool = null;
            threadPoolShutdownTrigger = null;
        }
        return pool;
    }

    /** The thread pool if one was created, else {@code null} (never creates one). */
    public synchronized ThreadPoolExecutor threadPoolIfCreated() {
        return threadPool;
    }

    /** The reactor's reusable direct read buffer (64 KiB); callers clear it before use. */
    public ByteBuffer readBuffer() {
        if (readBuffer == null) {
            readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_SIZE);
        }
        return readBuffer;
    }

    /** Calls {@code flusher.flushPending()} once at the end of the current loop turn. */
    public void requestFlush(PendingFlush flusher) {
        flushes.add(flusher);
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

    // ------------------------------------------------------------------ IReactorTCP (io.jtwisted.internal.tcp)

    private io.jtwisted.internal.tcp.TcpSupport tcp;

    private io.jtwisted.internal.tcp.TcpSupport tcp() {
        if (tcp == null) {
            tcp = new io.jtwisted.internal.tcp.TcpSupport(this);
        }
        return tcp;
    }

    @Override
    public io.jtwisted.internet.interfaces.IListeningPort listenTCP(int port,
            io.jtwisted.internet.interfaces.IProtocolFactory factory, int backlog, String iface) {
        return tcp().listenTCP(port, factory, backlog, iface);
    }

    @Override
    public io.jtwisted.internet.interfaces.IConnector connectTCP(String host, int port,
            io.jtwisted.internet.protocol.ClientFactory factory, double timeout, java.net.InetSocketAddress bindAddress) {
        return tcp().connectTCP(host, port, factory, timeout, bindAddress);
    }

    static void rethrowIfFatal(Throwable error) {
        if (error instanceof VirtualMachineError && !(error instanceof StackOverflowError)) {
            throw (VirtualMachineError) error;
        }
    }

    @Override
    public String toString() {
        return "<NioReactor " + (running ? "running" : "not running") + ", " + timers.size() + " delayed calls>";
    }
}
