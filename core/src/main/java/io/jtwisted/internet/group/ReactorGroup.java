package io.jtwisted.internet.group;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.error.ReactorNotRunning;
import io.jtwisted.internet.interfaces.IClientFactory;
import io.jtwisted.internet.interfaces.IConnector;
import io.jtwisted.internet.interfaces.IFileDescriptor;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import io.jtwisted.internet.interfaces.IReactorCore;
import io.jtwisted.internet.interfaces.IReactorTCP;
import io.jtwisted.logger.Logger;
import io.jtwisted.python.failure.Failure;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Several reactors, one per core by default, each run by its own thread: a program written for one
 * reactor (Protocols, Factories, Deferreds, no locks) uses every core by being started on a group.
 *
 * <pre>{@code
 * ReactorGroup group = ReactorGroup.create();               // one reactor per available processor
 * group.listenTCP(8000, GroupFactory.perReactor(() -> Factory.forProtocol(Echo::new)));
 * group.run();                                               // until SIGINT/SIGTERM or group.stop()
 * }</pre>
 *
 * <h2>Connections</h2>
 * {@link #listenTCP} spreads the connections of a port over the reactors as the group's {@link Spread}
 * says: by default ({@link Spread#REUSE_PORT}) it listens on every reactor of the group, one socket per
 * reactor bound to the same address and port with {@code SO_REUSEPORT}, and the kernel spreads incoming
 * connections across the sockets; with {@link Spread#HAND_OFF} the first reactor listens alone and hands
 * each accepted connection to the reactors in turn. Either way each connection lives on one reactor all
 * its life, and every callback of its protocol runs on that reactor's thread. {@link #connectTCP} places an outgoing connection on the
 * least-loaded reactor, or on the one given. What the factories share is said by {@link GroupFactory}.
 *
 * <h2>Threads</h2>
 * Each reactor keeps the thread rule of a single reactor: its transports, ports and delayed calls are
 * used on its thread only, and calling them from another (another reactor's included) fails with {@code
 * WrongThreadError}. A protocol finds its own reactor with {@link Reactor#of Reactor.of(transport)}, never
 * through the global {@code Reactor.reactor}, which is not a member (except in {@link #around}). To work
 * on another reactor, hand it the work: {@code group.reactor(1).callFromThread(() -> ...)}.
 *
 * <p>The group's own methods ({@link #listenTCP}, {@link #connectTCP}, {@link #stop}, the port's {@code
 * stopListening}) may be called from any thread that is not one of the group's reactors: before the group
 * runs they act at once, and while it runs they pass the work to each reactor and wait for it. Called on
 * a reactor of the group, they do not wait (a reactor that waited for another could wait forever): {@code
 * connectTCP} connects on the calling reactor, the port's {@code stopListening} returns a Deferred fired on
 * the calling reactor, and {@code listenTCP} is refused.
 *
 * <h2>Stopping</h2>
 * {@link #stop()} stops every reactor at once, in parallel, and returns when all have finished: each
 * closes its ports (whose factories get {@code stopFactory}) and its connections (whose protocols get
 * {@code connectionLost}), as one reactor does when it stops. A reactor of the group that stops by itself
 * stops the others too. {@link #run()} stops the group on SIGINT and SIGTERM.
 */
public final class ReactorGroup implements IReactorTCP {
    private static final Logger log = Logger.forClass(ReactorGroup.class);
    /** How long the first reactor waits, as it stops, for the others to finish theirs. */
    static final long STOP_WAIT_SECONDS = 30;

    private enum State {
        NEW,
        RUNNING,
        STOPPED
    }

    private final List<Reactor> reactors;
    private final boolean firstRunByCaller;
    private final Spread spread;
    private final AtomicReferenceArray<Thread> threads;
    private final CountDownLatch[] running;
    private final CountDownLatch[] ended;
    private final AtomicBoolean[] stopRequested;
    private final AtomicInteger tieBreak = new AtomicInteger();
    private final Object lock = new Object();
    private State state = State.NEW; // guarded by lock
    private boolean launched; // guarded by lock: whether any reactor was started, so that stop() may wait for it

    private ReactorGroup(List<Reactor> reactors, boolean firstRunByCaller, Spread spread) {
        this.reactors = List.copyOf(reactors);
        this.firstRunByCaller = firstRunByCaller;
        this.spread = spread;
        int n = reactors.size();
        threads = new AtomicReferenceArray<>(n);
        running = new CountDownLatch[n];
        ended = new CountDownLatch[n];
        stopRequested = new AtomicBoolean[n];
        for (int i = 0; i < n; i++) {
            running[i] = new CountDownLatch(1);
            ended[i] = new CountDownLatch(1);
            stopRequested[i] = new AtomicBoolean();
            watch(i);
        }
    }

    /** A group of one new reactor per available processor ({@link Runtime#availableProcessors()}). */
    public static ReactorGroup create() {
        return create(Runtime.getRuntime().availableProcessors());
    }

    /** A group of {@code size} new reactors, none of them running yet, spreading by {@link Spread#REUSE_PORT}. */
    public static ReactorGroup create(int size) {
        return create(size, Spread.REUSE_PORT);
    }

    /** A group of {@code size} new reactors, none of them running yet, whose ports spread connections by {@code spread}. */
    public static ReactorGroup create(int size, Spread spread) {
        if (size < 1) {
            throw new IllegalArgumentException("a group needs at least one reactor, not " + size);
        }
        List<Reactor> made = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            made.add(Reactor.create());
        }
        return new ReactorGroup(made, false, spread);
    }

    /**
     * A group of {@code size} reactors whose first is {@code first}, which the caller runs itself (as
     * {@code twistd} runs the global reactor on the main thread, with its signal handlers); {@link #start()}
     * starts the others. When {@code first} stops, it stops the others and waits for them before its loop
     * ends, so that returning from {@code first.run()} means the whole group has stopped.
     */
    public static ReactorGroup around(Reactor first, int size) {
        return around(first, size, Spread.REUSE_PORT);
    }

    /** As {@link #around(Reactor, int)}, with ports that spread connections by {@code spread}. */
    public static ReactorGroup around(Reactor first, int size, Spread spread) {
        if (size < 1) {
            throw new IllegalArgumentException("a group needs at least one reactor, not " + size);
        }
        List<Reactor> made = new ArrayList<>(size);
        made.add(first);
        for (int i = 1; i < size; i++) {
            made.add(Reactor.create());
        }
        return new ReactorGroup(made, true, spread);
    }

    /** Each reactor tells the group when it runs and when it stops. */
    private void watch(int index) {
        Reactor reactor = reactors.get(index);
        reactor.callWhenRunning(() -> {
            threads.set(index, Thread.currentThread());
            running[index].countDown();
        });
        if (index == 0) {
            // The first reactor finishes its own shutdown, then waits for the others: whoever waits for
            // its run() to return (twistd, run()) sees the whole group stopped. The others never wait
            // for it, so nothing waits in a circle.
            reactor.addSystemEventTrigger(IReactorCore.Phase.AFTER, IReactorCore.SHUTDOWN, () -> {
                requestStop();
                awaitOthers();
                if (firstRunByCaller) {
                    ended[0].countDown();
                }
            });
        } else {
            reactor.addSystemEventTrigger(IReactorCore.Phase.BEFORE, IReactorCore.SHUTDOWN, this::requestStop);
        }
    }

    // ------------------------------------------------------------------ members

    /** How many reactors the group has. */
    public int size() {
        return reactors.size();
    }

    /** How this group's ports spread connections over its reactors. */
    public Spread spread() {
        return spread;
    }

    /** The reactor at {@code index} (0 to {@code size() - 1}). */
    public Reactor reactor(int index) {
        return reactors.get(index);
    }

    /** Every reactor of the group, in order. */
    public List<Reactor> reactors() {
        return reactors;
    }

    /** The reactor of the group whose thread is calling, or {@code null} when the caller is no reactor of it. */
    public @Nullable Reactor current() {
        int index = currentIndex();
        return index < 0 ? null : reactors.get(index);
    }

    private int currentIndex() {
        Thread me = Thread.currentThread();
        for (int i = 0; i < threads.length(); i++) {
            if (threads.get(i) == me) {
                return i;
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------ running and stopping

    /**
     * Starts every reactor on a thread of its own (named {@code jtwisted-reactor-N}; not daemons, so the
     * JVM stays up while the group runs) and returns once each is running. In a group made by {@link
     * #around}, the first reactor is left for the caller to run. Installs no signal handler: see {@link
     * #run()}.
     *
     * @throws IllegalStateException if the group was started before
     */
    public void start() {
        launch(firstRunByCaller);
    }

    /**
     * Runs the group until it stops: the first reactor on the calling thread, the others on threads of
     * their own. On the main thread, SIGINT and SIGTERM stop the group cleanly, as they stop one reactor.
     * Returns once every reactor has stopped.
     *
     * @throws IllegalStateException if the group was started before, or was made by {@link #around}
     */
    public void run() {
        run("main".equals(Thread.currentThread().getName()));
    }

    /**
     * Runs the group as {@link #run()} does, installing the SIGINT and SIGTERM handlers that stop it when
     * {@code installSignalHandlers} is true (whatever the calling thread), as {@code Reactor.run(boolean)}.
     *
     * @throws IllegalStateException if the group was started before, or was made by {@link #around}
     */
    public void run(boolean installSignalHandlers) {
        if (firstRunByCaller) {
            throw new IllegalStateException(
                    "the first reactor of this group is run by whoever made it: call start() and run it");
        }
        launch(true);
        try {
            reactors.get(0).run(installSignalHandlers);
        } finally {
            ended[0].countDown();
        }
        awaitAll();
    }

    private void launch(boolean skipFirst) {
        synchronized (lock) {
            if (state != State.NEW) {
                throw new IllegalStateException("this group was started before");
            }
            state = State.RUNNING;
            launched = true;
        }
        for (int i = skipFirst ? 1 : 0; i < reactors.size(); i++) {
            int index = i;
            Thread thread = new Thread(() -> runMember(index), "jtwisted-reactor-" + index);
            thread.start();
        }
        for (int i = skipFirst ? 1 : 0; i < reactors.size(); i++) {
            awaitUninterruptibly(running[i]);
        }
    }

    private void runMember(int index) {
        try {
            reactors.get(index).run(false);
        } catch (Throwable e) {
            Failure.rethrowIfFatal(e);
            log.failure("Reactor {} of the group ended with an error", e, index);
            requestStop();
        } finally {
            ended[index].countDown();
        }
    }

    /**
     * Stops every reactor, in parallel, and returns once all have stopped (their ports closed, their
     * factories stopped, their connections lost). Called on a reactor of the group, it asks them to stop
     * and returns at once. A group that never started is just marked stopped; stopping twice is harmless.
     */
    public void stop() {
        synchronized (lock) {
            state = State.STOPPED;
            if (!launched) {
                return; // nothing runs, so nothing to wait for (a second stop() must not wait forever either)
            }
        }
        requestStop();
        if (currentIndex() < 0) {
            awaitAll();
        }
    }

    /**
     * Waits until every reactor of the group has stopped (after {@link #stop()}, or after one of them
     * stopped by itself), at most {@code timeout}.
     *
     * @return true if every reactor stopped, false if the time ran out
     */
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        for (CountDownLatch latch : ended) {
            if (!awaitUntil(latch, deadline)) {
                return false;
            }
        }
        return true;
    }

    /** True once {@link #stop()} was called or a reactor of the group began to stop. */
    public boolean stopping() {
        synchronized (lock) {
            return state == State.STOPPED;
        }
    }

    /** Asks each reactor, once, to stop; returns at once. */
    private void requestStop() {
        synchronized (lock) {
            state = State.STOPPED;
        }
        for (int i = 0; i < reactors.size(); i++) {
            if (stopRequested[i].compareAndSet(false, true)) {
                Reactor reactor = reactors.get(i);
                reactor.callFromThread(() -> {
                    try {
                        reactor.stop();
                    } catch (ReactorNotRunning alreadyStopping) {
                        // it is the one whose stop brought us here, or it stopped by itself meanwhile
                    }
                });
            }
        }
    }

    private void awaitOthers() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_WAIT_SECONDS);
        for (int i = 1; i < reactors.size(); i++) {
            if (!awaitUntil(ended[i], deadline)) {
                log.warn("Reactor {} of the group did not stop within {} seconds", i, STOP_WAIT_SECONDS);
            }
        }
    }

    private void awaitAll() {
        for (CountDownLatch latch : ended) {
            awaitUninterruptibly(latch);
        }
    }

    private static boolean awaitUntil(CountDownLatch latch, long deadline) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return latch.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        awaitUntil(latch, Long.MAX_VALUE);
    }

    // ------------------------------------------------------------------ TCP

    /**
     * Listens on {@code port} of {@code iface} on the group (see {@link #listenTCP(int, IProtocolFactory,
     * ListenOptions)}).
     */
    @Override
    public IListeningPort listenTCP(int port, IProtocolFactory factory, int backlog, String iface) {
        return listenTCP(port, factory, new ListenOptions(backlog, iface, spread == Spread.REUSE_PORT));
    }

    /**
     * Listens on the group, spreading connections as {@link #spread()} says. With {@link Spread#REUSE_PORT}:
     * one socket per reactor, all bound to the same address and port with {@code SO_REUSEPORT} (whatever
     * {@code options.reusePort()} says), so that the kernel spreads the connections; port 0 picks one free
     * port for all of them; if any reactor cannot listen, those that could stop again and the error is
     * thrown. With {@link Spread#HAND_OFF}: one socket, on the first reactor, with {@code options} as given,
     * handing each connection it accepts to the reactors in turn; each reactor's factory is started and
     * stopped on that reactor.
     *
     * @param factory a {@link GroupFactory}: {@link GroupFactory#perReactor per reactor} or {@link
     *     GroupFactory#shared shared}
     * @return the group's port: {@code getHost()} is the address they share, and {@code stopListening()}
     *     stops every reactor's socket
     * @throws IllegalArgumentException if {@code factory} is not a {@link GroupFactory}
     * @throws IllegalStateException if called on a reactor of the group, or once the group stopped
     * @throws io.jtwisted.internet.error.CannotListenError if a reactor cannot listen
     */
    @Override
    public IListeningPort listenTCP(int port, IProtocolFactory factory, ListenOptions options) {
        if (!(factory instanceof GroupFactory source)) {
            throw new IllegalArgumentException(
                    "a group needs to know whether " + factory + " is shared by its reactors:"
                            + " give GroupFactory.perReactor(() -> new MyFactory()) (one per reactor) or GroupFactory.shared(f)"
                            + " (one thread-safe factory for all)");
        }
        checkUsable("listenTCP");
        if (currentIndex() >= 0) {
            throw new IllegalStateException(
                    "listenTCP on a group cannot be called on one of its reactors (it would wait"
                            + " for the others); call it before the group runs, or from another thread");
        }
        int n = reactors.size();
        IProtocolFactory[] factories = new IProtocolFactory[n];
        IProtocolFactory shared = source.sharedFactory();
        if (shared != null) {
            AtomicInteger live = new AtomicInteger();
            for (int i = 0; i < n; i++) {
                factories[i] = new SharedFactoryView(shared, live);
            }
            shared.doStart(); // before any reactor can call buildProtocol
        } else {
            for (int i = 0; i < n; i++) {
                factories[i] = source.makeOne();
            }
        }
        if (spread == Spread.HAND_OFF) {
            try {
                return HandOffPort.listen(this, port, factories, options);
            } catch (RuntimeException e) {
                if (shared != null) {
                    SharedFactoryView.stopShared(shared); // nothing listened, so no reactor's factory started
                }
                throw e;
            }
        }
        ListenOptions everyReactor = options.withReusePort(true);
        IListeningPort[] ports = new IListeningPort[n];
        try {
            ports[0] = onReactor(0, () -> reactors.get(0).listenTCP(port, factories[0], everyReactor));
            int chosen = GroupPort.portNumber(ports[0]);
            List<CompletableFuture<IListeningPort>> others = new ArrayList<>();
            for (int i = 1; i < n; i++) {
                int index = i;
                others.add(submit(index, () -> reactors.get(index).listenTCP(chosen, factories[index], everyReactor)));
            }
            RuntimeException firstError = null;
            for (int i = 1; i < n; i++) {
                try {
                    ports[i] = await(i, others.get(i - 1));
                } catch (RuntimeException e) {
                    firstError = firstError == null ? e : firstError;
                }
            }
            if (firstError != null) {
                throw firstError;
            }
        } catch (RuntimeException e) {
            undo(ports, shared);
            throw e;
        }
        return new GroupPort(this, List.of(ports));
    }

    /** Stops the ports of a listen that failed on some reactor; stops the shared factory if no port started. */
    private void undo(IListeningPort[] ports, @Nullable IProtocolFactory shared) {
        boolean any = false;
        for (IListeningPort started : ports) {
            any |= started != null;
        }
        if (any) {
            List<IListeningPort> opened = new ArrayList<>();
            List<Integer> where = new ArrayList<>();
            for (int i = 0; i < ports.length; i++) {
                if (ports[i] != null) {
                    opened.add(ports[i]);
                    where.add(i);
                }
            }
            GroupPort.stopAll(this, opened, where);
        } else if (shared != null) {
            SharedFactoryView.stopShared(shared);
        }
    }

    /**
     * Connects on the least-loaded reactor ({@link #loads()}; ties go round), or, called on a reactor of
     * the group, on that reactor. The connector belongs to that reactor: use it on its thread.
     */
    @Override
    public IConnector connectTCP(
            String host, int port, IClientFactory factory, double timeout, @Nullable InetSocketAddress bindAddress) {
        int here = currentIndex();
        return connectTCP(here >= 0 ? here : leastLoaded(), host, port, factory, timeout, bindAddress);
    }

    /**
     * Connects on the reactor at {@code reactorIndex}; the factory's callbacks and the connection's run on
     * its thread.
     *
     * @throws IllegalStateException if called on another reactor of the group while the group runs, or
     *     once the group stopped
     */
    public IConnector connectTCP(
            int reactorIndex,
            String host,
            int port,
            IClientFactory factory,
            double timeout,
            @Nullable InetSocketAddress bindAddress) {
        checkUsable("connectTCP");
        Reactor on = reactors.get(reactorIndex);
        return onReactor(reactorIndex, () -> on.connectTCP(host, port, factory, timeout, bindAddress));
    }

    /** The index of the reactor with the fewest open channels (ties go round, so that idle reactors share). */
    public int leastLoaded() {
        int[] loads = loads();
        int n = loads.length;
        int start = Math.floorMod(tieBreak.getAndIncrement(), n);
        int best = start;
        for (int k = 1; k < n; k++) {
            int i = (start + k) % n;
            if (loads[i] < loads[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * How loaded each reactor is: the channels it watches (listening sockets, connections, connection
     * attempts), asked of each reactor on its own thread.
     *
     * @throws IllegalStateException if called on a reactor of the group while the group runs
     */
    public int[] loads() {
        int n = reactors.size();
        int[] loads = new int[n];
        for (int i = 0; i < n; i++) {
            Reactor reactor = reactors.get(i);
            loads[i] = onReactor(i, () -> {
                Set<IFileDescriptor> watched = new HashSet<>(reactor.getReaders());
                watched.addAll(reactor.getWriters());
                return watched.size();
            });
        }
        return loads;
    }

    private void checkUsable(String what) {
        synchronized (lock) {
            if (state == State.STOPPED) {
                throw new IllegalStateException(what + " on a group that has stopped");
            }
        }
    }

    // ------------------------------------------------------------------ handing work to a reactor

    /**
     * Runs {@code work} on reactor {@code index} and returns its result: at once when the caller may use
     * that reactor (its thread, or it is not running); else on its thread, waiting for it.
     */
    <T> T onReactor(int index, Supplier<T> work) {
        if (reactors.get(index).isInIOThread()) {
            return work.get();
        }
        if (currentIndex() >= 0) {
            throw new IllegalStateException(
                    "reactor " + currentIndex() + " of the group would have to wait for reactor " + index
                            + "; hand the work over instead: group.reactor(" + index + ").callFromThread(...)");
        }
        return await(index, submit(index, work));
    }

    /** Starts {@code work} on reactor {@code index} (at once if the caller may use it) without waiting. */
    <T> CompletableFuture<T> submit(int index, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Reactor reactor = reactors.get(index);
        if (reactor.isInIOThread()) {
            complete(result, work);
        } else {
            reactor.callFromThread(() -> complete(result, work));
        }
        return result;
    }

    private static <T> void complete(CompletableFuture<T> result, Supplier<T> work) {
        try {
            result.complete(work.get());
        } catch (Throwable e) {
            Failure.rethrowIfFatal(e);
            result.completeExceptionally(e);
        }
    }

    /** The outcome of {@code future}, which reactor {@code index} completes; fails if that reactor ends first. */
    <T> T await(int index, CompletableFuture<T> future) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get(100, TimeUnit.MILLISECONDS);
                } catch (TimeoutException notYet) {
                    if (ended[index].getCount() == 0 && !future.isDone()) {
                        throw new IllegalStateException(
                                "reactor " + index + " of the group stopped before doing what was asked");
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (cause instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether reactor {@code index} has ended its loop. */
    boolean ended(int index) {
        return ended[index].getCount() == 0;
    }

    @Override
    public String toString() {
        return "<ReactorGroup of " + reactors.size() + " reactors" + (stopping() ? ", stopped" : "") + ">";
    }
}
