package io.jtwisted.names.client;

import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.address.IPv6Address;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IConnector;
import io.jtwisted.internet.interfaces.IReactorTCP;
import io.jtwisted.internet.interfaces.IReactorTime;
import io.jtwisted.internet.interfaces.IReactorUDP;
import io.jtwisted.internet.interfaces.IUDPTransport;
import io.jtwisted.internet.protocol.ClientFactory;
import io.jtwisted.logger.Logger;
import io.jtwisted.names.common.IResolver;
import io.jtwisted.names.common.LookupResult;
import io.jtwisted.names.dns.DNSController;
import io.jtwisted.names.dns.DNSDatagramProtocol;
import io.jtwisted.names.dns.DNSProtocol;
import io.jtwisted.names.dns.DNSQueryTimeoutError;
import io.jtwisted.names.dns.Dns;
import io.jtwisted.names.dns.Edns;
import io.jtwisted.names.dns.Message;
import io.jtwisted.names.dns.Query;
import io.jtwisted.names.error.DNSFormatError;
import io.jtwisted.names.error.DNSNameError;
import io.jtwisted.names.error.DNSNotImplementedError;
import io.jtwisted.names.error.DNSQueryRefusedError;
import io.jtwisted.names.error.DNSServerError;
import io.jtwisted.names.error.DNSUnknownError;
import io.jtwisted.names.error.DomainError;
import io.jtwisted.python.failure.Failure;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A resolver that asks name servers, as Twisted's {@code client.Resolver}: each query goes to the
 * first server with the first timeout, then to each next server, then round again with each next
 * timeout (Twisted's default {@code {1, 3, 11, 45}} seconds), until one answers; when none does,
 * the lookup fails with {@link DNSQueryTimeoutError}. An answer with an error code fails with the
 * matching error of {@code io.jtwisted.names.error} ({@link DNSNameError} for NXDOMAIN, ...),
 * carrying the response.
 *
 * <p>With a reactor that has UDP (every {@code Reactor}), each query goes in a datagram from a new
 * socket on a random port, with a random message id; the answer must match both and come from the
 * server asked. A truncated answer is asked again over TCP. A reactor without UDP (a
 * {@code MemoryReactorClock} in tests) sends every query over TCP, one connection per query.
 */
public class Resolver implements IResolver {
    /** Twisted's default timeouts: 1, 3, 11 and 45 seconds. */
    @SuppressWarnings(
            "MutablePublicArray") // Twisted's public name; the resolvers copy it, so a change reaches only later ones
    public static final double[] DEFAULT_TIMEOUT = {1, 3, 11, 45};

    /** The UDP answer size this client advertises (the size DNS Flag Day 2020 recommends). */
    public static final int EDNS_SIZE = 1232;

    private static final Logger log = Logger.forClass(Resolver.class);

    private final List<InetSocketAddress> servers;
    private final IReactorTCP tcp;
    private final IReactorTime time;
    private final @Nullable IReactorUDP udp; // null: the reactor has no UDP, queries go over TCP
    private final double[] defaultTimeout;
    private final Map<Query, List<Deferred<LookupResult>>> waiting = new HashMap<>();

    /** A resolver asking {@code servers} in order, through {@code reactor}, with the default timeouts. */
    public <R extends IReactorTCP & IReactorTime> Resolver(List<InetSocketAddress> servers, R reactor) {
        this(servers, reactor, DEFAULT_TIMEOUT);
    }

    /**
     * A resolver asking {@code servers}, retrying with each of {@code timeout} in turn.
     *
     * @throws IllegalArgumentException without servers or timeouts
     */
    public <R extends IReactorTCP & IReactorTime> Resolver(
            List<InetSocketAddress> servers, R reactor, double[] timeout) {
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("a client resolver needs at least one server");
        }
        if (timeout.length == 0) {
            throw new IllegalArgumentException("a client resolver needs at least one timeout");
        }
        this.servers = List.copyOf(servers);
        this.tcp = reactor;
        this.time = reactor;
        this.udp = reactor instanceof IReactorUDP withUdp ? withUdp : null;
        this.defaultTimeout = timeout.clone();
    }

    /**
     * A resolver asking the servers of a resolv.conf file (Twisted's {@code resolv} argument), or
     * 127.0.0.1 if it names none, as Twisted does.
     */
    public static <R extends IReactorTCP & IReactorTime> Resolver fromResolvConf(Path resolvConf, R reactor)
            throws IOException {
        List<InetSocketAddress> servers = ResolvConf.servers(resolvConf);
        return new Resolver(servers.isEmpty() ? List.of(new InetSocketAddress("127.0.0.1", 53)) : servers, reactor);
    }

    /** The servers, in the order they are asked. */
    public List<InetSocketAddress> servers() {
        return servers;
    }

    /**
     * Answers {@code query} from the servers. While a query is in flight, the same query (name,
     * type, class) asked again waits for its answer instead of going out a second time, as in
     * Twisted; every caller gets the answer or the failure.
     */
    @Override
    public Deferred<LookupResult> query(Query query, double @Nullable [] timeout) {
        List<Deferred<LookupResult>> already = waiting.get(query);
        if (already != null) {
            Deferred<LookupResult> joined = new Deferred<>();
            already.add(joined);
            return joined;
        }
        List<Deferred<LookupResult>> others = new ArrayList<>();
        waiting.put(query, others);
        double[] timeouts = timeout == null ? defaultTimeout : timeout;
        return attempt(query, timeouts, 0, 0)
                .addCallbackDeferring(Resolver::filterAnswers)
                .addCallback(result -> {
                    waiting.remove(query);
                    for (Deferred<LookupResult> other : others) {
                        other.callback(result);
                    }
                    return result;
                })
                .addErrbackDeferring(failure -> {
                    waiting.remove(query);
                    for (Deferred<LookupResult> other : others) {
                        other.errback(failure);
                    }
                    return Deferred.fail(failure);
                });
    }

    private Deferred<Message> attempt(Query query, double[] timeouts, int round, int server) {
        return send(servers.get(server), query, timeouts[round]).addErrbackDeferring(failure -> {
            Throwable error = failure.value();
            if (!(error instanceof DNSQueryTimeoutError)
                    && !(error instanceof io.jtwisted.internet.error.ConnectError)) {
                return Deferred.fail(failure);
            }
            int nextServer = server + 1;
            int nextRound = round;
            if (nextServer == servers.size()) {
                nextServer = 0;
                nextRound++;
            }
            if (nextRound == timeouts.length) {
                return Deferred.fail(new DNSQueryTimeoutError(query));
            }
            log.debug("no answer from {} for {}: {}", servers.get(server), query, error.toString());
            return attempt(query, timeouts, nextRound, nextServer);
        });
    }

    /** One attempt: over UDP and again over TCP if the answer was truncated, or over TCP alone. */
    private Deferred<Message> send(InetSocketAddress server, Query query, double timeout) {
        if (udp == null) {
            return queryTCP(server, List.of(query), timeout);
        }
        return queryUDP(server, List.of(query), timeout)
                .addCallbackDeferring(message ->
                        message.trunc() ? queryTCP(server, List.of(query), timeout) : Deferred.succeed(message));
    }

    /**
     * Sends {@code queries} to {@code server} in one datagram from a new socket on a port the system
     * picks at random (Twisted's {@code _query}), advertising EDNS with {@value #EDNS_SIZE} octets,
     * and fires with the answer that has the query's random id and comes from {@code server}; fails
     * with {@link DNSQueryTimeoutError} after {@code timeout} seconds.
     *
     * @throws IllegalStateException if the reactor has no UDP
     */
    public Deferred<Message> queryUDP(InetSocketAddress server, List<Query> queries, double timeout) {
        if (udp == null) {
            throw new IllegalStateException("the reactor has no UDP");
        }
        String host = server.getHostString();
        boolean v6 = host.indexOf(':') >= 0;
        DNSDatagramProtocol protocol = new DNSDatagramProtocol(
                (message, p, address) -> log.debug("unexpected message from {}: {}", address, message), time);
        IUDPTransport port = udp.listenUDP(0, protocol, v6 ? "::" : "", EDNS_SIZE);
        IAddress to =
                v6 ? new IPv6Address("UDP", host, server.getPort()) : new IPv4Address("UDP", host, server.getPort());
        return protocol.query(to, queries, timeout, Edns.ofSize(EDNS_SIZE))
                .addCallback(message -> {
                    port.stopListening();
                    return message;
                })
                .addErrbackDeferring(failure -> {
                    port.stopListening();
                    return Deferred.fail(failure);
                });
    }

    /**
     * Sends {@code queries} to {@code server} over a new TCP connection (Twisted's
     * {@code queryTCP}) and fires with its response; fails with {@link DNSQueryTimeoutError} after
     * {@code timeout} seconds, or with the connection error.
     */
    public Deferred<Message> queryTCP(InetSocketAddress server, List<Query> queries, double timeout) {
        Deferred<Message> result = new Deferred<>();
        DNSController ignoring =
                (message, protocol, address) -> log.debug("unexpected message from {}: {}", server, message);
        ClientFactory factory = new ClientFactory() {
            @Override
            public io.jtwisted.internet.interfaces.IProtocol buildProtocol(IAddress address) {
                return new DNSProtocol(ignoring, time) {
                    @Override
                    public void connectionMade() {
                        super.connectionMade();
                        query(queries, timeout)
                                .<@Nullable Void>addCallbacks(
                                        message -> {
                                            transport.loseConnection();
                                            if (!result.called()) {
                                                result.callback(message);
                                            }
                                            return null;
                                        },
                                        f -> {
                                            transport.loseConnection();
                                            if (!result.called()) {
                                                result.errback(f);
                                            }
                                            return null;
                                        });
                    }
                };
            }

            @Override
            public void clientConnectionFailed(IConnector connector, Failure reason) {
                if (!result.called()) {
                    result.errback(reason);
                }
            }
        };
        tcp.connectTCP(server.getHostString(), server.getPort(), factory, timeout);
        return result;
    }

    /**
     * The records of a response, or the error its response code stands for (Twisted's
     * {@code filterAnswers}).
     */
    static Deferred<LookupResult> filterAnswers(Message message) {
        String name = message.queries().isEmpty()
                ? ""
                : message.queries().get(0).name().toString();
        DomainError error = switch (message.rCode()) {
            case Dns.OK -> null;
            case Dns.EFORMAT -> new DNSFormatError(name, message);
            case Dns.ESERVER -> new DNSServerError(name, message);
            case Dns.ENAME -> new DNSNameError(name, message);
            case Dns.ENOTIMP -> new DNSNotImplementedError(name, message);
            case Dns.EREFUSED -> new DNSQueryRefusedError(name, message);
            default -> new DNSUnknownError(name, message);
        };
        if (error != null) {
            return Deferred.fail(error);
        }
        return Deferred.succeed(new LookupResult(message.answers(), message.authority(), message.additional()));
    }
}
