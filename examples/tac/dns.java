// The DNS MultiService of Twisted's howtos ("Service Collection"), as a twistd application file:
//     bin/twistd -ny examples/tac/dns.java
// answers from /etc/hosts (HOSTS_FILE overrides it) on port 53 (DNS_PORT overrides it), over TCP and UDP.
import io.jtwisted.application.internet.TCPServer;
import io.jtwisted.application.internet.UDPServer;
import io.jtwisted.application.service.Application;
import io.jtwisted.application.service.MultiService;
import io.jtwisted.names.dns.DNSDatagramProtocol;
import io.jtwisted.names.hosts.Resolver;
import io.jtwisted.names.server.DNSServerFactory;
import java.nio.file.Path;
import java.util.List;

public class Dns {
    public static Application application() {
        int port = Integer.parseInt(System.getenv().getOrDefault("DNS_PORT", "53"));

        // Create a MultiService, and hook up a TCPServer and a UDPServer to it as children.
        MultiService dnsService = new MultiService();
        Resolver hostsResolver = new Resolver(Path.of(System.getenv().getOrDefault("HOSTS_FILE", "/etc/hosts")));
        DNSServerFactory tcpFactory = new DNSServerFactory(List.of(hostsResolver), List.of(), List.of());
        new TCPServer(port, tcpFactory).setServiceParent(dnsService);
        DNSDatagramProtocol udpFactory = new DNSDatagramProtocol(tcpFactory);
        new UDPServer(port, udpFactory).setServiceParent(dnsService);

        // Create an application as normal
        Application application = new Application("DNSExample");

        // Connect our MultiService to the application, just like a normal service.
        dnsService.setServiceParent(application);
        return application;
    }
}
