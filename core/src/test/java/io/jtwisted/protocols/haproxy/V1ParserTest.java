package io.jtwisted.protocols.haproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.address.IPv6Address;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Port of twisted.protocols.haproxy.test.test_v1parser.V1ParserTests: every case
 * (test_missingPROXYHeaderValue, test_invalidNetworkProtocol, test_missingSourceData,
 * test_missingDestData, test_fullParsingSuccess, test_fullParsingSuccess_IPv6,
 * test_fullParsingSuccess_UNKNOWN, test_feedParsing, test_feedParsingTooLong,
 * test_feedParsingOverflow). test_feedParsingTooLong feeds 140 bytes without a CRLF and expects a
 * refusal, which holds here too; the cases after it pin where JTwisted is stricter than Twisted, as
 * the PROXY protocol's specification asks (the 107-byte bound whatever the reads, single spaces,
 * literal addresses, ports up to 65535, a "PROXY " prefix checked as soon as it arrives).
 */
class V1ParserTest {
    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static ProxyInfo parse(String line) throws InvalidProxyHeader {
        return new V1Parser().parse(bytes(line));
    }

    @Test
    void aLineNotStartingWithProxyIsRefused() {
        assertThatThrownBy(() -> parse("NOTPROXY ")).isExactlyInstanceOf(InvalidProxyHeader.class);
    }

    @Test
    void aProtocolOtherThanTcpOrUnknownIsAnInvalidNetworkProtocol() {
        assertThatThrownBy(() -> parse("PROXY WUTPROTO ")).isInstanceOf(InvalidNetworkProtocol.class);
    }

    @Test
    void aTcpHeaderWithoutSourceIsMissingAddressData() {
        assertThatThrownBy(() -> parse("PROXY TCP4 ")).isInstanceOf(MissingAddressData.class);
    }

    @Test
    void aTcpHeaderWithoutDestinationIsMissingAddressData() {
        assertThatThrownBy(() -> parse("PROXY TCP4 127.0.0.1 8080 8888")).isInstanceOf(MissingAddressData.class);
    }

    @Test
    void aTcp4HeaderGivesIPv4SourceAndDestination() throws InvalidProxyHeader {
        ProxyInfo info = parse("PROXY TCP4 127.0.0.1 127.0.0.1 8080 8888");
        assertThat(info.source()).isEqualTo(new IPv4Address("TCP", "127.0.0.1", 8080));
        assertThat(info.destination()).isEqualTo(new IPv4Address("TCP", "127.0.0.1", 8888));
        assertThat(info.header()).isEqualTo(bytes("PROXY TCP4 127.0.0.1 127.0.0.1 8080 8888"));
    }

    @Test
    void aTcp6HeaderGivesIPv6SourceAndDestination() throws InvalidProxyHeader {
        ProxyInfo info = parse("PROXY TCP6 ::1 ::1 8080 8888");
        assertThat(info.source()).isEqualTo(new IPv6Address("TCP", "::1", 8080));
        assertThat(info.destination()).isEqualTo(new IPv6Address("TCP", "::1", 8888));
    }

    @Test
    void anUnknownHeaderGivesNoAddresses() throws InvalidProxyHeader {
        ProxyInfo info = parse("PROXY UNKNOWN anything could go here");
        assertThat(info.source()).isNull();
        assertThat(info.destination()).isNull();
    }

    @Test
    void feedParsesOnceTheCrlfArrives() throws InvalidProxyHeader {
        V1Parser parser = new V1Parser();
        assertThat(parser.feed(bytes("PROXY TCP4 127.0.0.1 127.0.0.1 "))).isNull();
        assertThat(parser.feed(bytes("8080 8888"))).isNull();
        IProxyParser.Parsed parsed = parser.feed(bytes("\r\n"));
        assertThat(parsed.remaining()).isEmpty();
        assertThat(parsed.info().source()).isEqualTo(new IPv4Address("TCP", "127.0.0.1", 8080));
        assertThat(parsed.info().destination()).isEqualTo(new IPv4Address("TCP", "127.0.0.1", 8888));
    }

    @Test
    void feedRefusesAHeaderWithNoCrlfWithin107Bytes() throws InvalidProxyHeader {
        V1Parser parser = new V1Parser();
        assertThat(parser.feed(bytes("PROXY TCP4 127.0.0.1 127.0.0.1 "))).isNull();
        assertThat(parser.feed(bytes("8080 8888"))).isNull();
        assertThatThrownBy(() -> parser.feed(bytes(" ".repeat(100)))).isInstanceOf(InvalidProxyHeader.class);
    }

    @Test
    void feedReturnsTheBytesAfterTheHeaderAndKeepsNothing() throws InvalidProxyHeader {
        V1Parser parser = new V1Parser();
        IProxyParser.Parsed parsed =
                parser.feed(bytes("PROXY TCP4 127.0.0.1 127.0.0.1 8080 8888\r\nHTTP/1.1 GET /\r\n"));
        assertThat(parsed.info()).isNotNull();
        assertThat(parsed.remaining()).isEqualTo(bytes("HTTP/1.1 GET /\r\n"));
        assertThat(parser.buffered()).isZero();
    }

    // JTwisted's stricter checks.

    @Test
    void aCrlfPastByte107IsRefusedEvenInOneRead() {
        String line = "PROXY UNKNOWN " + "x".repeat(93); // 107 bytes before the CRLF
        assertThatThrownBy(() -> new V1Parser().feed(bytes(line + "\r\n"))).isInstanceOf(InvalidProxyHeader.class);
    }

    @Test
    void aHeaderOfExactly107BytesIsAccepted() throws InvalidProxyHeader {
        String line = "PROXY UNKNOWN " + "x".repeat(91); // 105 bytes + CRLF
        assertThat(new V1Parser().feed(bytes(line + "\r\n"))).isNotNull();
    }

    @Test
    void aWrongPrefixIsRefusedBeforeTheLineEnds() {
        assertThatThrownBy(() -> new V1Parser().feed(bytes("PROXX"))).isInstanceOf(InvalidProxyHeader.class);
    }

    @Test
    void aCrlfSplitAcrossReadsEndsTheHeader() throws InvalidProxyHeader {
        V1Parser parser = new V1Parser();
        assertThat(parser.feed(bytes("PROXY UNKNOWN\r"))).isNull();
        IProxyParser.Parsed parsed = parser.feed(bytes("\nhello"));
        assertThat(parsed.info().source()).isNull();
        assertThat(parsed.remaining()).isEqualTo(bytes("hello"));
    }

    @Test
    void unknownWithNothingAfterItIsAccepted() throws InvalidProxyHeader {
        assertThat(parse("PROXY UNKNOWN").source()).isNull();
    }

    @Test
    void anIPv6AddressInATcp4HeaderIsMissingAddressData() {
        assertThatThrownBy(() -> parse("PROXY TCP4 ::1 127.0.0.1 1 2")).isInstanceOf(MissingAddressData.class);
    }

    @Test
    void anOctetOver255IsMissingAddressData() {
        assertThatThrownBy(() -> parse("PROXY TCP4 127.0.0.256 127.0.0.1 1 2")).isInstanceOf(MissingAddressData.class);
    }

    @Test
    void aHostNameIsNotAnAddress() {
        assertThatThrownBy(() -> parse("PROXY TCP6 localhost ::1 1 2")).isInstanceOf(MissingAddressData.class);
        assertThatThrownBy(() -> parse("PROXY TCP6 fe80::1%lo ::1 1 2")).isInstanceOf(MissingAddressData.class);
    }

    @Test
    void ipv6HostsAreWrittenAsJTwistedWritesThem() throws InvalidProxyHeader {
        ProxyInfo info = parse("PROXY TCP6 0:0:0:0:0:0:0:1 ::ffff:10.0.0.1 1 2");
        assertThat(((IPv6Address) info.source()).host()).isEqualTo("::1");
        assertThat(((IPv6Address) info.destination()).host()).isEqualTo("::ffff:a00:1");
    }

    @Test
    void aPortOver65535OrNotDecimalIsMissingAddressData() {
        assertThatThrownBy(() -> parse("PROXY TCP4 1.2.3.4 5.6.7.8 65536 1")).isInstanceOf(MissingAddressData.class);
        assertThatThrownBy(() -> parse("PROXY TCP4 1.2.3.4 5.6.7.8 +80 1")).isInstanceOf(MissingAddressData.class);
        assertThatThrownBy(() -> parse("PROXY TCP4 1.2.3.4 5.6.7.8 80 0x50")).isInstanceOf(MissingAddressData.class);
    }

    @Test
    void doubleSpacesOrExtraFieldsAreRefused() {
        assertThatThrownBy(() -> parse("PROXY TCP4  1.2.3.4 5.6.7.8 1 2")).isInstanceOf(InvalidProxyHeader.class);
        assertThatThrownBy(() -> parse("PROXY TCP4 1.2.3.4 5.6.7.8 1 2 3")).isInstanceOf(InvalidProxyHeader.class);
    }
}
