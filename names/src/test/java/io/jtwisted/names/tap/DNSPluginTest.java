package io.jtwisted.names.tap;

import static io.jtwisted.trial.Trial.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.application.internet.TCPServer;
import io.jtwisted.application.service.IServiceMaker;
import io.jtwisted.application.service.MultiService;
import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.names.client.Resolver;
import io.jtwisted.names.dns.RRHeader;
import io.jtwisted.names.dns.RecordA;
import io.jtwisted.names.dns.RecordMX;
import io.jtwisted.names.error.DNSQueryRefusedError;
import io.jtwisted.trial.TrialExtension;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code twistd dns} through the plugin SPI: found by ServiceLoader, and the service it makes
 * answers from the hosts file and zone files given, over TCP on 127.0.0.1. Ported from Twisted's
 * {@code test_tap} where it applies (options parsed into zones, caches and clients); the
 * {@code --pyzone} and {@code --secondary} options are not offered.
 */
@ExtendWith(TrialExtension.class)
@Timeout(30)
class DNSPluginTest {
    @TempDir
    Path dir;

    @Test
    void theDnsPluginIsFoundByServiceLoader() {
        assertThat(ServiceLoader.load(IServiceMaker.class).stream()
                        .map(ServiceLoader.Provider::get)
                        .map(IServiceMaker::tapname))
                .contains("dns");
        assertThat(new DNSPlugin().options())
                .extracting(IServiceMaker.Option::name)
                .contains("hosts-file", "port", "bindzone", "cache", "recursive", "resolv-conf");
    }

    @Test
    void theServiceAnswersFromItsHostsFileAndZones() throws Exception {
        Files.writeString(dir.resolve("hosts"), "10.9.8.7 printer.lan\n");
        Path zone = Path.of(DNSPluginTest.class
                .getResource("/io/jtwisted/names/example.com.zone")
                .toURI());
        Map<String, String> values = new HashMap<>();
        values.put("port", "0");
        values.put("interface", "127.0.0.1");
        values.put("hosts-file", dir.resolve("hosts").toString());
        values.put("bindzone", zone.toString());
        values.put("cache", "true");
        Reactor reactor = Reactor.create();
        MultiService service =
                (MultiService) new DNSPlugin().makeService(new IServiceMaker.Options(values, List.of()), reactor);
        service.startService();
        try {
            TCPServer tcp = (TCPServer) service.iterator().next();
            int port = ((IPv4Address) tcp.port().getHost()).port();
            Resolver client =
                    new Resolver(List.of(new InetSocketAddress("127.0.0.1", port)), reactor, new double[] {5});
            assertThat(await(reactor, client.lookupAddress("printer.lan")).answers())
                    .extracting(RRHeader::payload)
                    .containsExactly(RecordA.of("10.9.8.7"));
            assertThat(await(reactor, client.lookupMailExchange("example.com")).answers())
                    .extracting(RRHeader::payload)
                    .containsExactly(RecordMX.of(10, "mail.example.com"));
            Throwable refused = org.assertj.core.api.Assertions.catchThrowable(
                    () -> await(reactor, client.lookupAddress("elsewhere.org")));
            assertThat(refused).isInstanceOf(DNSQueryRefusedError.class);
        } finally {
            io.jtwisted.internet.defer.Deferred<?> stopped = service.stopService();
            await(reactor, stopped);
        }
    }
}
