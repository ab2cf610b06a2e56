package io.jtwisted.internet.group;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import io.jtwisted.internet.interfaces.IReactorCore;
import io.jtwisted.internet.interfaces.IReactorTCP.ListenOptions;
import io.jtwisted.logger.Logger;
import io.jtwisted.python.failure.Failure;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * The port of a {@link ReactorGroup#listenTCP} with {@link Spread#HAND_OFF}: one listening socket on the
 * group's first reactor, whose factory (the {@link Acceptor}) hands each accepted connection to the reactors
 * in turn. Reactor i's factory is started on reactor i before any connection reaches it (its start is queued
 * there before the first hand-off), and stopped there after the socket closed, or, when the group stops,
 * after reactor i's connections were lost.
 *
 * <p>A connection handed to a reactor that stops before it takes it is closed, never leaked: it waits in
 * {@link #pending} until the reactor adopts it, and both the reactor's shutdown and a hand-off made once
 * the group is stopping close what is waiting.
 */
final class HandOffPort implements IListeningPort {
    private static final Logger log = Logger.forClass(HandOffPort.class);

    private final ReactorGroup group;
    private final IProtocolFactory[] targets; // index i: reactor i's
    private final AtomicBoolean[] started;
    private final List<Set<SocketChannel>> pending; // index i: handed to reactor i, not yet adopted there
    private final @Nullable Object[] shutdownTriggers; // index i: used on reactor i's thread only
    private final Acceptor acceptor = new Acceptor();
    private volatile boolean stoppingByPort;
    private int next; // reactor 0's thread only
    private @Nullable IListeningPort socket;

    private HandOffPort(ReactorGroup group, IProtocolFactory[] targets) {
        this.group = group;
        this.targets = targets.clone();
        int n = targets.length;
        started = new AtomicBoolean[n];
        shutdownTriggers = new Object[n];
        pending = IntStream.range(0, n)
                .<Set<SocketChannel>>mapToObj(i -> ConcurrentHashMap.newKeySet())
                .toList();
        for (int i = 0; i < n; i++) {
            started[i] = new AtomicBoolean();
        }
    }

    /** Listens on the group's first reactor; the others get their connections from it. Not on a reactor's thread. */
    static HandOffPort listen(ReactorGroup group, int port, IProtocolFactory[] targets, ListenOptions options) {
        HandOffPort handOff = new HandOffPort(group, targets);
        handOff.socket = group.onReactor(0, () -> group.reactor(0).listenTCP(port, handOff.acceptor, options));
        handOff.awaitStarts();
        return handOff;
    }

    /**
     * Returns once every reactor has run its factory's start, which the acceptor queued there as it began to
     * listen: a call queued on each reactor now runs after it.
     */
    private void awaitStarts() {
        for (int i = 1; i < targets.length; i++) {
            group.onReactor(i, () -> null);
        }
    }

    private IListeningPort socket() {
        IListeningPort listening = socket;
        if (listening == null) {
            throw new IllegalStateException("the group's acceptor is not listening yet");
        }
        return listening;
    }

    /** On reactor i's thread: starts its factory and arranges for its stop when reactor i stops. */
    private void startTarget(int i) {
        if (started[i].compareAndSet(false, true)) {
            shutdownTriggers[i] = group.reactor(i)
                    .addSystemEventTrigger(
                            IReactorCore.Phase.AFTER, IReactorCore.SHUTDOWN, () -> logged(i, stopTarget(i, false)));
            targets[i].doStart();
        }
    }

    /** On reactor i's thread: closes what still waits for it and stops its factory, once; returns what that raised. */
    private @Nullable Throwable stopTarget(int i, boolean removeTrigger) {
        closePending(i);
        if (!started[i].compareAndSet(true, false)) {
            return null;
        }
        Object trigger = shutdownTriggers[i];
        shutdownTriggers[i] = null;
        if (removeTrigger && trigger != null) {
            group.reactor(i).removeSystemEventTrigger(trigger);
        }
        try {
            targets[i].doStop();
            return null;
        } catch (Throwable e) {
            Failure.rethrowIfFatal(e);
            return e;
        }
    }

    private void logged(int i, @Nullable Throwable stopError) {
        if (stopError != null) {
            log.failure("Unhandled error stopping factory {} of reactor {}", stopError, targets[i], i);
        }
    }

    private void closePending(int i) {
        for (SocketChannel waiting : pending.get(i)) {
            if (pending.get(i).remove(waiting)) {
                closeQuietly(waiting);
            }
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // a connection nobody will run: nothing more to do with it
        }
    }

    /**
     * Closes the socket, then stops every reactor's factory on its reactor; see {@link GroupPort#stopListening()}
     * for when the Deferred fires and how the caller's thread matters.
     */
    @Override
    public Deferred<@Nullable Void> stopListening() {
        stoppingByPort = true;
        List<Integer> all = IntStream.range(0, targets.length).boxed().toList();
        return GroupPort.stopAll(group, List.of(socket()), List.of(0))
                .addCallbackDeferring(closed -> GroupPort.onEach(group, all, i -> {
                    Throwable error = stopTarget(i, true);
                    return error == null
                            ? Deferred.<@Nullable Void>succeed(null)
                            : Deferred.<@Nullable Void>fail(new Failure(error));
                }));
    }

    /**
     * Listens again on the first reactor (after {@link #stopListening()}), and returns once every reactor's
     * factory started again. Not on a reactor of the group while it runs.
     */
    @Override
    public void startListening() {
        stoppingByPort = false;
        IListeningPort listening = socket();
        group.onReactor(0, () -> {
            listening.startListening();
            return null;
        });
        awaitStarts();
    }

    /** The listening socket's factory, which hands connections off (for tests). */
    ConnectionHandOff acceptor() {
        return acceptor;
    }

    @Override
    public IAddress getHost() {
        return socket().getHost();
    }

    @Override
    public String toString() {
        return "<group port on " + getHost() + ", handing off to " + targets.length + " reactors>";
    }

    /** The factory of the listening socket: it builds no protocol, it hands the connection on. */
    private final class Acceptor implements ConnectionHandOff {
        /** On reactor 0, once the socket listens: each reactor's start is queued before any hand-off to it. */
        @Override
        public void doStart() {
            for (int i = 0; i < targets.length; i++) {
                int index = i;
                Reactor target = group.reactor(i);
                Runnable start = () -> {
                    try {
                        startTarget(index);
                    } catch (Throwable e) {
                        Failure.rethrowIfFatal(e);
                        log.failure("Unhandled error starting factory {} of reactor {}", e, targets[index], index);
                    }
                };
                if (target.isInIOThread()) {
                    start.run();
                } else {
                    target.callFromThread(start::run);
                }
            }
        }

        /** On reactor 0, once the socket closed: unless the port's own stop does it, each reactor stops its factory. */
        @Override
        public void doStop() {
            if (stoppingByPort) {
                return;
            }
            for (int i = 1; i < targets.length; i++) {
                int index = i;
                group.reactor(i).callFromThread(() -> logged(index, stopTarget(index, true)));
            }
            logged(0, stopTarget(0, true));
        }

        /** On reactor 0: the next reactor in turn runs {@code accepted}. */
        @Override
        public void handOff(SocketChannel accepted) {
            int i = next;
            next = (next + 1) % targets.length;
            if (i == 0) {
                group.reactor(0).adoptStreamConnection(accepted, targets[0]);
                return;
            }
            Set<SocketChannel> waiting = pending.get(i);
            waiting.add(accepted);
            if (group.stopping()) {
                // reactor i may have shut down already, and would never take it
                if (waiting.remove(accepted)) {
                    closeQuietly(accepted);
                }
                return;
            }
            Reactor target = group.reactor(i);
            target.callFromThread(() -> {
                if (waiting.remove(accepted)) {
                    target.adoptStreamConnection(accepted, targets[i]);
                }
            });
        }

        @Override
        public @Nullable IProtocol buildProtocol(IAddress address) {
            throw new UnsupportedOperationException(
                    "the acceptor of a group hands connections off; it builds no protocol");
        }

        @Override
        public String toString() {
            return "group acceptor for " + targets[0];
        }
    }
}
