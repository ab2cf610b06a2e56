package io.jtwisted.internet.group;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.address.IPv6Address;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.python.failure.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * The port of a {@link ReactorGroup#listenTCP}: one listening socket per reactor, all on one address.
 * {@link #stopListening()} stops every one of them, each on its own reactor's thread.
 */
final class GroupPort implements IListeningPort {
    private final ReactorGroup group;
    private final List<IListeningPort> ports; // index i: reactor i's

    GroupPort(ReactorGroup group, List<IListeningPort> ports) {
        this.group = group;
        this.ports = ports;
    }

    static int portNumber(IListeningPort port) {
        IAddress host = port.getHost();
        if (host instanceof IPv4Address v4) {
            return v4.port();
        }
        return ((IPv6Address) host).port();
    }

    /** Starts every reactor's socket listening again (each on its reactor's thread, waiting for each). */
    @Override
    public void startListening() {
        for (int i = 0; i < ports.size(); i++) {
            IListeningPort port = ports.get(i);
            group.onReactor(i, () -> {
                port.startListening();
                return null;
            });
        }
    }

    /**
     * Stops every reactor's socket; each factory's {@code doStop} runs on its reactor. From a thread that is
     * no reactor of the group, waits until all have stopped and returns a Deferred that has fired; on a
     * reactor of the group, returns at once a Deferred that fires on that reactor's thread once all have
     * stopped. It fails with the first error a socket's stop reported ({@code stopFactory} raising).
     */
    @Override
    public Deferred<@Nullable Void> stopListening() {
        return stopAll(group, ports, IntStream.range(0, ports.size()).boxed().toList());
    }

    /** Stops {@code toStop} (which belong to the reactors {@code where}); see {@link #stopListening()}. */
    static Deferred<@Nullable Void> stopAll(ReactorGroup group, List<IListeningPort> toStop, List<Integer> where) {
        return onEach(group, where, k -> toStop.get(k).stopListening());
    }

    /**
     * Runs {@code work.apply(k)} on reactor {@code where.get(k)}, for every k at once, each on its reactor's
     * thread, and says when every Deferred it returned has fired, as {@link #stopListening()} does: from a
     * thread that is no reactor of the group, by waiting and returning a fired Deferred; on a reactor of the
     * group, by a Deferred fired on that reactor's thread. It fails with the first failure of any of them.
     */
    @SuppressWarnings("FutureReturnValueIgnored") // the dependent stages only complete or fire what this returns
    static Deferred<@Nullable Void> onEach(
            ReactorGroup group, List<Integer> where, IntFunction<Deferred<@Nullable Void>> work) {
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (int k = 0; k < where.size(); k++) {
            int index = k;
            CompletableFuture<Void> stopped = new CompletableFuture<>();
            group.submit(
                            where.get(k),
                            () -> work.apply(index).<@Nullable Object>addBoth(result -> {
                                if (result instanceof Failure failure) {
                                    stopped.completeExceptionally(failure.value());
                                } else {
                                    stopped.complete(null);
                                }
                                return null;
                            }))
                    .whenComplete((ignored, error) -> {
                        if (error != null) {
                            stopped.completeExceptionally(error);
                        }
                    });
            stops.add(stopped);
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new));
        Reactor here = group.current();
        if (here == null) {
            Throwable error = null;
            for (int k = 0; k < stops.size(); k++) {
                try {
                    group.await(where.get(k), stops.get(k));
                } catch (RuntimeException | Error e) {
                    error = error == null ? e : error;
                }
            }
            return error == null ? Deferred.succeed(null) : Deferred.fail(new Failure(error));
        }
        Deferred<@Nullable Void> done = new Deferred<>();
        all.whenComplete((ignored, error) -> here.callFromThread(() -> {
            if (error == null) {
                done.callback(null);
            } else {
                done.errback(new Failure(
                        error instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                                ? c.getCause()
                                : error));
            }
        }));
        return done;
    }

    /** The address every reactor's socket is bound to. */
    @Override
    public IAddress getHost() {
        return ports.get(0).getHost();
    }

    /** The socket of reactor {@code index}. */
    IListeningPort port(int index) {
        return ports.get(index);
    }

    @Override
    public String toString() {
        return "<group port on " + getHost() + ", " + ports.size() + " reactors>";
    }
}
