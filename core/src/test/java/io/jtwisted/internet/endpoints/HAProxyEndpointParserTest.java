package io.jtwisted.internet.endpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.interfaces.IStreamServerEndpoint;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.internet.testing.MemoryReactor;
import io.jtwisted.protocols.haproxy.HAProxyServerEndpoint;
import io.jtwisted.protocols.haproxy.HAProxyWrappingFactory;
import org.junit.jupiter.api.Test;

/**
 * Port of twisted.protocols.haproxy.test.test_parser: every case of UnparseEndpointTests
 * (test_basicUnparse, test_multipleArguments, test_keywords, test_colonInArgument,
 * test_colonInKeywordValue, test_colonInKeywordName) and of HAProxyServerParserTests (test_tcp4,
 * test_tcp6, test_unix). Twisted checks the wrapper factory class on the endpoint object; here the
 * MemoryReactor records the factory that reached listenTCP.
 */
class HAProxyEndpointParserTest {
    private static void roundTrips(String description) {
        Descriptions.Parsed parsed = Descriptions.parse(description);
        assertThat(Descriptions.unparse(parsed.args(), parsed.kwargs())).isEqualTo(description);
    }

    @Test
    void unparseRoundTripsAWord() {
        roundTrips("word");
    }

    @Test
    void unparseRoundTripsArguments() {
        roundTrips("one:two");
    }

    @Test
    void unparseRoundTripsKeywords() {
        roundTrips("aleph=one:bet=two");
    }

    @Test
    void unparseRoundTripsAnEscapedColonInAnArgument() {
        roundTrips("hello\\:colon\\:world");
    }

    @Test
    void unparseRoundTripsAnEscapedColonInAKeywordValue() {
        roundTrips("hello=\\:");
    }

    @Test
    void unparseRoundTripsAnEscapedColonInAKeywordName() {
        roundTrips("\\:=hello");
    }

    private static IStreamServerEndpoint inner(IStreamServerEndpoint endpoint) {
        assertThat(endpoint).isInstanceOf(HAProxyServerEndpoint.class);
        return ((HAProxyServerEndpoint) endpoint).wrappedEndpoint();
    }

    @Test
    void haproxyTcpWrapsATcp4EndpointAndItsFactory() {
        MemoryReactor reactor = new MemoryReactor();
        IStreamServerEndpoint endpoint = Endpoints.serverFromString(reactor, "haproxy:tcp:8080");
        assertThat(inner(endpoint)).isInstanceOf(TCP4ServerEndpoint.class);
        endpoint.listen(Factory.forProtocol(() -> new Protocol() {}));
        assertThat(reactor.tcpServers()).singleElement().satisfies(server -> {
            assertThat(server.port()).isEqualTo(8080);
            assertThat(server.factory()).isInstanceOf(HAProxyWrappingFactory.class);
        });
    }

    @Test
    void haproxyTcp6WrapsATcp6Endpoint() {
        assertThat(inner(Endpoints.serverFromString(new MemoryReactor(), "haproxy:tcp6:8080")))
                .isInstanceOf(TCP6ServerEndpoint.class);
    }

    @Test
    void haproxyUnixWrapsAUnixEndpoint() {
        Reactor reactor = Reactor.create(); // MemoryReactor has no UNIX; nothing is opened here
        assertThat(inner(Endpoints.serverFromString(reactor, "haproxy:unix:address=/tmp/socket")))
                .isInstanceOf(UNIXServerEndpoint.class);
    }

    @Test
    void keywordsAndEscapesReachTheInnerDescription() {
        MemoryReactor reactor = new MemoryReactor();
        Endpoints.serverFromString(reactor, "haproxy:tcp6:port=8080:interface=\\:\\:1")
                .listen(Factory.forProtocol(() -> new Protocol() {}));
        assertThat(reactor.tcpServers())
                .singleElement()
                .satisfies(server -> assertThat(server.iface()).isEqualTo("::1"));
    }

    @Test
    void haproxyAloneIsABadDescription() {
        assertThatThrownBy(() -> Endpoints.serverFromString(new MemoryReactor(), "haproxy"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("haproxy:tcp:8080");
    }
}
