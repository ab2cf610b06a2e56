package io.jtwisted.protocols.haproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.address.IPv6Address;
import io.jtwisted.internet.address.UNIXAddress;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Port of twisted.protocols.haproxy.test.test_v2parser.V2ParserTests: every case
 * (test_happyPathIPv4/IPv6/Unix, test_invalidSignature, test_invalidVersion, test_invalidCommand,
 * test_invalidFamily, test_invalidProto, test_localCommandIpv4/Ipv6/Unix,
 * test_proxyCommandIpv4/Ipv6/Unix, test_unspecFamilyIpv4/Ipv6/Unix, test_unspecProtoIpv4/Ipv6/Unix,
 * test_overflowIpv4/Ipv6/Unix, test_segmentTooSmall). test_segmentTooSmall feeds 12 bytes that are
 * not the signature and expects a refusal: here because the signature is wrong, not because fewer
 * than 16 bytes came (a valid header in small reads parses, pinned below). The header builders are
 * Twisted's {@code _makeHeaderIPv4/IPv6/Unix} with the same defaults.
 */
class V2ParserTest {
    static final byte[] SIGNATURE = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};
    static final byte[] LOOPBACK6 = ipv6One();
    static final byte[] SOCKET_PATH = unixPath("/home/tests/mysockets/sock");

    private static byte[] ipv6One() {
        byte[] one = new byte[16];
        one[15] = 1;
        return one;
    }

    private static byte[] unixPath(String path) {
        return Arrays.copyOf(path.getBytes(StandardCharsets.US_ASCII), 108);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] header(byte[] signature, int verCom, int famProto, int length, byte[]... rest) {
        return concat(
                signature,
                new byte[] {(byte) verCom, (byte) famProto, (byte) (length >> 8), (byte) length},
                concat(rest));
    }

    static byte[] ipv4(int verCom, int famProto) {
        return header(SIGNATURE, verCom, famProto, 12, new byte[] {127, 0, 0, 1, 127, 0, 0, 1}, new byte[] {
            0x1F, (byte) 0x90, 0x22, (byte) 0xB8
        });
    }

    static byte[] ipv4() {
        return ipv4(0x21, 0x11);
    }

    static byte[] ipv6(int verCom, int famProto) {
        return header(
                SIGNATURE, verCom, famProto, 36, LOOPBACK6, LOOPBACK6, new byte[] {0x1F, (byte) 0x90, 0x22, (byte) 0xB8
                });
    }

    static byte[] ipv6() {
        return ipv6(0x21, 0x21);
    }

    static byte[] unix(int verCom, int famProto) {
        return header(SIGNATURE, verCom, famProto, 216, SOCKET_PATH, SOCKET_PATH);
    }

    static byte[] unix() {
        return unix(0x21, 0x31);
    }

    private static ProxyInfo parse(byte[] header) throws InvalidProxyHeader {
        return new V2Parser().parse(header);
    }

    @Test
    void aWellFormedIPv4HeaderParses() throws InvalidProxyHeader {
        ProxyInfo info = parse(ipv4());
        assertThat(info.source()).isEqualTo(new IPv4Address("TCP", "127.0.0.1", 8080));
        assertThat(info.destination()).isEqualTo(new IPv4Address("TCP", "127.0.0.1", 8888));
        assertThat(info.header()).isEqualTo(ipv4());
    }

    @Test
    void aWellFormedIPv6HeaderParses() throws InvalidProxyHeader {
        ProxyInfo info = parse(ipv6());
        assertThat(info.source()).isEqualTo(new IPv6Address("TCP", "::1", 8080));
        assertThat(info.destination()).isEqualTo(new IPv6Address("TCP", "::1", 8888));
    }

    @Test
    void aWellFormedUnixHeaderParses() throws InvalidProxyHeader {
        ProxyInfo info = parse(unix());
        assertThat(info.source()).isEqualTo(new UNIXAddress("/home/tests/mysockets/sock"));
        assertThat(info.destination()).isEqualTo(new UNIXAddress("/home/tests/mysockets/sock"));
    }

    @Test
    void aWrongSignatureIsRefused() {
        byte[] header = ipv4();
        Arrays.fill(header, 0, 12, (byte) 0);
        assertThatThrownBy(() -> parse(header)).isInstanceOf(InvalidProxyHeader.class);
    }

    @Test
    void aVersionOtherThan2IsRefused() {
        assertThatThrownBy(() -> parse(ipv4(0x11, 0x11))).isInstanceOf(InvalidProxyHeader.class);
    }

    @Test
    void aCommandOtherThanLocalOrProxyIsRefused() {
        assertThatThrownBy(() -> parse(ipv4(0x23, 0x11))).isInstanceOf(InvalidProxyHeader.class);
    }

    @Test
    void anUnknownFamilyIsRefused() {
        assertThatThrownBy(() -> parse(ipv4(0x21, 0x40))).isInstanceOf(InvalidNetworkProtocol.class);
    }

    @Test
    void anUnknownTransportIsRefused() {
        assertThatThrownBy(() -> parse(ipv4(0x21, 0x24))).isInstanceOf(InvalidNetworkProtocol.class);
    }

    @Test
    void localCommandsCarryNoAddresses() throws InvalidProxyHeader {
        for (byte[] header : new byte[][] {ipv4(0x20, 0x11), ipv6(0x20, 0x21), unix(0x20, 0x31)}) {
            ProxyInfo info = parse(header);
            assertThat(info.source()).isNull();
            assertThat(info.destination()).isNull();
        }
    }

    @Test
    void proxyCommandsCarryTheFamilysAddresses() throws InvalidProxyHeader {
        assertThat(parse(ipv4(0x21, 0x11)).source()).isInstanceOf(IPv4Address.class);
        assertThat(parse(ipv4(0x21, 0x11)).destination()).isInstanceOf(IPv4Address.class);
        assertThat(parse(ipv6(0x21, 0x21)).source()).isInstanceOf(IPv6Address.class);
        assertThat(parse(ipv6(0x21, 0x21)).destination()).isInstanceOf(IPv6Address.class);
        assertThat(parse(unix(0x21, 0x31)).source()).isInstanceOf(UNIXAddress.class);
        assertThat(parse(unix(0x21, 0x31)).destination()).isInstanceOf(UNIXAddress.class);
    }

    @Test
    void anUnspecifiedFamilyCarriesNoAddresses() throws InvalidProxyHeader {
        for (byte[] header : new byte[][] {ipv4(0x21, 0x01), ipv6(0x21, 0x01), unix(0x21, 0x01)}) {
            assertThat(parse(header).source()).isNull();
            assertThat(parse(header).destination()).isNull();
        }
    }

    @Test
    void anUnspecifiedTransportCarriesNoAddresses() throws InvalidProxyHeader {
        for (byte[] header : new byte[][] {ipv4(0x21, 0x10), ipv6(0x21, 0x20), unix(0x21, 0x30)}) {
            assertThat(parse(header).source()).isNull();
            assertThat(parse(header).destination()).isNull();
        }
    }

    @Test
    void feedReturnsTheBytesAfterTheHeader() throws InvalidProxyHeader {
        byte[] after = "TEST DATA\r\n\r\nTEST DATA".getBytes(StandardCharsets.US_ASCII);
        for (byte[] header : new byte[][] {ipv4(), ipv6(), unix()}) {
            IProxyParser.Parsed parsed = new V2Parser().feed(concat(header, after));
            assertThat(parsed.info().source()).isNotNull();
            assertThat(parsed.remaining()).isEqualTo(after);
        }
    }

    @Test
    void aShortPrefixThatIsNotTheSignatureIsRefused() {
        assertThatThrownBy(() -> new V2Parser().feed("NEEDMOREDATA".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(InvalidProxyHeader.class);
    }

    // Beyond Twisted's cases.

    @Test
    void aHeaderFedOneByteAtATimeParses() throws InvalidProxyHeader {
        byte[] header = concat(ipv6(), new byte[] {'x'});
        V2Parser parser = new V2Parser();
        for (int i = 0; i < header.length - 2; i++) {
            assertThat(parser.feed(new byte[] {header[i]}))
                    .as("after %d bytes", i + 1)
                    .isNull();
        }
        IProxyParser.Parsed parsed = parser.feed(Arrays.copyOfRange(header, header.length - 2, header.length));
        assertThat(parsed.info().source()).isEqualTo(new IPv6Address("TCP", "::1", 8080));
        assertThat(parsed.remaining()).containsExactly('x');
    }

    @Test
    void tlvsAfterTheAddressesAreKeptInTheHeaderAndIgnored() throws InvalidProxyHeader {
        byte[] tlv = {0x04, 0x00, 0x01, 0x00}; // PP2_TYPE_NOOP, one byte
        byte[] header = header(
                SIGNATURE,
                0x21,
                0x11,
                12 + tlv.length,
                new byte[] {10, 0, 0, 1, 10, 0, 0, 2, 0, 80, 1, (byte) 0xBB},
                tlv);
        ProxyInfo info = parse(header);
        assertThat(info.source()).isEqualTo(new IPv4Address("TCP", "10.0.0.1", 80));
        assertThat(info.destination()).isEqualTo(new IPv4Address("TCP", "10.0.0.2", 443));
        assertThat(info.header()).isEqualTo(header);
    }

    @Test
    void aLengthTooShortForTheFamilysAddressesIsMissingAddressData() {
        byte[] header = header(SIGNATURE, 0x21, 0x21, 12, new byte[12]);
        assertThatThrownBy(() -> parse(header)).isInstanceOf(MissingAddressData.class);
    }

    @Test
    void aDatagramTransportGivesUdpAddresses() throws InvalidProxyHeader {
        assertThat(parse(ipv4(0x21, 0x12)).source()).isEqualTo(new IPv4Address("UDP", "127.0.0.1", 8080));
    }

    @Test
    void aHeaderShorterThanItsLengthIsRefusedByParse() {
        byte[] header = Arrays.copyOf(ipv4(), 20);
        assertThatThrownBy(() -> parse(header)).isInstanceOf(InvalidProxyHeader.class);
    }
}
