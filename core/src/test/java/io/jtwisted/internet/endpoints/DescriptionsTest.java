package io.jtwisted.internet.endpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internal.reactor.NioReactor;
import io.jtwisted.internet.interfaces.IReactorTCP;
import io.jtwisted.internet.interfaces.IStreamClientEndpoint;
import io.jtwisted.internet.interfaces.IStreamServerEndpoint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Endpoint description strings.
 *
 * <p>Ports of twisted/internet/test/test_endpoints.py: ParserTests (test_simpleTCP,
 * test_interfaceTCP, test_backlogTCP, test_escape, test_quoteStringArgument, test_impliedEscape,
 * test_unknownType), ServerStringTests.test_tcp, ClientStringTests (test_tcp,
 * test_tcpPositionalArgs, test_tcpHostPositionalArg, test_tcpPortPositionalArg,
 * test_tcpDefaults, test_unknownType). Not ported: UNIX, SSL, systemd, stdio and plugin
 * descriptions (those endpoint types come with their own issues).
 */
class DescriptionsTest {
    private final NioReactor reactor = new NioReactor();

    @Test
    void positionalAndKeywordArgumentsAreSeparated() {
        Descriptions.Parsed parsed = Descriptions.parse("a:b:d=1:c");
        assertThat(parsed.args()).containsExactly("a", "b", "c");
        assertThat(parsed.kwargs()).containsExactlyEntriesOf(Map.of("d", "1"));
    }

    @Test
    void backslashEscapesColonsEqualsAndBackslashes() {
        Descriptions.Parsed parsed = Descriptions.parse("unix:foo\\:bar\\=baz\\:qux\\\\");
        assertThat(parsed.args()).containsExactly("unix", "foo:bar=baz:qux\\");
        assertThat(parsed.kwargs()).isEmpty();
    }

    @Test
    void anEqualsSignInAValueNeedsNoEscape() {
        Descriptions.Parsed parsed = Descriptions.parse("unix:address=foo=bar");
        assertThat(parsed.kwargs()).containsExactlyEntriesOf(Map.of("address", "foo=bar"));
    }

    @Test
    void quoteStringArgumentEscapesBackslashesAndColons() {
        assertThat(Endpoints.quoteStringArgument("some : stuff \\")).isEqualTo("some \\: stuff \\\\");
        String tricky = "a:b\\c";
        assertThat(Descriptions.parse("x:" + Endpoints.quoteStringArgument(tricky))
                        .args())
                .isEqualTo(List.of("x", tricky));
    }

    @Test
    void tcpServerDescriptionGivesATCP4ServerEndpoint() {
        IStreamServerEndpoint server = Endpoints.serverFromString(reactor, "tcp:1234:backlog=12:interface=10.0.0.1");
        assertThat(server).isInstanceOf(TCP4ServerEndpoint.class);
        TCP4ServerEndpoint tcp = (TCP4ServerEndpoint) server;
        assertThat(tcp.port()).isEqualTo(1234);
        assertThat(tcp.backlog()).isEqualTo(12);
        assertThat(tcp.iface()).isEqualTo("10.0.0.1");
    }

    @Test
    void tcpServerDefaults() {
        TCP4ServerEndpoint tcp = (TCP4ServerEndpoint) Endpoints.serverFromString(reactor, "tcp:80");
        assertThat(tcp.port()).isEqualTo(80);
        assertThat(tcp.backlog()).as("the system default").isEqualTo(IReactorTCP.DEFAULT_BACKLOG);
        assertThat(tcp.iface()).isEmpty();
        TCP6ServerEndpoint six =
                (TCP6ServerEndpoint) Endpoints.serverFromString(reactor, "tcp6:8080:interface=\\:\\:1");
        assertThat(six.iface()).isEqualTo("::1");
        assertThat(six.port()).isEqualTo(8080);
        assertThat(((TCP6ServerEndpoint) Endpoints.serverFromString(reactor, "TCP6:81")).iface())
                .isEqualTo("::");
    }

    @Test
    void reusePortInATcpServerDescriptionReachesListenTCP() {
        TCP4ServerEndpoint tcp = (TCP4ServerEndpoint) Endpoints.serverFromString(reactor, "tcp:80:reusePort=true");
        assertThat(tcp.options().reusePort()).isTrue();
        assertThat(((TCP4ServerEndpoint) Endpoints.serverFromString(reactor, "tcp:80:reusePort=0"))
                        .options()
                        .reusePort())
                .isFalse();
        assertThat(((TCP4ServerEndpoint) Endpoints.serverFromString(reactor, "tcp:80"))
                        .options()
                        .reusePort())
                .isFalse();
        TCP6ServerEndpoint six = (TCP6ServerEndpoint) Endpoints.serverFromString(reactor, "tcp6:81:reusePort=1");
        assertThat(six.options()).isEqualTo(new IReactorTCP.ListenOptions(IReactorTCP.DEFAULT_BACKLOG, "::", true));
        io.jtwisted.internet.testing.MemoryReactor memory = new io.jtwisted.internet.testing.MemoryReactor();
        io.jtwisted.internet.protocol.Factory factory =
                io.jtwisted.internet.protocol.Factory.forProtocol(io.jtwisted.internet.protocol.Protocol::new);
        Endpoints.serverFromString(memory, "tcp:82:interface=127.0.0.1:reusePort=true")
                .listen(factory);
        assertThat(memory.tcpServers())
                .containsExactly(new io.jtwisted.internet.testing.MemoryReactor.TcpServer(
                        82, factory, IReactorTCP.DEFAULT_BACKLOG, "127.0.0.1", true));
        assertThatThrownBy(() -> Endpoints.serverFromString(reactor, "tcp:80:reusePort=maybe"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid reusePort")
                .hasMessageContaining("'maybe'");
    }

    @Test
    void aReactorThatKnowsOnlyTwistedsListenTCPRefusesReusePort() {
        IllegalStateException fourArguments = new IllegalStateException("the four-argument listenTCP");
        IReactorTCP plain = new io.jtwisted.internet.testing.RaisingMemoryReactor(fourArguments, null);
        assertThatThrownBy(() -> plain.listenTCP(
                        80, null, IReactorTCP.ListenOptions.defaults().withReusePort(true)))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("reusePort");
        assertThatThrownBy(() -> plain.listenTCP(80, null, IReactorTCP.ListenOptions.defaults()))
                .isSameAs(fourArguments);
    }

    @Test
    void tcpClientDescriptionWithKeywords() {
        IStreamClientEndpoint client =
                Endpoints.clientFromString(reactor, "tcp:host=example.com:port=1234:timeout=7:bindAddress=10.0.0.2");
        TCP4ClientEndpoint tcp = (TCP4ClientEndpoint) client;
        assertThat(tcp.host()).isEqualTo("example.com");
        assertThat(tcp.port()).isEqualTo(1234);
        assertThat(tcp.timeout()).isEqualTo(7);
        assertThat(tcp.bindAddress().getHostString()).isEqualTo("10.0.0.2");
        assertThat(tcp.bindAddress().getPort()).isZero();
    }

    @Test
    void tcpClientPositionalArguments() {
        TCP4ClientEndpoint both = (TCP4ClientEndpoint) Endpoints.clientFromString(reactor, "tcp:example.com:1234");
        assertThat(both.host()).isEqualTo("example.com");
        assertThat(both.port()).isEqualTo(1234);
        TCP4ClientEndpoint hostFirst =
                (TCP4ClientEndpoint) Endpoints.clientFromString(reactor, "tcp:example.com:port=1234");
        assertThat(hostFirst.host()).isEqualTo("example.com");
        assertThat(hostFirst.port()).isEqualTo(1234);
        TCP4ClientEndpoint portOnly =
                (TCP4ClientEndpoint) Endpoints.clientFromString(reactor, "tcp:1234:host=example.com");
        assertThat(portOnly.host()).isEqualTo("example.com");
        assertThat(portOnly.port()).isEqualTo(1234);
        assertThat(portOnly.timeout()).isEqualTo(30);
        assertThat(portOnly.bindAddress()).isNull();
    }

    @Test
    void badDescriptionsGetAClearError() {
        assertThatThrownBy(() -> Endpoints.serverFromString(reactor, "bogus-type:nothing"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown endpoint type: 'bogus-type'");
        assertThatThrownBy(() -> Endpoints.clientFromString(reactor, "bogus-type:nothing"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown endpoint type: 'bogus-type'");
        assertThatThrownBy(() -> Endpoints.serverFromString(reactor, "tcp:http"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid port")
                .hasMessageContaining("'http'");
        assertThatThrownBy(() -> Endpoints.serverFromString(reactor, "tcp:80:colour=blue"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown parameter 'colour'");
        assertThatThrownBy(() -> Endpoints.serverFromString(reactor, "tcp"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a port");
        assertThatThrownBy(() -> Endpoints.clientFromString(reactor, "tcp:example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a host and a port");
        assertThatThrownBy(() -> Endpoints.serverFromString(reactor, "tcp:99999"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0-65535");
        assertThatThrownBy(() -> Endpoints.serverFromString(reactor, "tcp:80\\"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("backslash");
    }

    @Test
    void registeredParsersExtendTheSyntax() {
        IStreamServerEndpoint mine = factory -> null;
        Endpoints.registerServerParser("test-plugin", (r, args, kw) -> mine);
        assertThat(Endpoints.serverFromString(reactor, "test-plugin:x")).isSameAs(mine);
    }
}
