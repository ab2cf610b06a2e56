package io.jtwisted.internet.endpoints;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.error.ConnectingCancelledError;
import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import io.jtwisted.internet.interfaces.IReactorTCP;
import io.jtwisted.internet.interfaces.IReactorThreads;
import io.jtwisted.internet.interfaces.IReactorTime;
import io.jtwisted.internet.interfaces.IStreamClientEndpoint;
import io.jtwisted.internet.protocol.BaseProtocol;
import io.jtwisted.python.failure.Failure;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Connects to a host name over IPv4 or IPv6, whichever answers first, as Twisted's
 * {@code HostnameEndpoint} ("happy eyeballs", RFC 6555): the name is resolved off the reactor
 * thread, then an attempt starts for each address in turn, {@link #attemptDelay} seconds apart
 * (at once when every running attempt has failed). The first connection wins; the other attempts
 * are stopped. If all fail, the Deferred fails with the last failure.
 *
 * @param <R> the reactor type: it must provide TCP, time and threads (the {@code Reactor} does)
 */
public class HostnameEndpoint<R extends IReactorTCP & IReactorTime & IReactorThreads> implements IStreamClientEndpoint {
    /** Seconds between the start of two attempts (Twisted's 0.3). */
    public static final double DEFAULT_ATTEMPT_DELAY = 0.3;

    private final R reactor;
    private final String host;
    private final int port;
    private final double timeout;
    private final @Nullable InetSocketAddress bindAddress;
    private final double attemptDelay;

    public HostnameEndpoint(R reactor, String host, int port) {
        this(reactor, host, port, IReactorTCP.DEFAULT_TIMEOUT, null, DEFAULT_ATTEMPT_DELAY);
    }

    public HostnameEndpoint(
            R reactor,
            String host,
            int port,
            double timeout,
            @Nullable InetSocketAddress bindAddress,
            double attemptDelay) {
        this.reactor = reactor;
        this.host = host;
        this.port = port;
        this.timeout = timeout;
        this.bindAddress = bindAddress;
        this.attemptDelay = attemptDelay;
    }

    @Override
    public Deferred<IProtocol> connect(IProtocolFactory factory) {
        Race race = new Race(factory);
        Deferred<List<InetAddress>> resolved = Resolution.isLiteral(host)
                ? Deferred.maybeDeferred(() -> List.of(InetAddress.getByName(host)))
                : Resolution.resolve(reactor, host);
        race.resolving = resolved;
        resolved.<@Nullable Object>addCallbacks(
                addresses -> {
                    race.start(addresses);
                    return null;
                },
                failure -> {
                    race.fail(failure);
                    return null;
                });
        return race.result;
    }

    /** One connect call: the attempts racing each other. */
    private final class Race {
        final IProtocolFactory factory;
        final Deferred<IProtocol> result;
        final List<Deferred<IProtocol>> running = new ArrayList<>();
        List<InetAddress> remaining = new ArrayList<>(); // filled by start()

        @Nullable
        Deferred<List<InetAddress>> resolving;

        @Nullable
        IDelayedCall next;

        boolean done;

        Race(IProtocolFactory factory) {
            this.factory = factory;
            this.result = new Deferred<>(d -> cancel());
        }

        void start(List<InetAddress> addresses) {
            if (done) {
                return;
            }
            remaining = new ArrayList<>(addresses);
            startNext();
        }

        void startNext() {
            next = null;
            if (done || remaining.isEmpty()) {
                return;
            }
            InetAddress address = remaining.remove(0);
            String literal = address instanceof Inet6Address v6
                    ? io.jtwisted.internet.address.IPv6Address.textOf(v6)
                    : address.getHostAddress();
            Deferred<IProtocol> attempt =
                    new TCP4ClientEndpoint(reactor, literal, port, timeout, bindAddress).connect(factory);
            running.add(attempt);
            attempt.<@Nullable Object>addCallbacks(
                    protocol -> {
                        running.remove(attempt);
                        won(protocol);
                        return null;
                    },
                    failure -> {
                        running.remove(attempt);
                        if (!done) {
                            lostOne(failure);
                        }
                        return null;
                    });
            if (!done && !remaining.isEmpty() && next == null) {
                next = reactor.callLater(attemptDelay, this::startNext);
            }
        }

        void won(IProtocol protocol) {
            if (done) {
                // A slower attempt connected too: drop it.
                if (protocol instanceof BaseProtocol base && base.transport() != null) {
                    base.transport().loseConnection();
                }
                return;
            }
            done = true;
            stopOthers();
            result.callback(protocol);
        }

        void lostOne(Failure failure) {
            if (done) {
                return;
            }
            if (running.isEmpty()) {
                if (remaining.isEmpty()) {
                    fail(failure);
                } else {
                    if (next != null && next.active()) {
                        next.cancel();
                    }
                    startNext();
                }
            }
        }

        void fail(Failure failure) {
            if (done) {
                return;
            }
            done = true;
            stopOthers();
            result.errback(failure);
        }

        void cancel() {
            if (done) {
                return;
            }
            done = true;
            if (resolving != null && !resolving.called()) {
                resolving.cancel();
            }
            stopOthers();
            result.errback(
                    new ConnectingCancelledError(new io.jtwisted.internet.address.IPv4Address("TCP", host, port)));
        }

        void stopOthers() {
            if (next != null && next.active()) {
                next.cancel();
            }
            next = null;
            for (Deferred<IProtocol> attempt : new ArrayList<>(running)) {
                attempt.cancel();
            }
            running.clear();
        }
    }

    @Override
    public String toString() {
        return "HostnameEndpoint(" + host + ":" + port + ")";
    }
}
