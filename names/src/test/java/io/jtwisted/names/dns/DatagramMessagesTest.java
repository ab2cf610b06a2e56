package io.jtwisted.names.dns;

import static io.jtwisted.trial.Trial.assertNoResult;
import static io.jtwisted.trial.Trial.failureResultOf;
import static io.jtwisted.trial.Trial.successResultOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.task.Clock;
import io.jtwisted.internet.testing.EventLoggingObserver;
import io.jtwisted.logger.LogPublisher;
import io.jtwisted.names.authority.FileAuthority;
import io.jtwisted.names.server.DNSServerFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The datagram side of DNS, without a socket: ported from Twisted's
 * {@code test_dns.DatagramProtocolTests} ({@code test_truncatedPacket}: a datagram that does not
 * decode is dropped; {@code test_simpleQuery}; {@code test_queryTimeout};
 * {@code test_receiveMessageNotInLiveMessages}) and the server's UDP truncation at 512 octets or the
 * client's EDNS size. Not ported: {@code test_writeError} and {@code test_listenError}, which need a
 * real datagram transport.
 */
class DatagramMessagesTest {
    private final EventLoggingObserver logged = EventLoggingObserver.observing(LogPublisher.globalLogPublisher());
    private final Clock clock = new Clock();
    private final List<byte[]> sent = new ArrayList<>();
    private final List<IAddress> sentTo = new ArrayList<>();
    private static final IAddress CLIENT = new IPv4Address("UDP", "127.0.0.1", 40000);
    private static final IAddress SERVER = new IPv4Address("UDP", "127.0.0.1", 10053);

    @AfterEach
    void stopObserving() {
        logged.close();
    }

    private DatagramMessages over(DNSController controller) {
        return new DatagramMessages(controller, clock, (datagram, to) -> {
            sent.add(datagram);
            sentTo.add(to);
        });
    }

    private static DNSServerFactory bigZoneServer() {
        List<RRHeader> zone = new ArrayList<>();
        zone.add(RRHeader.of(
                "big.test", new RecordSOA(Name.of("ns.big.test"), Name.of("admin.big.test"), 1, 2, 3, 4, 5), 60));
        for (int i = 0; i < 30; i++) {
            zone.add(RRHeader.of("many.big.test", RecordTXT.of("record " + i + " " + "x".repeat(90)), 60));
        }
        zone.add(RRHeader.of("one.big.test", RecordA.of("10.0.0.1"), 60));
        return new DNSServerFactory(List.of(new FileAuthority(zone)), List.of(), List.of());
    }

    @Test
    void aQueryIsAnsweredToItsSender() {
        DatagramMessages udp = over(bigZoneServer());
        udp.datagramReceived(Message.query(77, Query.of("one.big.test", Dns.A)).toBytes(), CLIENT);
        assertThat(sentTo).containsExactly(CLIENT);
        Message answer = Message.fromBytes(sent.get(0));
        assertThat(answer.id()).isEqualTo(77);
        assertThat(answer.answers()).extracting(RRHeader::payload).containsExactly(RecordA.of("10.0.0.1"));
        assertThat(answer.trunc()).isFalse();
    }

    @Test
    void anAnswerOver512OctetsIsTruncatedWithTc() {
        DatagramMessages udp = over(bigZoneServer());
        udp.datagramReceived(
                Message.query(1, Query.of("many.big.test", Dns.TXT)).toBytes(), CLIENT);
        assertThat(sent.get(0).length).isLessThanOrEqualTo(512);
        Message answer = Message.fromBytes(sent.get(0));
        assertThat(answer.trunc()).isTrue();
        assertThat(answer.answers()).hasSizeLessThan(30);
    }

    @Test
    void theClientsEdnsSizeIsHonoured() {
        DatagramMessages udp = over(bigZoneServer());
        udp.datagramReceived(
                Message.query(2, Query.of("many.big.test", Dns.TXT))
                        .edns(Edns.ofSize(1500))
                        .toBytes(),
                CLIENT);
        assertThat(sent.get(0).length).isLessThanOrEqualTo(1500).isGreaterThan(1000);
        assertThat(Message.fromBytes(sent.get(0)).trunc()).isTrue();
        udp.datagramReceived(
                Message.query(3, Query.of("many.big.test", Dns.TXT))
                        .edns(Edns.ofSize(4096))
                        .toBytes(),
                CLIENT);
        Message whole = Message.fromBytes(sent.get(1));
        assertThat(whole.trunc()).isFalse();
        assertThat(whole.answers()).hasSize(30);
    }

    @Test
    void aMalformedDatagramIsDroppedWithALoggedReason() {
        DatagramMessages udp = over(bigZoneServer());
        udp.datagramReceived(new byte[] {0, 1, 2}, CLIENT);
        udp.datagramReceived(new byte[] {0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0x40, 'a', 0, 0, 1, 0, 1}, CLIENT);
        assertThat(sent).isEmpty();
        assertThat(logged.events())
                .filteredOn(e -> e.message().contains("malformed DNS datagram"))
                .hasSize(2);
        udp.datagramReceived(Message.query(4, Query.of("one.big.test", Dns.A)).toBytes(), CLIENT);
        assertThat(sent).hasSize(1);
    }

    @Test
    void aClientQueryFiresWithTheMatchingAnswerFromTheServerQueried() {
        DatagramMessages udp = over((message, protocol, address) -> {
            throw new AssertionError("a client gets no queries");
        });
        Deferred<Message> result = udp.query(SERVER, List.of(Query.of("one.big.test", Dns.A)), 5, null);
        Message query = Message.fromBytes(sent.get(0));
        assertThat(sentTo).containsExactly(SERVER);
        assertThat(query.recDes()).isTrue();
        Message answer = Message.responseTo(query);
        udp.datagramReceived(answer.toBytes(), new IPv4Address("UDP", "127.0.0.9", 10053)); // spoofed
        udp.datagramReceived(
                Message.responseTo(query).id((query.id() + 1) & 0xFFFF).toBytes(), SERVER); // other id
        assertNoResult(result);
        udp.datagramReceived(answer.toBytes(), SERVER);
        assertThat(successResultOf(result).id()).isEqualTo(query.id());
        assertThat(udp.pending()).isZero();
        assertThat(clock.getDelayedCalls()).isEmpty();
    }

    @Test
    void aClientQueryTimesOut() {
        DatagramMessages udp = over((message, protocol, address) -> {});
        Deferred<Message> result = udp.query(SERVER, List.of(Query.of("slow.test", Dns.A)), 2, null);
        clock.advance(1.9);
        assertNoResult(result);
        clock.advance(0.1);
        failureResultOf(result, DNSQueryTimeoutError.class);
        assertThat(udp.pending()).isZero();
    }
}
