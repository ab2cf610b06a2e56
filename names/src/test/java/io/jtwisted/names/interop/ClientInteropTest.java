package io.jtwisted.names.interop;

import static io.jtwisted.trial.Trial.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internet.Reactor;
import io.jtwisted.names.client.Resolver;
import io.jtwisted.names.dns.RRHeader;
import io.jtwisted.names.dns.RecordA;
import io.jtwisted.names.dns.RecordAAAA;
import io.jtwisted.names.error.DNSNameError;
import io.jtwisted.names.error.DNSQueryRefusedError;
import io.jtwisted.trial.TrialExtension;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JTwisted client against real servers on 127.0.0.1: the real Twisted's {@code twistd dns}
 * and {@code dnsmasq}, each serving the same hosts file. Each test is skipped only when its peer
 * is not installed ({@code .ci/run} installs both).
 */
@ExtendWith(TrialExtension.class)
@Timeout(60)
class ClientInteropTest {
    private static final String HOSTS = """
            10.1.2.3     alpha.test
            10.1.2.4     beta.test beta-alias.test
            10.1.2.5     beta.test
            2001:db8::7  gamma.test
            """;

    @TempDir
    Path dir;

    private final Reactor reactor = Reactor.create();
    private final List<Process> peers = new ArrayList<>();

    @AfterEach
    void stopPeers() throws InterruptedException {
        for (Process p : peers) {
            p.destroy();
            if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private int start(List<String> command) throws Exception {
        Files.writeString(dir.resolve("hosts"), HOSTS);
        int port = Integer.parseInt(command.get(command.size() - 1));
        List<String> args = new ArrayList<>(command.subList(0, command.size() - 1));
        Process p = new ProcessBuilder(args)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("peer.log").toFile())
                .start();
        peers.add(p);
        await(reactor, listening(port));
        return port;
    }

    /** Completes once something accepts TCP connections on {@code port} (within 20 seconds). */
    @SuppressWarnings("try") // the socket is only a probe: connecting is the test
    private static CompletableFuture<Void> listening(int port) {
        return CompletableFuture.runAsync(() -> {
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (true) {
                try (Socket socket = new Socket("127.0.0.1", port)) {
                    return;
                } catch (IOException notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("nothing listens on " + port);
                    }
                    java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
                }
            }
        });
    }

    private Resolver client(int port) {
        return new Resolver(List.of(new InetSocketAddress("127.0.0.1", port)), reactor, new double[] {2, 5});
    }

    private void checkHostsAnswers(Resolver resolver) {
        List<RRHeader> alpha =
                await(reactor, resolver.lookupAddress("alpha.test")).answers();
        assertThat(alpha).extracting(RRHeader::payload).containsExactly(RecordA.of("10.1.2.3"));
        List<RRHeader> beta =
                await(reactor, resolver.lookupAddress("beta.test")).answers();
        assertThat(beta)
                .extracting(RRHeader::payload)
                .containsExactlyInAnyOrder(RecordA.of("10.1.2.4"), RecordA.of("10.1.2.5"));
        assertThat(await(reactor, resolver.lookupIPV6Address("gamma.test")).answers())
                .extracting(RRHeader::payload)
                .containsExactly(RecordAAAA.of("2001:db8::7"));
        assertThat(await(reactor, resolver.getHostByName("beta-alias.test"))).isEqualTo("10.1.2.4");
    }

    @Test
    void againstTwistedsTwistdDns() throws Exception {
        Assumptions.assumeTrue(Peers.installed("twistd3", "--version"), "twistd3 (python3-twisted) is not installed");
        int port = freePort();
        start(List.of(
                "twistd3",
                "-n",
                "--pidfile=",
                "-l",
                dir.resolve("twistd.log").toString(),
                "dns",
                "-p",
                Integer.toString(port),
                "-i",
                "127.0.0.1",
                "--hosts-file",
                dir.resolve("hosts").toString(),
                Integer.toString(port)));
        Resolver resolver = client(port);
        checkHostsAnswers(resolver);
        // Twisted answers NXDOMAIN for a name its hosts file lacks.
        assertThatThrownBy(() -> await(reactor, resolver.lookupAddress("missing.test")))
                .isInstanceOf(DNSNameError.class);
    }

    @Test
    void againstDnsmasq() throws Exception {
        // dnsmasq lives in /usr/sbin, which a non-root PATH may lack.
        String dnsmasq = Peers.installed("dnsmasq", "--version") ? "dnsmasq" : "/usr/sbin/dnsmasq";
        Assumptions.assumeTrue(Peers.installed(dnsmasq, "--version"), "dnsmasq is not installed");
        int port = freePort();
        start(List.of(
                dnsmasq,
                "-k",
                "-C",
                "/dev/null",
                "--port=" + port,
                "--listen-address=127.0.0.1",
                "--bind-interfaces",
                "--no-resolv",
                "--no-hosts",
                "--addn-hosts=" + dir.resolve("hosts"),
                "--pid-file=" + dir.resolve("dnsmasq.pid"),
                "--user=root",
                "--group=root",
                Integer.toString(port)));
        Resolver resolver = client(port);
        checkHostsAnswers(resolver);
        // dnsmasq without upstream servers refuses what it cannot answer.
        assertThatThrownBy(() -> await(reactor, resolver.lookupAddress("missing.test")))
                .isInstanceOf(DNSQueryRefusedError.class);
    }
}
