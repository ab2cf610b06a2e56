package io.jtwisted.names.interop;

import static io.jtwisted.trial.Trial.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IUDPTransport;
import io.jtwisted.names.authority.BindAuthority;
import io.jtwisted.names.client.Resolver;
import io.jtwisted.names.dns.DNSDatagramProtocol;
import io.jtwisted.names.dns.DNSQueryTimeoutError;
import io.jtwisted.names.dns.RRHeader;
import io.jtwisted.names.dns.RecordA;
import io.jtwisted.names.server.DNSServerFactory;
import io.jtwisted.trial.TrialExtension;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The JTwisted client against the JTwisted server over real sockets on 127.0.0.1: queries go over
 * UDP, each from a socket of its own (a port the system picks); a truncated UDP answer is asked again over TCP; a server that does not answer makes the
 * client time out after its timeouts.
 */
@ExtendWith(TrialExtension.class)
@Timeout(30)
class ClientServerTest {
    private final Reactor reactor = Reactor.create();
    private IListeningPort tcp;
    private IUDPTransport udp;
    private int tcpConnections;

    @AfterEach
    void stop() {
        if (tcp != null) {
            await(reactor, tcp.stopListening());
        }
        if (udp != null) {
            await(reactor, udp.stopListening());
        }
    }

    private DNSServerFactory factory() throws Exception {
        BindAuthority zone = new BindAuthority(Path.of(ClientServerTest.class
                .getResource("/io/jtwisted/names/example.com.zone")
                .toURI()));
        return new DNSServerFactory(List.of(zone), List.of(), List.of()) {
            @Override
            public IProtocol buildProtocol(IAddress address) {
                tcpConnections++;
                return super.buildProtocol(address);
            }
        };
    }

    private Resolver client(int port) {
        return new Resolver(List.of(new InetSocketAddress("127.0.0.1", port)), reactor, new double[] {2});
    }

    @Test
    void queriesGoOverUdp() throws Exception {
        udp = reactor.listenUDP(0, new DNSDatagramProtocol(factory()), "127.0.0.1", 65535);
        int port = ((IPv4Address) udp.getHost()).port();
        assertThat(await(reactor, client(port).lookupAddress("web.example.com")).answers())
                .extracting(RRHeader::payload)
                .containsExactly(RecordA.of("10.0.0.80"), RecordA.of("10.0.0.81"));
    }

    @Test
    void aTruncatedUdpAnswerIsAskedAgainOverTcp() throws Exception {
        DNSServerFactory factory = factory();
        tcp = reactor.listenTCP(0, factory, 50, "127.0.0.1");
        int port = ((IPv4Address) tcp.getHost()).port();
        udp = reactor.listenUDP(port, new DNSDatagramProtocol(factory), "127.0.0.1", 65535);
        Resolver client = client(port);
        assertThat(await(reactor, client.lookupText("big.example.com")).answers())
                .hasSize(16);
        assertThat(tcpConnections).isEqualTo(1);
        assertThat(await(reactor, client.lookupAddress("web.example.com")).answers())
                .hasSize(2);
        assertThat(tcpConnections).isEqualTo(1);
    }

    @Test
    void aSilentServerMakesTheLookupTimeOut() throws Exception {
        udp = reactor.listenUDP(0, new DNSDatagramProtocol((message, protocol, address) -> {}), "127.0.0.1", 512);
        int port = ((IPv4Address) udp.getHost()).port();
        Resolver client =
                new Resolver(List.of(new InetSocketAddress("127.0.0.1", port)), reactor, new double[] {0.2, 0.3});
        Throwable error = org.assertj.core.api.Assertions.catchThrowable(
                () -> await(reactor, client.lookupAddress("web.example.com")));
        assertThat(error).isInstanceOf(DNSQueryTimeoutError.class);
    }

    @Test
    void eachQueryComesFromItsOwnPort() throws Exception {
        DNSServerFactory factory = factory();
        java.util.Set<Integer> sourcePorts = new java.util.HashSet<>();
        udp = reactor.listenUDP(
                0,
                new DNSDatagramProtocol((message, protocol, address) -> {
                    sourcePorts.add(((IPv4Address) address).port());
                    factory.messageReceived(message, protocol, address);
                }),
                "127.0.0.1",
                65535);
        Resolver client = client(((IPv4Address) udp.getHost()).port());
        for (String name : List.of("web.example.com", "mail.example.com", "sip.example.com", "ns1.example.com")) {
            assertThat(await(reactor, client.lookupAddress(name)).answers()).isNotEmpty();
        }
        assertThat(sourcePorts).hasSizeGreaterThanOrEqualTo(3);
    }
}
