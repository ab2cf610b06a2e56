package io.jtwisted.names.tap;

import io.jtwisted.application.internet.TCPServer;
import io.jtwisted.application.service.IService;
import io.jtwisted.application.service.IServiceMaker;
import io.jtwisted.application.service.MultiService;
import io.jtwisted.internet.Reactor;
import io.jtwisted.names.authority.BindAuthority;
import io.jtwisted.names.cache.CacheResolver;
import io.jtwisted.names.client.Resolver;
import io.jtwisted.names.common.IResolver;
import io.jtwisted.names.dns.DNSDatagramProtocol;
import io.jtwisted.names.server.DNSServerFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code twistd dns}: a domain name server, as Twisted's {@code twisted.names.tap}.
 *
 * <pre>
 * twistd -n dns --hosts-file FILE --port 10053 [--interface ADDR] [--bindzone FILE[,FILE...]]
 *               [--cache] [--recursive] [--resolv-conf FILE] [--allow-transfer ADDR[,ADDR...]]
 * </pre>
 *
 * Zone files and the hosts file are authorities (their answers carry AA); {@code --cache} adds a
 * cache; {@code --recursive} (implied by {@code --resolv-conf}) forwards other names to the servers
 * of resolv.conf. Twisted treats the hosts file as an upstream resolver instead, so its answers
 * from it are not authoritative. The server listens on TCP and UDP, on the same port.
 */
public final class DNSPlugin implements IServiceMaker {
    @Override
    public String tapname() {
        return "dns";
    }

    @Override
    public String description() {
        return "A domain name server.";
    }

    @Override
    public List<Option> options() {
        return List.of(
                Option.value("port", "p", "PORT", "53", "the port on which to listen"),
                Option.value("interface", "i", "ADDRESS", "", "the interface to which to bind"),
                Option.value("hosts-file", null, "FILE", null, "answer from a hosts(5) file"),
                Option.value("bindzone", null, "FILE[,FILE...]", null, "serve BIND zone files"),
                Option.flag("cache", "c", "cache the answers of upstream servers"),
                Option.flag("recursive", "r", "ask the servers of resolv.conf about other names"),
                Option.value("resolv-conf", null, "FILE", null, "the resolv.conf to use (implies --recursive)"),
                Option.value(
                        "allow-transfer",
                        null,
                        "ADDRESS[,ADDRESS...]",
                        null,
                        "addresses allowed zone transfers (AXFR over TCP)"));
    }

    @Override
    public IService makeService(Options options) throws Exception {
        return makeService(options, Reactor.reactor);
    }

    /** The service for {@code options}, on {@code reactor} (tests and embedders pass their own). */
    public IService makeService(Options options, Reactor reactor) throws IOException {
        List<IResolver> authorities = new ArrayList<>();
        String zones = options.get("bindzone");
        if (zones != null) {
            for (String zone : zones.split(",")) {
                authorities.add(new BindAuthority(Path.of(zone.strip())));
            }
        }
        String hostsFile = options.get("hosts-file");
        if (hostsFile != null) {
            authorities.add(new io.jtwisted.names.hosts.Resolver(
                    Path.of(hostsFile), io.jtwisted.names.hosts.Resolver.DEFAULT_TTL, reactor, 1.0));
        }
        List<IResolver> caches = options.isSet("cache") ? List.of(new CacheResolver(reactor)) : List.of();
        List<IResolver> clients = new ArrayList<>();
        String resolvConf = options.get("resolv-conf");
        if (options.isSet("recursive") || resolvConf != null) {
            clients.add(
                    Resolver.fromResolvConf(Path.of(resolvConf != null ? resolvConf : "/etc/resolv.conf"), reactor));
        }
        DNSServerFactory factory = new DNSServerFactory(authorities, caches, clients);
        String allowed = options.get("allow-transfer");
        if (allowed != null) {
            for (String address : allowed.split(",")) {
                factory.allowTransfersFrom(address.strip());
            }
        }
        MultiService service = new MultiService();
        int port = options.getInt("port");
        String iface = Objects.requireNonNullElse(options.get("interface"), ""); // its default is ""
        TCPServer tcp = new TCPServer(port, factory, 50, iface);
        tcp.setReactor(reactor);
        tcp.setServiceParent(service);
        // With port 0, UDP takes the port the system gave TCP, so both share one number.
        new UdpListener(() -> port != 0 ? port : portOf(tcp), new DNSDatagramProtocol(factory), iface, reactor)
                .setServiceParent(service);
        return service;
    }

    private static int portOf(TCPServer tcp) {
        var listening = tcp.port();
        if (listening == null) { // the TCP service starts before the UDP one, so it listens by now
            throw new IllegalStateException("the DNS server's TCP port is not listening yet");
        }
        io.jtwisted.internet.interfaces.IAddress host = listening.getHost();
        if (host instanceof io.jtwisted.internet.address.IPv4Address v4) {
            return v4.port();
        }
        return ((io.jtwisted.internet.address.IPv6Address) host).port();
    }
}
