package io.jtwisted.internet.endpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.error.AlreadyListened;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IStreamServerEndpoint;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.internet.testing.MemoryReactor;
import io.jtwisted.protocols.haproxy.HAProxyServerEndpoint;
import io.jtwisted.python.failure.Failure;
import io.jtwisted.python.systemd.ListenFDs;
import java.net.StandardProtocolFamily;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ports of twisted.internet.test.test_endpoints: SystemdEndpointPluginTests
 * (test_parseStreamServerINET, test_parseStreamServerINET6, test_parseStreamServerUNIX, through
 * {@code _parseStreamServerTest}, plus "systemd:" reaching the parser from serverFromString in place
 * of test_pluginDiscovery and test_interface, which check Python plugin registration) and
 * AdoptedStreamServerEndpointTests (test_singleUse; the ServerEndpointTestCaseMixin cases
 * test_endpointListenSuccess and test_endpointListenFailure). Not ported: test_descriptionNonBlocking
 * and test_descriptorClosed, which stub Python's fcntl and os.close: here the adopted port owns the
 * descriptor and makes it non-blocking itself (SocketActivationTest runs that for real). Added: the
 * name= form (LISTEN_FDNAMES) of newer Twisted, and the errors.
 */
class SystemdEndpointParserTest {
    private static final ListenFDs FIVE = new ListenFDs(List.of(5, 6, 7, 8, 9), List.of("a", "b", "web", "d", "e"));
    private final MemoryReactor reactor = new MemoryReactor();
    private final Factory factory = Factory.forProtocol(() -> new Protocol() {});

    private AdoptedStreamServerEndpoint parse(String description, ListenFDs inherited) {
        Descriptions.Parsed parsed = Descriptions.parse(description);
        IStreamServerEndpoint endpoint = SystemdEndpointParser.parse(
                reactor, parsed.args().subList(1, parsed.args().size()), parsed.kwargs(), inherited);
        assertThat(endpoint).isInstanceOf(AdoptedStreamServerEndpoint.class);
        return (AdoptedStreamServerEndpoint) endpoint;
    }

    @Test
    void inetIsIPv4() {
        AdoptedStreamServerEndpoint endpoint = parse("systemd:domain=INET:index=3", FIVE);
        assertThat(endpoint.addressFamily()).isEqualTo(StandardProtocolFamily.INET);
        assertThat(endpoint.fileno()).isEqualTo(8);
    }

    @Test
    void inet6IsIPv6() {
        AdoptedStreamServerEndpoint endpoint = parse("systemd:domain=INET6:index=3", FIVE);
        assertThat(endpoint.addressFamily()).isEqualTo(StandardProtocolFamily.INET6);
        assertThat(endpoint.fileno()).isEqualTo(8);
    }

    @Test
    void unixIsUnix() {
        assertThat(parse("systemd:domain=UNIX:index=3", FIVE).addressFamily()).isEqualTo(StandardProtocolFamily.UNIX);
    }

    @Test
    void aNameSelectsTheDescriptorOfThatName() {
        assertThat(parse("systemd:domain=INET:name=web", FIVE).fileno()).isEqualTo(7);
    }

    @Test
    void thePositionalFormIsAccepted() {
        assertThat(parse("systemd:INET:1", FIVE).fileno()).isEqualTo(6);
    }

    @Test
    void listenAdoptsTheDescriptorWithTheFactory() {
        Deferred<IListeningPort> d = parse("systemd:domain=INET:index=0", FIVE).listen(factory);
        assertThat(d.hasResult()).isTrue();
        assertThat(reactor.adoptedPorts())
                .containsExactly(new MemoryReactor.Adopted(5, StandardProtocolFamily.INET, factory));
    }

    @Test
    void theEndpointListensOnlyOnce() {
        AdoptedStreamServerEndpoint endpoint =
                new AdoptedStreamServerEndpoint(reactor, 13, StandardProtocolFamily.INET);
        endpoint.listen(factory);
        Deferred<IListeningPort> again = endpoint.listen(factory);
        assertThat(again.currentResult())
                .isInstanceOfSatisfying(
                        Failure.class, failure -> assertThat(failure.value()).isInstanceOf(AlreadyListened.class));
        again.addErrback(f -> null);
        assertThat(reactor.adoptedPorts()).hasSize(1);
    }

    @Test
    void anAdoptionErrorIsAnErrback() {
        IllegalStateException broken = new IllegalStateException("no such socket");
        MemoryReactor refusing = new MemoryReactor() {
            @Override
            public IListeningPort adoptStreamPort(
                    int fd, java.net.ProtocolFamily family, io.jtwisted.internet.interfaces.IProtocolFactory f) {
                throw broken;
            }
        };
        Deferred<IListeningPort> d =
                new AdoptedStreamServerEndpoint(refusing, 3, StandardProtocolFamily.INET).listen(factory);
        assertThat(d.currentResult())
                .isInstanceOfSatisfying(
                        Failure.class, failure -> assertThat(failure.value()).isSameAs(broken));
        d.addErrback(f -> null);
    }

    @Test
    void serverFromStringKnowsSystemdAndHAProxyWrapsIt() {
        // This JVM was not socket-activated: the parser says so rather than adopting a random descriptor.
        assertThatThrownBy(() -> Endpoints.serverFromString(reactor, "systemd:domain=INET:index=0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("systemd passed this process no sockets");
        assertThatThrownBy(() -> Endpoints.serverFromString(reactor, "haproxy:systemd:domain=INET:index=0"))
                .hasMessageContaining("systemd passed this process no sockets");
    }

    @Test
    void haproxyOverSystemdWrapsTheAdoptedEndpoint() {
        Descriptions.Parsed parsed = Descriptions.parse("domain=INET:index=2");
        IStreamServerEndpoint inner = SystemdEndpointParser.parse(reactor, parsed.args(), parsed.kwargs(), FIVE);
        IStreamServerEndpoint wrapped = io.jtwisted.protocols.haproxy.HAProxy.proxyEndpoint(inner);
        assertThat(((HAProxyServerEndpoint) wrapped).wrappedEndpoint()).isSameAs(inner);
    }

    @Test
    void badDescriptionsSayWhatIsWrong() {
        assertThatThrownBy(() -> parse("systemd:domain=INET:index=5", FIVE))
                .hasMessageContaining("out of range: systemd passed 5");
        assertThatThrownBy(() -> parse("systemd:domain=INET:name=nope", FIVE))
                .hasMessageContaining("no socket named 'nope'");
        assertThatThrownBy(() -> parse("systemd:domain=IPX:index=0", FIVE))
                .hasMessageContaining("unknown domain 'IPX'");
        assertThatThrownBy(() -> parse("systemd:index=0", FIVE)).hasMessageContaining("needs domain=INET");
        assertThatThrownBy(() -> parse("systemd:domain=INET", FIVE)).hasMessageContaining("one of index=N and name=");
        assertThatThrownBy(() -> parse("systemd:domain=INET:index=0:port=80", FIVE))
                .hasMessageContaining("unknown parameter 'port'");
    }
}
