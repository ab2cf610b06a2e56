package io.jtwisted.names;

import static io.jtwisted.trial.Trial.await;
import static io.jtwisted.trial.Trial.successResultOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.application.internet.TCPServer;
import io.jtwisted.application.service.Application;
import io.jtwisted.application.service.MultiService;
import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IUDPTransport;
import io.jtwisted.names.common.IResolver;
import io.jtwisted.names.dns.DNSDatagramProtocol;
import io.jtwisted.names.dns.Dns;
import io.jtwisted.names.dns.Message;
import io.jtwisted.names.dns.Query;
import io.jtwisted.names.dns.RRHeader;
import io.jtwisted.names.dns.RecordA;
import io.jtwisted.names.hosts.Resolver;
import io.jtwisted.names.server.DNSServerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code docs/names.md quotes (examples' DocSnippetsTest checks the quotes), run here so that a
 * snippet that stops working fails a test.
 */
@org.junit.jupiter.api.extension.ExtendWith(io.jtwisted.trial.TrialExtension.class)
class DocExamplesTest {
    @TempDir
    Path dir;

    @Test
    void messagesEncodeDecodeAndTruncate() {
        Message query = Message.query(0x1234, Query.of("www.example.com", Dns.A));
        byte[] wire = query.toBytes();

        Message response = Message.responseTo(Message.fromBytes(wire)).auth(true);
        response.answers().add(RRHeader.of("www.example.com", RecordA.of("10.0.0.80"), 3600));
        byte[] udpAnswer = response.toBytes(512); // cut to 512 octets, TC set if answers were left out

        assertThat(Message.fromBytes(udpAnswer).answers()).hasSize(1);
    }

    @Test
    void aHostsFileAnswersLookups() throws Exception {
        Path etcHosts = dir.resolve("hosts");
        Files.writeString(etcHosts, "127.0.0.1 localhost\n");
        List<String> addresses = new ArrayList<>();
        IResolver hosts = new io.jtwisted.names.hosts.Resolver(etcHosts);
        hosts.lookupAddress("localhost").addCallback(result -> {
            for (RRHeader record : result.answers()) {
                addresses.add(((RecordA) record.payload()).dottedQuad());
            }
            return null;
        });
        assertThat(addresses).containsExactly("127.0.0.1");
        successResultOf(hosts.lookupAddress("localhost"));
    }

    /** The howtos' MultiService example: a DNS server for a hosts file. */
    public static Application application() {
        int port = 10053;
        MultiService dnsService = new MultiService();
        Resolver hostsResolver = new Resolver(Path.of("/etc/hosts"));
        DNSServerFactory tcpFactory = new DNSServerFactory(List.of(hostsResolver), List.of(), List.of());
        new TCPServer(port, tcpFactory).setServiceParent(dnsService);
        Application application = new Application("DNSExample");
        dnsService.setServiceParent(application);
        return application;
    }

    @Test
    void aServerListensOnTcpAndUdpOnOnePort() throws Exception {
        Reactor reactor = Reactor.create();
        int port;
        try (java.net.ServerSocket probe =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        Resolver hostsResolver = new Resolver(Path.of("/etc/hosts"));
        DNSServerFactory factory = new DNSServerFactory(List.of(hostsResolver), List.of(), List.of());
        IListeningPort tcp = reactor.listenTCP(port, factory, 50, "127.0.0.1");
        IUDPTransport udp = reactor.listenUDP(port, new DNSDatagramProtocol(factory), "127.0.0.1");
        assertThat(((IPv4Address) udp.getHost()).port()).isEqualTo(((IPv4Address) tcp.getHost()).port());
        await(reactor, tcp.stopListening());
        await(reactor, udp.stopListening());
    }

    @Test
    void theMultiServiceExampleBuildsItsServiceTree() {
        Application application = application();
        MultiService dns = (MultiService) application.iterator().next();
        assertThat(dns.iterator().next()).isInstanceOf(TCPServer.class);
        assertThat(((TCPServer) dns.iterator().next()).factory()).isInstanceOf(DNSServerFactory.class);
    }
}
