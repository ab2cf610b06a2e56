package io.jtwisted.protocols.haproxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.address.IPv6Address;
import io.jtwisted.internet.address.UNIXAddress;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.internet.testing.EventLoggingObserver;
import io.jtwisted.internet.testing.StringTransportWithDisconnection;
import io.jtwisted.logger.LogLevel;
import io.jtwisted.logger.LogPublisher;
import io.jtwisted.python.failure.Failure;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Port of twisted.protocols.haproxy.test.test_wrapper: every case of HAProxyWrappingFactoryV1Tests
 * (test_invalidHeaderDisconnects, test_invalidPartialHeaderDisconnects,
 * test_preDataReceived_getPeerHost, test_validIPv4HeaderResolves_getPeerHost,
 * test_validIPv6HeaderResolves_getPeerHost, test_overflowBytesSentToWrappedProtocol,
 * test_overflowBytesSentToWrappedProtocolChunks, test_overflowBytesSentToWrappedProtocolAfter) and
 * of HAProxyWrappingFactoryV2Tests (test_invalidHeaderDisconnects,
 * test_validIPv4HeaderResolves_getPeerHost, test_validIPv6HeaderResolves_getPeerHost,
 * test_validUNIXHeaderResolves_getPeerHost, test_overflowBytesSentToWrappedProtocol,
 * test_overflowBytesSentToWrappedProtocolChunks). Twisted's V2 IPv6 case expects the host
 * {@code "0:0:0:0:0:0:0:1"}; JTwisted writes {@code "::1"}, as for any IPv6 peer. The cases after
 * those pin JTwisted's additions: the wrapped protocol is connected only once the header is in, a
 * refused connection is logged, and reads of any size work.
 */
class HAProxyWrappingFactoryTest {
    static final byte[] V2_IPV4 = V2ParserTest.ipv4();
    static final byte[] V2_IPV6 = V2ParserTest.ipv6();
    static final byte[] V2_UNIX = V2ParserTest.unix();

    /** Records what it receives and the addresses its transport gives at each event. */
    static final class StaticProtocol extends Protocol {
        IAddress source;
        IAddress destination;
        IAddress peerAtConnectionMade;
        final ByteArrayOutputStream data = new ByteArrayOutputStream();
        boolean made;
        boolean lost;

        @Override
        public void connectionMade() {
            made = true;
            peerAtConnectionMade = transport.getPeer();
        }

        @Override
        public void dataReceived(byte[] bytes) {
            source = transport.getPeer();
            destination = transport.getHost();
            data.writeBytes(bytes);
        }

        @Override
        public void connectionLost(Failure reason) {
            lost = true;
        }

        String text() {
            return data.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private StaticProtocol wrapped;
    private StringTransportWithDisconnection transport;

    private HAProxyProtocolWrapper connect(IAddress address) {
        return connect(address, null, null);
    }

    private HAProxyProtocolWrapper connect(IAddress address, IAddress host, IAddress peer) {
        HAProxyWrappingFactory factory = new HAProxyWrappingFactory(Factory.forProtocol(StaticProtocol::new));
        HAProxyProtocolWrapper proto = (HAProxyProtocolWrapper) factory.buildProtocol(address);
        wrapped = (StaticProtocol) proto.wrappedProtocol();
        transport = new StringTransportWithDisconnection(host, peer);
        transport.setProtocol(proto);
        proto.makeConnection(transport);
        return proto;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    // V1 (HAProxyWrappingFactoryV1Tests)

    @Test
    void v1AnInvalidHeaderDisconnects() {
        HAProxyProtocolWrapper proto = connect(new IPv4Address("TCP", "127.1.1.1", 8080));
        proto.dataReceived(bytes("NOTPROXY anything can go here\r\n"));
        assertThat(transport.connected()).isFalse();
    }

    @Test
    void v1AnInvalidPartialHeaderDisconnects() {
        HAProxyProtocolWrapper proto = connect(new IPv4Address("TCP", "127.1.1.1", 8080));
        proto.dataReceived(bytes("PROXY TCP4 1.1.1.1\r\n"));
        proto.dataReceived(bytes("2.2.2.2 8080\r\n"));
        assertThat(transport.connected()).isFalse();
    }

    @Test
    void beforeAnyDataThePeerAndHostAreTheConnections() {
        IAddress host = new IPv4Address("TCP", "10.9.9.9", 1);
        IAddress peer = new IPv4Address("TCP", "10.8.8.8", 2);
        HAProxyProtocolWrapper proto = connect(new IPv4Address("TCP", "127.0.0.1", 8080), host, peer);
        assertThat(proto.getHost()).isSameAs(host);
        assertThat(proto.getPeer()).isSameAs(peer);
    }

    @Test
    void v1AnIPv4HeaderSetsPeerAndHost() {
        HAProxyProtocolWrapper proto = connect(new IPv4Address("TCP", "127.0.0.1", 8080));
        proto.dataReceived(bytes("PROXY TCP4 1.1.1.1 2.2.2.2 8080 8888\r\n"));
        assertThat(proto.getPeer()).isEqualTo(new IPv4Address("TCP", "1.1.1.1", 8080));
        assertThat(wrapped.transport().getPeer()).isEqualTo(new IPv4Address("TCP", "1.1.1.1", 8080));
        assertThat(proto.getHost()).isEqualTo(new IPv4Address("TCP", "2.2.2.2", 8888));
        assertThat(wrapped.transport().getHost()).isEqualTo(new IPv4Address("TCP", "2.2.2.2", 8888));
    }

    @Test
    void v1AnIPv6HeaderSetsPeerAndHost() {
        HAProxyProtocolWrapper proto = connect(new IPv6Address("TCP", "::1", 8080));
        proto.dataReceived(bytes("PROXY TCP6 ::1 ::2 8080 8888\r\n"));
        assertThat(proto.getPeer()).isEqualTo(new IPv6Address("TCP", "::1", 8080));
        assertThat(wrapped.transport().getPeer()).isEqualTo(new IPv6Address("TCP", "::1", 8080));
        assertThat(proto.getHost()).isEqualTo(new IPv6Address("TCP", "::2", 8888));
        assertThat(wrapped.transport().getHost()).isEqualTo(new IPv6Address("TCP", "::2", 8888));
    }

    @Test
    void v1BytesAfterTheHeaderGoToTheWrappedProtocol() {
        HAProxyProtocolWrapper proto = connect(new IPv6Address("TCP", "::1", 8080));
        proto.dataReceived(bytes("PROXY TCP6 ::1 ::2 8080 8888\r\nHTTP/1.1 / GET"));
        assertThat(wrapped.text()).isEqualTo("HTTP/1.1 / GET");
    }

    @Test
    void v1BytesAfterAHeaderInChunksGoToTheWrappedProtocol() {
        HAProxyProtocolWrapper proto = connect(new IPv6Address("TCP", "::1", 8080));
        proto.dataReceived(bytes("PROXY TCP6 ::1 ::2 "));
        proto.dataReceived(bytes("8080 8888\r\nHTTP/1.1 / GET"));
        assertThat(wrapped.text()).isEqualTo("HTTP/1.1 / GET");
    }

    @Test
    void v1EverythingAfterTheHeaderGoesToTheWrappedProtocol() {
        HAProxyProtocolWrapper proto = connect(new IPv6Address("TCP", "::1", 8080));
        proto.dataReceived(bytes("PROXY TCP6 ::1 ::2 "));
        proto.dataReceived(bytes("8080 8888\r\nHTTP/1.1 / GET"));
        proto.dataReceived(bytes("\r\n\r\n"));
        assertThat(wrapped.text()).isEqualTo("HTTP/1.1 / GET\r\n\r\n");
    }

    // V2 (HAProxyWrappingFactoryV2Tests)

    @Test
    void v2AnInvalidHeaderDisconnects() {
        HAProxyProtocolWrapper proto = connect(new IPv6Address("TCP", "::1", 8080));
        byte[] header = V2_IPV4.clone();
        header[0] = 0;
        proto.dataReceived(header);
        assertThat(transport.connected()).isFalse();
    }

    @Test
    void v2AnIPv4HeaderSetsPeerAndHost() {
        HAProxyProtocolWrapper proto = connect(new IPv4Address("TCP", "127.0.0.1", 8080));
        proto.dataReceived(V2_IPV4);
        assertThat(proto.getPeer()).isEqualTo(new IPv4Address("TCP", "127.0.0.1", 8080));
        assertThat(wrapped.transport().getPeer()).isEqualTo(new IPv4Address("TCP", "127.0.0.1", 8080));
        assertThat(proto.getHost()).isEqualTo(new IPv4Address("TCP", "127.0.0.1", 8888));
        assertThat(wrapped.transport().getHost()).isEqualTo(new IPv4Address("TCP", "127.0.0.1", 8888));
    }

    @Test
    void v2AnIPv6HeaderSetsPeerAndHost() {
        HAProxyProtocolWrapper proto = connect(new IPv4Address("TCP", "::1", 8080));
        proto.dataReceived(V2_IPV6);
        assertThat(proto.getPeer()).isEqualTo(new IPv6Address("TCP", "::1", 8080));
        assertThat(wrapped.transport().getPeer()).isEqualTo(new IPv6Address("TCP", "::1", 8080));
        assertThat(proto.getHost()).isEqualTo(new IPv6Address("TCP", "::1", 8888));
        assertThat(wrapped.transport().getHost()).isEqualTo(new IPv6Address("TCP", "::1", 8888));
    }

    @Test
    void v2AUnixHeaderSetsPeerAndHost() {
        HAProxyProtocolWrapper proto = connect(new UNIXAddress("/home/test/sockets/server.sock"));
        proto.dataReceived(V2_UNIX);
        assertThat(proto.getPeer()).isEqualTo(new UNIXAddress("/home/tests/mysockets/sock"));
        assertThat(wrapped.transport().getPeer()).isEqualTo(new UNIXAddress("/home/tests/mysockets/sock"));
        assertThat(proto.getHost()).isEqualTo(new UNIXAddress("/home/tests/mysockets/sock"));
        assertThat(wrapped.transport().getHost()).isEqualTo(new UNIXAddress("/home/tests/mysockets/sock"));
    }

    @Test
    void v2BytesAfterTheHeaderGoToTheWrappedProtocol() {
        HAProxyProtocolWrapper proto = connect(new IPv6Address("TCP", "::1", 8080));
        proto.dataReceived(V2ParserTest.concat(V2_IPV6, bytes("HTTP/1.1 / GET")));
        assertThat(wrapped.text()).isEqualTo("HTTP/1.1 / GET");
    }

    @Test
    void v2BytesAfterAHeaderInChunksGoToTheWrappedProtocol() {
        HAProxyProtocolWrapper proto = connect(new IPv6Address("TCP", "::1", 8080));
        proto.dataReceived(Arrays.copyOf(V2_IPV6, 18));
        proto.dataReceived(
                V2ParserTest.concat(Arrays.copyOfRange(V2_IPV6, 18, V2_IPV6.length), bytes("HTTP/1.1 / GET")));
        assertThat(wrapped.text()).isEqualTo("HTTP/1.1 / GET");
    }

    // JTwisted's additions

    @Test
    void theWrappedProtocolIsConnectedOnlyOnceTheHeaderIsIn() {
        HAProxyProtocolWrapper proto = connect(new IPv4Address("TCP", "127.0.0.1", 8080));
        proto.dataReceived(bytes("PROXY TCP4 1.1.1.1 2.2.2.2 8080 8888"));
        assertThat(wrapped.made).isFalse();
        proto.dataReceived(bytes("\r\n"));
        assertThat(wrapped.made).isTrue();
        assertThat(wrapped.peerAtConnectionMade).isEqualTo(new IPv4Address("TCP", "1.1.1.1", 8080));
        assertThat(wrapped.data.size()).isZero();
        assertThat(proto.proxyInfo().source()).isEqualTo(new IPv4Address("TCP", "1.1.1.1", 8080));
    }

    @Test
    void aConnectionWithoutHeaderIsClosedWithALoggedReason() {
        try (EventLoggingObserver logged = EventLoggingObserver.observing(LogPublisher.globalLogPublisher())) {
            HAProxyProtocolWrapper proto = connect(new IPv4Address("TCP", "127.0.0.1", 8080));
            proto.dataReceived(bytes("GET / HTTP/1.1\r\n\r\n"));
            assertThat(transport.connected()).isFalse();
            assertThat(wrapped.made).isFalse();
            assertThat(wrapped.lost)
                    .as("a protocol never connected is not told of the loss")
                    .isFalse();
            assertThat(logged.events()).anySatisfy(event -> {
                assertThat(event.level()).isEqualTo(LogLevel.WARN);
                assertThat(event.message())
                        .contains("no PROXY header")
                        .contains(StringTransportWithDisconnection.DEFAULT_PEER.toString());
            });
        }
    }

    @Test
    void aMalformedHeaderIsClosedWithALoggedReason() {
        try (EventLoggingObserver logged = EventLoggingObserver.observing(LogPublisher.globalLogPublisher())) {
            HAProxyProtocolWrapper proto = connect(new IPv4Address("TCP", "127.0.0.1", 8080));
            proto.dataReceived(bytes("PROXY TCP4 1.1.1.1 2.2.2.2 8080 99999\r\n"));
            assertThat(transport.connected()).isFalse();
            assertThat(logged.events())
                    .anySatisfy(event -> assertThat(event.message())
                            .contains("invalid PROXY header")
                            .contains("99999"));
        }
    }

    @Test
    void bytesAfterARefusalAreDropped() {
        HAProxyProtocolWrapper proto = connect(new IPv4Address("TCP", "127.0.0.1", 8080));
        proto.dataReceived(bytes("X"));
        proto.dataReceived(bytes("PROXY UNKNOWN\r\nhello"));
        assertThat(wrapped.made).isFalse();
        assertThat(wrapped.data.size()).isZero();
    }

    @Test
    void aHeaderInOneByteReadsWorksForBothVersions() {
        for (byte[] header : new byte[][] {bytes("PROXY TCP4 1.1.1.1 2.2.2.2 1 2\r\n"), V2_IPV4}) {
            HAProxyProtocolWrapper proto = connect(new IPv4Address("TCP", "127.0.0.1", 8080));
            for (byte b : V2ParserTest.concat(header, bytes("ok"))) {
                proto.dataReceived(new byte[] {b});
            }
            assertThat(transport.connected()).isTrue();
            assertThat(wrapped.text()).isEqualTo("ok");
            assertThat(proto.getPeer())
                    .isInstanceOf(IPv4Address.class)
                    .isNotEqualTo(StringTransportWithDisconnection.DEFAULT_PEER);
        }
    }

    @Test
    void aHeaderWithoutAddressesKeepsTheConnectionsOwn() {
        HAProxyProtocolWrapper proto = connect(new IPv4Address("TCP", "127.0.0.1", 8080));
        proto.dataReceived(bytes("PROXY UNKNOWN\r\n"));
        assertThat(wrapped.made).isTrue();
        assertThat(proto.getPeer()).isEqualTo(StringTransportWithDisconnection.DEFAULT_PEER);
        assertThat(proto.getHost()).isEqualTo(StringTransportWithDisconnection.DEFAULT_HOST);
    }

    @Test
    void losingTheConnectionAfterTheHeaderTellsTheWrappedProtocol() {
        HAProxyProtocolWrapper proto = connect(new IPv4Address("TCP", "127.0.0.1", 8080));
        proto.dataReceived(V2_IPV4);
        transport.loseConnection();
        assertThat(wrapped.lost).isTrue();
    }

    @Test
    void theFactorysLogPrefixSaysProxy() {
        HAProxyWrappingFactory factory = new HAProxyWrappingFactory(Factory.forProtocol(StaticProtocol::new));
        assertThat(factory.logPrefix()).endsWith(" (PROXY)");
    }
}
