package io.jtwisted.names.client;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IConnector;
import io.jtwisted.internet.interfaces.IReactorTCP;
import io.jtwisted.internet.interfaces.IReactorTime;
import io.jtwisted.internet.protocol.ClientFactory;
import io.jtwisted.logger.Logger;
import io.jtwisted.names.common.IResolver;
import io.jtwisted.names.common.LookupResult;
import io.jtwisted.names.dns.DNSController;
import io.jtwisted.names.dns.DNSProtocol;
import io.jtwisted.names.dns.Dns;
import io.jtwisted.names.dns.Message;
import io.jtwisted.names.dns.Query;
import io.jtwisted.names.error.DNSFormatError;
import io.jtwisted.names.error.DNSNameError;
import io.jtwisted.names.error.DNSNotImplementedError;
import io.jtwisted.names.error.DNSQueryRefusedError;
import io.jtwisted.names.error.DNSQueryTimeoutError;
import io.jtwisted.names.error.DNSServerError;
import io.jtwisted.names.error.DNSUnknownError;
import io.jtwisted.names.error.DomainError;
import io.jtwisted.python.failure.Failure;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

/**
 * A resolver that asks name servers, as Twisted's {@code client.Resolver}: each query goes to the
 * first server with the first timeout, then to each next server, then round again with each next
 * timeout (Twisted's default {@code {1, 3, 11, 45}} seconds), until one answers; when none does,
 * the lookup fails with {@link DNSQueryTimeoutError}. An answer with an error code fails with the
 * matching error of {@code io.jtwisted.names.error} ({@link DNSNameError} for NXDOMAIN, ...),
 * carrying the response.
 *
 * <p>Queries travel over TCP, each on a new connection from a port the system picks, with a
 * random message id that the answer must match. (Twisted sends them over UDP first and retries
 * over TCP when the answer is truncated; UDP queries come with the reactor's UDP support.)
 */
public class Resolver implements IResolver {
    /** Twisted's default timeouts: 1, 3, 11 and 45 seconds. */
    public static final double[] DEFAULT_TIMEOUT = {1, 3, 11, 45};

    private static final Logger log = Logger.forClass(Resolver.class);

    private final List<InetSocketAddress> servers;
    private final IReactorTCP tcp;
    private final IReactorTime time;
    private final double[] defaultTimeout;

    /** A resolver asking {@code servers} in order, through {@code reactor}, with the default timeouts. */
    public <R extends IReactorTCP & IReactorTime> Resolver(List<InetSocketAddress> servers, R reactor) {
        this(servers, reactor, DEFAULT_TIMEOUT);
    }

    /**
     * A resolver asking {@code servers}, retrying with each of {@code timeout} in turn.
     *
     * @throws IllegalArgumentException without servers or timeouts
     */
    public <R extends IReactorTCP & IReactorTime> Resolver(List<InetSocketAddress> servers, R reactor,
                                                          double[] timeout) {
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("a client resolver needs at least one server");
        }
        if (timeout.length == 0) {
            throw new IllegalArgumentException("a client resolver needs at least one timeout");
        }
        this.servers = List.copyOf(servers);
        this.tcp = reactor;
        this.time = reactor;
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

    @Override
    public Deferred<LookupResult> query(Query query, double[] timeout) {
        double[] timeouts = timeout == null ? defaultTimeout : timeout;
        return attempt(query, timeouts, 0, 0).addCallbackDeferring(Resolver::filterAnswers);
    }

    private Deferred<Message> attempt(Query query, double[] timeouts, int round, int server) {
        return queryTCP(servers.get(server), List.of(query), timeouts[round]).addErrbackDeferring(failure -> {
            Throwable error = failure.value();
            if (!(error instanceof DNSQueryTimeoutError) && !(error instanceof io.jtwisted.internet.error.ConnectError)) {
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

    /**
     * Sends {@code queries} to {@code server} over a new TCP connection (Twisted's
     * {@code queryTCP}) and fires with its response; fails with {@link DNSQueryTimeoutError} after
     * {@code timeout} seconds, or with the connection error.
     */
    public Deferred<Message> queryTCP(InetSocketAddress server, List<Query> queries, double timeout) {
        Deferred<Message> result = new Deferred<>();
        DNSController ignoring = (message, protocol, address) ->
                log.debug("unexpected message from {}: {}", server, message);
        ClientFactory factory = new ClientFactory() {
            @Override
            public io.jtwisted.internet.interfaces.IProtocol buildProtocol(IAddress address) {
                return new DNSProtocol(ignoring, time) {
                    @Override
                    public void connectionMade() {
                        super.connectionMade();
                        query(queries, timeout).addBoth(outcome -> {
                            transport.loseConnection();
                            if (!result.called()) {
                                if (outcome instanceof Failure f) {
                                    result.errback(f);
                                } else {
                                    result.callback((Message) outcome);
                                }
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
        String name = message.queries().isEmpty() ? "" : message.queries().get(0).name().toString();
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
