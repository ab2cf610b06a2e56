package io.jtwisted.names.server;

import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.address.IPv6Address;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.protocol.ServerFactory;
import io.jtwisted.logger.Logger;
import io.jtwisted.names.authority.FileAuthority;
import io.jtwisted.names.cache.CacheResolver;
import io.jtwisted.names.common.IResolver;
import io.jtwisted.names.common.LookupResult;
import io.jtwisted.names.dns.DNSController;
import io.jtwisted.names.dns.DNSProtocol;
import io.jtwisted.names.dns.Dns;
import io.jtwisted.names.dns.Edns;
import io.jtwisted.names.dns.IDNSProtocol;
import io.jtwisted.names.dns.Message;
import io.jtwisted.names.dns.Query;
import io.jtwisted.names.dns.RRHeader;
import io.jtwisted.names.error.AuthoritativeDomainError;
import io.jtwisted.names.error.DNSNameError;
import io.jtwisted.names.error.DomainError;
import io.jtwisted.names.error.NotResponsibleError;
import io.jtwisted.names.resolve.ResolverChain;
import io.jtwisted.python.failure.Failure;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A DNS server, as Twisted's {@code server.DNSServerFactory}: a factory of {@link DNSProtocol}s
 * for TCP, and the controller of datagram protocols for UDP, answering each query from its
 * authorities, then its caches, then its clients (upstream resolvers).
 *
 * <p>Responses, where Twisted's differ (its tracker lists those):
 * <ul>
 *   <li>AA is set when the answer comes from an authority (authoritative records, or an
 *       authority's NXDOMAIN/NODATA with its SOA); never for cached, upstream or referral answers;</li>
 *   <li>RA is set when there are clients to recurse to;</li>
 *   <li>a name no authority is responsible for gets REFUSED when there is nothing else to ask;</li>
 *   <li>NXDOMAIN for names an authority says do not exist, with its SOA; NOERROR with no answer
 *       (and the SOA) for NODATA, empty non-terminals included; referrals at zone cuts;</li>
 *   <li>SERVFAIL when a resolver fails otherwise (timeouts, upstream failures), logged;</li>
 *   <li>NOTIMP for op codes other than QUERY; FORMERR for a query without exactly one question;
 *       BADVERS for EDNS versions above 0;</li>
 *   <li>answers cut to the client's UDP size (512, or its EDNS size) with TC set; the client then
 *       asks again over TCP;</li>
 *   <li>AXFR only over TCP and only to addresses given to {@link #allowTransfersFrom}; REFUSED
 *       otherwise;</li>
 *   <li>answers from clients are cached in the caches, NXDOMAIN and NODATA included (RFC 2308).</li>
 * </ul>
 */
public class DNSServerFactory extends ServerFactory implements DNSController {
    private static final Logger log = Logger.forClass(DNSServerFactory.class);
    /** How many records one zone-transfer message carries. */
    private static final int AXFR_CHUNK = 100;

    private final List<IResolver> authorities;
    private final List<IResolver> caches;
    private final List<IResolver> clients;
    private final IResolver authorityChain;
    private final IResolver cacheChain;
    private final IResolver clientChain;
    private final ResolverChain resolver;
    private final Set<String> transferClients = new HashSet<>();
    private final List<DNSProtocol> connections = new ArrayList<>();

    /** A server with no resolvers: it refuses every query. */
    public DNSServerFactory() {
        this(List.of(), List.of(), List.of());
    }

    /**
     * A server answering from {@code authorities} (zones, hosts files), then {@code caches}, then
     * {@code clients} (resolvers that recurse, such as {@code client.Resolver}).
     */
    public DNSServerFactory(
            List<? extends IResolver> authorities,
            List<? extends IResolver> caches,
            List<? extends IResolver> clients) {
        this.authorities = List.copyOf(authorities);
        this.caches = List.copyOf(caches);
        this.clients = List.copyOf(clients);
        this.authorityChain = new ResolverChain(this.authorities);
        this.cacheChain = new ResolverChain(this.caches);
        this.clientChain = new ResolverChain(this.clients);
        List<IResolver> all = new ArrayList<>(this.authorities);
        all.addAll(this.caches);
        all.addAll(this.clients);
        this.resolver = new ResolverChain(all);
    }

    /** Every resolver, authorities then caches then clients, as one chain (Twisted's {@code resolver}). */
    public ResolverChain resolver() {
        return resolver;
    }

    /** Whether the server recurses (it has clients): the RA bit. */
    public boolean canRecurse() {
        return !clients.isEmpty();
    }

    /** Lets the hosts (IP literals, as the peer's address reads) transfer zones over TCP. */
    public DNSServerFactory allowTransfersFrom(String... hosts) {
        transferClients.addAll(List.of(hosts));
        return this;
    }

    /** The TCP connections open now (Twisted's {@code connections}). */
    public List<DNSProtocol> connections() {
        return List.copyOf(connections);
    }

    @Override
    public IProtocol buildProtocol(IAddress address) {
        DNSProtocol protocol = new DNSProtocol(this, null);
        protocol.setFactory(this);
        return protocol;
    }

    @Override
    public void connectionMade(DNSProtocol protocol) {
        connections.add(protocol);
    }

    @Override
    public void connectionLost(DNSProtocol protocol) {
        connections.remove(protocol);
    }

    @Override
    public void messageReceived(Message message, IDNSProtocol protocol, @Nullable IAddress address) {
        if (message.answer()) {
            log.debug("ignoring a response sent to the server by {}", address != null ? address : protocol.peer());
            return;
        }
        if (message.opCode() != Dns.OP_QUERY) {
            sendReply(protocol, errorResponse(message, Dns.ENOTIMP), address, message);
            return;
        }
        if (message.queries().size() != 1) {
            sendReply(protocol, errorResponse(message, Dns.EFORMAT), address, message);
            return;
        }
        if (message.edns() != null && message.edns().version() > 0) {
            sendReply(protocol, errorResponse(message, Dns.EBADVERSION), address, message);
            return;
        }
        handleQuery(message, protocol, address);
    }

    /** Answers a standard query with one question. */
    protected void handleQuery(Message message, IDNSProtocol protocol, @Nullable IAddress address) {
        Query query = message.queries().get(0);
        if (query.type() == Dns.AXFR || query.type() == Dns.IXFR) {
            handleTransfer(message, protocol, address);
            return;
        }
        lookup(query)
                .<@Nullable Void>addCallbacks(
                        answer -> {
                            sendReply(protocol, response(message, answer), address, message);
                            return null;
                        },
                        failure -> {
                            sendReply(protocol, errorResponse(message, failure), address, message);
                            return null;
                        });
    }

    /** What one stage of the server found. */
    private record Answer(LookupResult result, boolean fromClient) {}

    private Deferred<Answer> lookup(Query query) {
        return authorityChain
                .query(query)
                .addCallback(r -> new Answer(r, false))
                .addErrbackDeferring(failure -> passOn(
                        failure,
                        () -> cacheChain
                                .query(query)
                                .addCallback(r -> new Answer(r, false))
                                .addErrbackDeferring(again -> passOn(again, () -> askClients(query)))));
    }

    private static Deferred<Answer> passOn(Failure failure, java.util.function.Supplier<Deferred<Answer>> next) {
        Throwable error = failure.value();
        if (error instanceof NotResponsibleError) {
            return next.get();
        }
        return Deferred.fail(failure);
    }

    private Deferred<Answer> askClients(Query query) {
        if (clients.isEmpty()) {
            return Deferred.fail(new NotResponsibleError(query.name().toString()));
        }
        return clientChain
                .query(query)
                .addCallback(result -> {
                    for (IResolver cache : caches) {
                        if (cache instanceof CacheResolver c) {
                            c.cacheResult(query, result);
                        }
                    }
                    return new Answer(result, true);
                })
                .addErrbackDeferring(failure -> {
                    if (failure.value() instanceof DNSNameError nxdomain && nxdomain.response() != null) {
                        for (IResolver cache : caches) {
                            if (cache instanceof CacheResolver c) {
                                c.cacheNameError(query, nxdomain.response().authority());
                            }
                        }
                    }
                    return Deferred.fail(failure);
                });
    }

    private Message response(Message request, Answer answer) {
        Message response = Message.responseTo(request).recAv(canRecurse());
        LookupResult result = answer.result();
        response.answers().addAll(result.answers());
        response.authority().addAll(result.authority());
        response.additional().addAll(result.additional());
        response.auth(!answer.fromClient() && isAuthoritative(result.answers(), result.authority()));
        return response;
    }

    /**
     * AA: some answer is authoritative; or, with no answer, the authority section is an
     * authoritative SOA (NODATA). A referral's NS records are not authoritative.
     */
    private static boolean isAuthoritative(List<RRHeader> answers, List<RRHeader> authority) {
        if (!answers.isEmpty()) {
            for (RRHeader record : answers) {
                if (record.auth()) {
                    return true;
                }
            }
            return false;
        }
        for (RRHeader record : authority) {
            if (record.type() == Dns.SOA && record.auth()) {
                return true;
            }
        }
        return false;
    }

    private Message errorResponse(Message request, Failure failure) {
        Throwable error = failure.value();
        if (error instanceof AuthoritativeDomainError nxdomain) {
            Message response = errorResponse(request, Dns.ENAME);
            response.authority().addAll(nxdomain.authority());
            response.auth(isAuthoritative(List.of(), nxdomain.authority()));
            return response;
        }
        if (error instanceof NotResponsibleError) {
            return errorResponse(request, Dns.EREFUSED);
        }
        if (error instanceof DNSNameError nxdomain) {
            Message response = errorResponse(request, Dns.ENAME);
            if (nxdomain.response() != null) {
                for (RRHeader record : nxdomain.response().authority()) {
                    response.authority().add(record.withAuth(false));
                }
            }
            return response;
        }
        if (error instanceof DomainError && error.getClass() == DomainError.class) {
            return errorResponse(request, Dns.ENAME);
        }
        log.failure("lookup of {} failed", failure, request.queries().get(0));
        return errorResponse(request, Dns.ESERVER);
    }

    private Message errorResponse(Message request, int rCode) {
        Message response = Message.responseTo(request).recAv(canRecurse()).rCode(rCode);
        if (rCode > 15 && response.edns() == null) {
            response.edns(Edns.ofSize(4096));
        }
        return response;
    }

    private void handleTransfer(Message message, IDNSProtocol protocol, @Nullable IAddress address) {
        Query query = message.queries().get(0);
        String peer = hostOf(protocol.peer());
        FileAuthority zone = null;
        for (IResolver authority : authorities) {
            if (authority instanceof FileAuthority file && file.origin().equals(query.name())) {
                zone = file;
            }
        }
        if (!protocol.isStream() || peer == null || !transferClients.contains(peer)) {
            log.info("refused a zone transfer of {} to {}", query.name(), address != null ? address : protocol.peer());
            sendReply(protocol, errorResponse(message, Dns.EREFUSED), address, message);
            return;
        }
        if (zone == null) {
            sendReply(protocol, errorResponse(message, Dns.EREFUSED), address, message);
            return;
        }
        zone.lookupZone(query.name().toString())
                .<@Nullable Void>addCallbacks(
                        result -> {
                            List<RRHeader> records = result.answers();
                            for (int start = 0; start < records.size(); start += AXFR_CHUNK) {
                                Message part = Message.responseTo(message).auth(true);
                                part.answers()
                                        .addAll(records.subList(start, Math.min(records.size(), start + AXFR_CHUNK)));
                                sendReply(protocol, part, address, message);
                            }
                            return null;
                        },
                        failure -> {
                            sendReply(protocol, errorResponse(message, failure), address, message);
                            return null;
                        });
    }

    private static @Nullable String hostOf(@Nullable IAddress address) {
        if (address instanceof IPv4Address v4) {
            return v4.host();
        }
        if (address instanceof IPv6Address v6) {
            return v6.host();
        }
        return null;
    }

    /** Sends {@code response}, cut to the size the request allows on datagrams. */
    protected void sendReply(IDNSProtocol protocol, Message response, @Nullable IAddress address, Message request) {
        protocol.writeMessage(response, address, protocol.isStream() ? 0xFFFF : request.maxUdpSize());
    }
}
