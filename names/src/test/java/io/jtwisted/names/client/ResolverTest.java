package io.jtwisted.names.client;

import static io.jtwisted.trial.Trial.assertNoResult;
import static io.jtwisted.trial.Trial.failureResultOf;
import static io.jtwisted.trial.Trial.successResultOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.error.ConnectionRefusedError;
import io.jtwisted.internet.testing.MemoryReactor.TcpClient;
import io.jtwisted.internet.testing.MemoryReactorClock;
import io.jtwisted.internet.testing.StringTransport;
import io.jtwisted.names.common.LookupResult;
import io.jtwisted.names.dns.DNSProtocol;
import io.jtwisted.names.dns.DNSQueryTimeoutError;
import io.jtwisted.names.dns.Dns;
import io.jtwisted.names.dns.Message;
import io.jtwisted.names.dns.Query;
import io.jtwisted.names.dns.RRHeader;
import io.jtwisted.names.dns.RecordA;
import io.jtwisted.names.dns.RecordCNAME;
import io.jtwisted.names.error.DNSFormatError;
import io.jtwisted.names.error.DNSNameError;
import io.jtwisted.names.error.DNSNotImplementedError;
import io.jtwisted.names.error.DNSQueryRefusedError;
import io.jtwisted.names.error.DNSServerError;
import io.jtwisted.names.error.DNSUnknownError;
import io.jtwisted.python.failure.Failure;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link Resolver} and {@link ResolvConf}, on a {@code MemoryReactorClock}. Ported from Twisted's
 * {@code test_client}: {@code ResolverTests} (parseConfig's nameserver lines, a missing
 * resolv.conf meaning 127.0.0.1, the server-then-timeout retry order of queryUDP applied to this
 * client's queries, the lookup-method table), {@code FilterAnswersTests} (each response code
 * mapped to its error, carrying the message) and {@code getHostByName} following CNAMEs. Not
 * ported: the UDP-specific cases (source-port reuse, {@code _connectedProtocol}, truncation then
 * TCP), which need the reactor's UDP, and the resolv.conf re-reading timer.
 */
class ResolverTest {
    private final MemoryReactorClock reactor = new MemoryReactorClock();
    private final List<InetSocketAddress> servers =
            List.of(new InetSocketAddress("127.0.0.1", 10053), new InetSocketAddress("127.0.0.2", 10053));

    /** Connects the n-th recorded connection attempt and returns the query it sent. */
    private Exchange connect(int index) {
        TcpClient attempt = reactor.tcpClients().get(index);
        DNSProtocol protocol =
                (DNSProtocol) attempt.factory().buildProtocol(new IPv4Address("TCP", attempt.host(), attempt.port()));
        StringTransport transport = new StringTransport();
        protocol.makeConnection(transport);
        byte[] written = transport.value();
        Message query = Message.fromBytes(written, 2, written.length - 2);
        return new Exchange(attempt, protocol, transport, query);
    }

    private record Exchange(TcpClient attempt, DNSProtocol protocol, StringTransport transport, Message query) {
        void answer(Message response) {
            byte[] wire = response.toBytes();
            byte[] framed = new byte[wire.length + 2];
            framed[0] = (byte) (wire.length >>> 8);
            framed[1] = (byte) wire.length;
            System.arraycopy(wire, 0, framed, 2, wire.length);
            protocol.dataReceived(framed);
        }
    }

    @Test
    void aQueryGoesToTheFirstServerWithRecursionDesiredAndAnAnswerFires() {
        Resolver resolver = new Resolver(servers, reactor);
        Deferred<LookupResult> result = resolver.lookupAddress("example.com");
        Exchange exchange = connect(0);
        assertThat(exchange.attempt.host()).isEqualTo("127.0.0.1");
        assertThat(exchange.attempt.port()).isEqualTo(10053);
        assertThat(exchange.query.recDes()).isTrue();
        assertThat(exchange.query.queries()).containsExactly(Query.of("example.com", Dns.A));
        Message response = Message.responseTo(exchange.query);
        response.answers().add(RRHeader.of("example.com", RecordA.of("1.2.3.4"), 60));
        exchange.answer(response);
        assertThat(successResultOf(result).answers())
                .extracting(RRHeader::payload)
                .containsExactly(RecordA.of("1.2.3.4"));
        assertThat(exchange.transport.disconnecting()).isTrue();
        assertThat(reactor.getDelayedCalls()).isEmpty();
    }

    @Test
    void anAnswerWithAnotherIdIsIgnored() {
        Resolver resolver = new Resolver(servers, reactor);
        Deferred<LookupResult> result = resolver.lookupAddress("example.com");
        Exchange exchange = connect(0);
        exchange.answer(Message.responseTo(exchange.query).id((exchange.query.id() + 1) & 0xFFFF));
        assertNoResult(result);
        exchange.answer(Message.responseTo(exchange.query));
        assertThat(successResultOf(result).isEmpty()).isTrue();
    }

    @Test
    void idsAreRandom() {
        Resolver resolver = new Resolver(servers, reactor);
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            resolver.lookupAddress("host" + i + ".example.com");
            ids.add(connect(i).query.id());
        }
        assertThat(ids).hasSizeGreaterThan(15);
        reactor.advance(1000);
    }

    @Test
    void withoutAnswersEachServerIsTriedWithEachTimeoutThenTheLookupTimesOut() {
        Resolver resolver = new Resolver(servers, reactor, new double[] {1, 3});
        Deferred<LookupResult> result = resolver.lookupAddress("example.com");
        List<String> order = new ArrayList<>();
        double[] waits = {1, 1, 3, 3};
        for (int i = 0; i < 4; i++) {
            Exchange exchange = connect(i);
            order.add(exchange.attempt.host() + "/" + exchange.attempt.timeout());
            assertNoResult(result);
            reactor.advance(waits[i]);
        }
        assertThat(order).containsExactly("127.0.0.1/1.0", "127.0.0.2/1.0", "127.0.0.1/3.0", "127.0.0.2/3.0");
        DNSQueryTimeoutError error = (DNSQueryTimeoutError)
                failureResultOf(result, DNSQueryTimeoutError.class).value();
        assertThat(error.query()).isEqualTo(Query.of("example.com", Dns.A));
    }

    @Test
    void aRefusedConnectionMovesToTheNextServer() {
        Resolver resolver = new Resolver(servers, reactor);
        Deferred<LookupResult> result = resolver.lookupAddress("example.com");
        TcpClient first = reactor.tcpClients().get(0);
        first.factory().clientConnectionFailed(null, new Failure(new ConnectionRefusedError()));
        Exchange second = connect(1);
        assertThat(second.attempt.host()).isEqualTo("127.0.0.2");
        second.answer(Message.responseTo(second.query));
        successResultOf(result);
    }

    @Test
    void responseCodesBecomeTheirErrorsCarryingTheResponse() {
        Object[][] table = {
            {Dns.EFORMAT, DNSFormatError.class},
            {Dns.ESERVER, DNSServerError.class},
            {Dns.ENAME, DNSNameError.class},
            {Dns.ENOTIMP, DNSNotImplementedError.class},
            {Dns.EREFUSED, DNSQueryRefusedError.class},
            {9, DNSUnknownError.class}
        };
        Resolver resolver = new Resolver(servers, reactor);
        int index = 0;
        for (Object[] row : table) {
            Deferred<LookupResult> result = resolver.lookupMailExchange("example.com");
            Exchange exchange = connect(index++);
            exchange.answer(Message.responseTo(exchange.query).rCode((Integer) row[0]));
            @SuppressWarnings("unchecked")
            Class<? extends Throwable> type = (Class<? extends Throwable>) row[1];
            Failure failure = failureResultOf(result, type);
            assertThat(((io.jtwisted.names.error.DomainError) failure.value())
                            .response()
                            .rCode())
                    .isEqualTo(row[0]);
        }
    }

    @Test
    void eachLookupMethodAsksForItsType() {
        Resolver resolver = new Resolver(servers, reactor);
        int[] types = {
            Dns.A,
            Dns.AAAA,
            Dns.MX,
            Dns.NS,
            Dns.CNAME,
            Dns.PTR,
            Dns.SOA,
            Dns.TXT,
            Dns.SRV,
            Dns.NAPTR,
            Dns.ALL_RECORDS,
            Dns.AXFR
        };
        resolver.lookupAddress("n");
        resolver.lookupIPV6Address("n");
        resolver.lookupMailExchange("n");
        resolver.lookupNameservers("n");
        resolver.lookupCanonicalName("n");
        resolver.lookupPointer("n");
        resolver.lookupAuthority("n");
        resolver.lookupText("n");
        resolver.lookupService("n");
        resolver.lookupNamingAuthorityPointer("n");
        resolver.lookupAllRecords("n");
        resolver.lookupZone("n");
        for (int i = 0; i < types.length; i++) {
            assertThat(connect(i).query.queries().get(0).type()).isEqualTo(types[i]);
        }
        reactor.advance(1000);
    }

    @Test
    void getHostByNameFollowsACname() {
        Resolver resolver = new Resolver(servers, reactor);
        Deferred<String> address = resolver.getHostByName("www.example.com");
        Exchange first = connect(0);
        Message response = Message.responseTo(first.query);
        response.answers().add(RRHeader.of("www.example.com", RecordCNAME.of("web.example.com"), 60));
        response.answers().add(RRHeader.of("web.example.com", RecordA.of("10.0.0.80"), 60));
        first.answer(response);
        assertThat(successResultOf(address)).isEqualTo("10.0.0.80");
    }

    @Test
    void resolvConfGivesTheNameserversInOrder() {
        assertThat(ResolvConf.parse("""
                # comment
                search example.com
                nameserver 10.0.0.1
                nameserver   ::1
                nameserver bogus
                options ndots:2
                nameserver 10.0.0.2
                """))
                .extracting(InetSocketAddress::getHostString, InetSocketAddress::getPort)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("10.0.0.1", 53),
                        org.assertj.core.groups.Tuple.tuple("::1", 53),
                        org.assertj.core.groups.Tuple.tuple("10.0.0.2", 53));
    }

    @Test
    void aMissingResolvConfMeansLocalhost() throws Exception {
        Resolver resolver = Resolver.fromResolvConf(java.nio.file.Path.of("/nonexistent/resolv.conf"), reactor);
        assertThat(resolver.servers()).containsExactly(new InetSocketAddress("127.0.0.1", 53));
        assertThatThrownBy(() -> new Resolver(List.of(), reactor)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSameQueryInFlightIsSentOnceAndEveryCallerGetsTheAnswer() {
        Resolver resolver = new Resolver(servers, reactor);
        Deferred<LookupResult> first = resolver.lookupAddress("example.com");
        Deferred<LookupResult> second = resolver.lookupAddress("EXAMPLE.com");
        Deferred<LookupResult> other = resolver.lookupMailExchange("example.com");
        assertThat(reactor.tcpClients()).hasSize(2);
        Exchange exchange = connect(0);
        Message response = Message.responseTo(exchange.query);
        response.answers().add(RRHeader.of("example.com", RecordA.of("1.2.3.4"), 60));
        exchange.answer(response);
        assertThat(successResultOf(first).answers()).hasSize(1);
        assertThat(successResultOf(second).answers()).hasSize(1);
        assertNoResult(other);
        Deferred<LookupResult> again = resolver.lookupAddress("example.com");
        assertThat(reactor.tcpClients()).hasSize(3);
        for (int i = 1; i <= 2; i++) {
            Exchange later = connect(i);
            later.answer(Message.responseTo(later.query));
        }
        successResultOf(other);
        successResultOf(again);
    }

    @Test
    void callersWaitingOnAQueryShareItsFailure() {
        Resolver resolver = new Resolver(servers, reactor, new double[] {1});
        Deferred<LookupResult> first = resolver.lookupAddress("example.com");
        Deferred<LookupResult> second = resolver.lookupAddress("example.com");
        connect(0);
        reactor.advance(1);
        connect(1);
        reactor.advance(1);
        assertThat(reactor.tcpClients()).hasSize(2);
        failureResultOf(first, DNSQueryTimeoutError.class);
        failureResultOf(second, DNSQueryTimeoutError.class);
    }
}
