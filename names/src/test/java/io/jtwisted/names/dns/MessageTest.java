package io.jtwisted.names.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ports of Twisted's {@code test_dns}: {@code RoundtripDNSTests} for the record types this codec
 * knows (SOA, A, AAAA, SRV, NAPTR, MX, TXT, NS, CNAME, PTR, unknown types for NULL/WKS/HINFO and
 * the rest), {@code MessageTests} (flags encode and decode, empty message, empty query, NULL
 * payload, authoritative/non-authoritative) and the truncation and EDNS cases of
 * {@code test_dns.EDNSMessageTests}. Not ported: the repr and comparison-mixin tests (Java records
 * give equality; {@code toString} is not a contract here), A6/SSHFP/TSIG/AFSDB/RP/MINFO (kept as
 * RFC 3597 raw data instead of typed records) and the protocol tests (in the server and client
 * packages).
 */
class MessageTest {
    private static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    static Stream<Arguments> records() {
        return Stream.of(
                Arguments.of(RecordA.of("1.2.3.4")),
                Arguments.of(RecordA.of("255.0.128.1")),
                Arguments.of(RecordAAAA.of("2001:db8::1")),
                Arguments.of(RecordAAAA.of("::")),
                Arguments.of(RecordCNAME.of("canonical.example.com")),
                Arguments.of(RecordNS.of("ns1.example.com")),
                Arguments.of(RecordPTR.of("host.example.com")),
                Arguments.of(RecordMX.of(10, "mail.example.com")),
                Arguments.of(new RecordSOA(
                        Name.of("ns1.example.com"), Name.of("admin.example.com"), 4294967295L, 3600, 600, 86400, 300)),
                Arguments.of(RecordTXT.of("v=spf1 -all", "", "\000\377binary")),
                Arguments.of(new RecordSRV(10, 20, 5060, Name.of("sip.example.com"))),
                Arguments.of(new RecordNAPTR(100, 10, "U", "E2U+sip", "!^.*$!sip:info@example.com!", Name.ROOT)),
                Arguments.of(new RecordNAPTR(100, 10, "S", "SIP+D2U", "", Name.of("_sip._udp.example.com"))),
                Arguments.of(new RecordCAA(128, "issue", "ca.example.net; account=1")),
                Arguments.of(new UnknownRecord(Dns.NULL, allOctets())),
                Arguments.of(new UnknownRecord(65280, new byte[0])),
                Arguments.of(new UnknownRecord(Dns.HINFO, bytes("\003x86\005linux"))));
    }

    private static byte[] allOctets() {
        byte[] data = new byte[256];
        for (int i = 0; i < 256; i++) {
            data[i] = (byte) i;
        }
        return data;
    }

    @ParameterizedTest
    @MethodSource("records")
    void everyRecordTypeRoundTripsInEverySection(Record payload) {
        Message message = new Message().id(4321).answer(true);
        message.queries().add(Query.of("example.com", payload.type()));
        RRHeader record = new RRHeader(Name.of("example.com"), payload.type(), Dns.IN, 3600, payload, false);
        message.answers().add(record);
        message.authority().add(record.withTtl(1));
        message.additional().add(record.withName(Name.of("other.example.com")));
        Message decoded = Message.fromBytes(message.toBytes());
        assertThat(decoded.queries()).containsExactlyElementsOf(message.queries());
        assertThat(decoded.answers()).containsExactly(record);
        assertThat(decoded.authority()).containsExactly(record.withTtl(1));
        assertThat(decoded.additional()).containsExactly(record.withName(Name.of("other.example.com")));
    }

    @Test
    void headerFlagsRoundTripEachOnItsOwn() {
        List<java.util.function.Consumer<Message>> setters = List.of(
                m -> m.answer(true),
                m -> m.auth(true),
                m -> m.trunc(true),
                m -> m.recDes(true),
                m -> m.recAv(true),
                m -> m.authenticData(true),
                m -> m.checkingDisabled(true),
                m -> m.opCode(Dns.OP_STATUS),
                m -> m.rCode(Dns.EREFUSED));
        for (java.util.function.Consumer<Message> setter : setters) {
            Message message = new Message().id(7);
            setter.accept(message);
            Message decoded = Message.fromBytes(message.toBytes());
            assertThat(decoded.toString()).isEqualTo(message.toString());
        }
    }

    @Test
    void authenticDataAndCheckingDisabledUseTheirHeaderBits() {
        // Twisted's test_authenticDataEncode / test_checkingDisabledEncode: the bits of octet 3.
        assertThat(new Message().authenticData(true).toBytes()[3]).isEqualTo((byte) 0x20);
        assertThat(new Message().checkingDisabled(true).toBytes()[3]).isEqualTo((byte) 0x10);
        byte[] header = bytes("\000\001\000\040\000\000\000\000\000\000\000\000");
        assertThat(Message.fromBytes(header).authenticData()).isTrue();
        assertThat(Message.fromBytes(header).checkingDisabled()).isFalse();
    }

    @Test
    void emptyQueryDecodes() {
        Message message = Message.fromBytes(bytes("\001\000\000\000\000\000\000\000\000\000\000\000"));
        assertThat(message.id()).isEqualTo(256);
        assertThat(message.answer()).isFalse();
        assertThat(message.opCode()).isEqualTo(Dns.OP_QUERY);
        assertThat(message.auth()).isFalse();
        assertThat(message.trunc()).isFalse();
        assertThat(message.queries()).isEmpty();
        assertThat(message.answers()).isEmpty();
        assertThat(message.authority()).isEmpty();
        assertThat(message.additional()).isEmpty();
        assertThat(message.edns()).isNull();
    }

    @Test
    void encodesAQueryAsDigWould() {
        Message query = Message.query(0xABCD, Query.of("www.example.com", Dns.A));
        assertThat(HexFormat.of().formatHex(query.toBytes()))
                .isEqualTo("abcd01000001000000000000" + "03777777076578616d706c6503636f6d00" + "00010001");
    }

    @Test
    void answersCompressTheirOwnersAgainstTheQuestion() {
        Message response = Message.responseTo(Message.query(1, Query.of("www.example.com", Dns.A)));
        response.answers().add(RRHeader.of("www.example.com", RecordA.of("10.0.0.1"), 60));
        response.answers().add(RRHeader.of("www.example.com", RecordA.of("10.0.0.2"), 60));
        byte[] wire = response.toBytes();
        // Header 12 + question 17+4, then each answer: pointer(2) type class ttl rdlength (10) + 4.
        assertThat(wire).hasSize(12 + 21 + 2 * 16);
        assertThat(wire[33] & 0xFF).isEqualTo(0xC0);
        assertThat(wire[34]).isEqualTo((byte) 12);
        assertThat(Message.fromBytes(wire).answers()).hasSize(2);
    }

    @Test
    void ednsRoundTripsWithOptionsAndExtendedRcode() {
        Message message = new Message().id(9).answer(true).rCode(Dns.EBADVERSION);
        message.edns(new Edns(1232, 0, true, List.of(new EdnsOption(10, bytes("12345678")))));
        byte[] wire = message.toBytes();
        assertThat(wire[3] & 0xF).isZero(); // 16 has no low bits: they all travel in the OPT record.
        Message decoded = Message.fromBytes(wire);
        assertThat(decoded.rCode()).isEqualTo(Dns.EBADVERSION);
        assertThat(decoded.edns()).isEqualTo(message.edns());
        assertThat(decoded.additional()).isEmpty();
        assertThat(decoded.maxUdpSize()).isEqualTo(1232);
    }

    @Test
    void ednsSizeBelow512MeansThe512Default() {
        assertThat(new Message().edns(Edns.ofSize(100)).maxUdpSize()).isEqualTo(512);
        assertThat(new Message().maxUdpSize()).isEqualTo(512);
    }

    private static Message bigAnswer(int count) {
        Message response = Message.responseTo(Message.query(1, Query.of("many.example.com", Dns.TXT)));
        for (int i = 0; i < count; i++) {
            response.answers().add(RRHeader.of("many.example.com", RecordTXT.of("x".repeat(100) + i), 60));
        }
        return response;
    }

    @Test
    void truncatesAtWholeRecordsAndSetsTcWhenAnswersDoNotFit() {
        Message response = bigAnswer(20);
        byte[] wire = response.toBytes(512);
        assertThat(wire.length).isLessThanOrEqualTo(512);
        Message decoded = Message.fromBytes(wire);
        assertThat(decoded.trunc()).isTrue();
        assertThat(decoded.answers())
                .hasSizeBetween(1, 19)
                .isEqualTo(response.answers().subList(0, decoded.answers().size()));
        assertThat(Message.fromBytes(response.toBytes()).trunc()).isFalse();
        assertThat(Message.fromBytes(response.toBytes()).answers()).hasSize(20);
    }

    @Test
    void truncationKeepsTheOptRecordWithinTheEdnsSize() {
        Message response = bigAnswer(40);
        response.edns(Edns.ofSize(1232));
        byte[] wire = response.toBytes(1232);
        assertThat(wire.length).isLessThanOrEqualTo(1232).isGreaterThan(1000);
        Message decoded = Message.fromBytes(wire);
        assertThat(decoded.trunc()).isTrue();
        assertThat(decoded.edns()).isNotNull();
    }

    @Test
    void droppingOnlyAdditionalRecordsDoesNotSetTc() {
        Message response = bigAnswer(2);
        for (int i = 0; i < 10; i++) {
            response.additional().add(RRHeader.of("glue" + i + ".example.com", RecordTXT.of("y".repeat(100)), 60));
        }
        Message decoded = Message.fromBytes(response.toBytes(512));
        assertThat(decoded.trunc()).isFalse();
        assertThat(decoded.answers()).hasSize(2);
        assertThat(decoded.additional()).hasSizeLessThan(10);
    }

    @Test
    void rejectsMalformedMessages() {
        String header = "\000\001\001\000\000\001\000\000\000\000\000\000";
        String headerWithAnswer = "\000\001\201\000\000\000\000\001\000\000\000\000";
        String[][] cases = {
            {"", "shorter than its 12-octet header"},
            {"\000\001\000", "shorter than its 12-octet header"},
            {header, "truncated in a name"},
            {header + "\003www\000\000", "truncated in question"},
            {header + "\300\014\000\001\000\001", "forward"},
            {
                headerWithAnswer + "\000\000\001\000\001\000\000\000\074\000\005\001\002\003\004\005",
                "A record data must be 4 octets"
            },
            {headerWithAnswer + "\000\000\001\000\001\000\000\000\074\000\004\001\002", "truncated in record data"},
            {
                headerWithAnswer + "\000\000\017\000\001\000\000\000\074\000\004\000\012\000\000",
                "MX record data is 4 octets, but its fields take 3"
            },
            {headerWithAnswer + "\000\000\051\020\000\000\000\000\000\000\000", "OPT record outside"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> Message.fromBytes(bytes(c[0])))
                    .as("decoding %s", HexFormat.of().formatHex(bytes(c[0])))
                    .isInstanceOf(DNSDecodeError.class)
                    .hasMessageContaining(c[1]);
        }
    }

    @Test
    void rejectsTwoOptRecords() {
        String opt = "\000\000\051\020\000\000\000\000\000\000\000";
        byte[] wire = bytes("\000\001\000\000\000\000\000\000\000\000\000\002" + opt + opt);
        assertThatThrownBy(() -> Message.fromBytes(wire))
                .isInstanceOf(DNSDecodeError.class)
                .hasMessageContaining("more than one OPT");
    }

    @Test
    void decodesAtAnOffsetWithPointersRelativeToTheMessage() {
        Message response = Message.responseTo(Message.query(5, Query.of("a.example.com", Dns.CNAME)));
        response.answers().add(RRHeader.of("a.example.com", RecordCNAME.of("b.example.com"), 5));
        byte[] wire = response.toBytes();
        byte[] framed = new byte[wire.length + 2];
        System.arraycopy(wire, 0, framed, 2, wire.length);
        assertThat(Message.fromBytes(framed, 2, wire.length).answers()).containsExactlyElementsOf(response.answers());
    }

    @Test
    void recordConstructorsCheckTheirRanges() {
        assertThatThrownBy(() -> RecordA.of("1.2.3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordA.of("1.2.3.256")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordAAAA.of("1.2.3.4")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordMX.of(65536, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordTXT.of("x".repeat(256))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RRHeader(Name.ROOT, Dns.MX, Dns.IN, 1, RecordA.of("1.2.3.4"), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void addressesPrintInTheirUsualForms() {
        assertThat(RecordA.of("10.20.30.40").dottedQuad()).isEqualTo("10.20.30.40");
        assertThat(RecordAAAA.of("2001:0db8:0:0:1:0:0:1").compressed()).isEqualTo("2001:db8::1:0:0:1");
        assertThat(RecordAAAA.of("::1").compressed()).isEqualTo("::1");
        assertThat(RecordAAAA.of("fe80::").compressed()).isEqualTo("fe80::");
        assertThat(RecordAAAA.of("1:2:3:4:5:6:7:8").compressed()).isEqualTo("1:2:3:4:5:6:7:8");
        // IPv4-mapped: still an Inet6Address, shown as hex groups (InetAddress.getByAddress would make it IPv4)
        RecordAAAA mapped = RecordAAAA.ofBytes(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 1, 2, 3, 4});
        assertThat(mapped.toInetAddress().getAddress()).hasSize(16);
        assertThat(mapped.compressed()).isEqualTo("::ffff:102:304");
        assertThat(RecordAAAA.of("2001:db8::1").toInetAddress().getHostAddress())
                .isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    @Test
    void typeAndClassMnemonics() {
        assertThat(Dns.typeOf("aaaa")).isEqualTo(Dns.AAAA);
        assertThat(Dns.typeOf("TYPE65280")).isEqualTo(65280);
        assertThat(Dns.typeOf("BOGUS")).isEqualTo(-1);
        assertThat(Dns.typeName(65280)).isEqualTo("TYPE65280");
        assertThat(Dns.classOf("in")).isEqualTo(Dns.IN);
        assertThat(Dns.classOf("CLASS7")).isEqualTo(7);
    }
}
