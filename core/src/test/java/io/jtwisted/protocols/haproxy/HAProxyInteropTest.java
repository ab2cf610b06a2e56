package io.jtwisted.protocols.haproxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internal.reactor.NioReactor;
import io.jtwisted.internal.tcp.Loop;
import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.endpoints.Endpoints;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.internet.testing.EventLoggingObserver;
import io.jtwisted.logger.LogPublisher;
import io.jtwisted.testing.ExternalCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real HAProxy (Debian's haproxy) in front of a JTwisted server listening on
 * {@code haproxy:tcp:PORT:interface=127.0.0.1}, on loopback: one HAProxy frontend sends PROXY
 * version 1 ({@code send-proxy}), another version 2 ({@code send-proxy-v2}). The client connects
 * from 127.0.0.2, so the address the server reports can only have come from the header (HAProxy's
 * own connection to the server comes from 127.0.0.1, from another port). No Twisted case is ported
 * here: Twisted tests the PROXY protocol only in memory.
 */
class HAProxyInteropTest {
    private static String haproxy;
    private final NioReactor reactor = new NioReactor();
    private IListeningPort server;
    private Process proxy;
    private int v1Port;
    private int v2Port;

    @TempDir
    Path dir;

    /** Answers the first bytes it gets with the addresses its transport reports, then closes. */
    static final class Reporter extends Protocol {
        @Override
        public void dataReceived(byte[] data) {
            String text = new String(data, StandardCharsets.US_ASCII).strip();
            transport.write(("peer=" + show(transport.getPeer()) + " host=" + show(transport.getHost()) + " data="
                            + text + "\n")
                    .getBytes(StandardCharsets.US_ASCII));
            transport.loseConnection();
        }

        private static String show(IAddress address) {
            IPv4Address v4 = (IPv4Address) address;
            return v4.host() + ":" + v4.port();
        }
    }

    @BeforeAll
    static void requireHAProxy() {
        haproxy = ExternalCommands.require("HAProxyInteropTest", "haproxy", "haproxy");
    }

    @BeforeEach
    void startServerAndProxy() throws Exception {
        server = Loop.result(
                reactor,
                Endpoints.serverFromString(reactor, "haproxy:tcp:0:interface=127.0.0.1")
                        .listen(Factory.forProtocol(Reporter::new)));
        int serverPort = ((IPv4Address) server.getHost()).port();
        v1Port = freePort();
        v2Port = freePort();
        Path config = dir.resolve("haproxy.cfg");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "defaults",
                        "  mode tcp",
                        "  timeout connect 5s",
                        "  timeout client 20s",
                        "  timeout server 20s",
                        "frontend v1",
                        "  bind 127.0.0.1:" + v1Port,
                        "  default_backend send_v1",
                        "frontend v2",
                        "  bind 127.0.0.1:" + v2Port,
                        "  default_backend send_v2",
                        "backend send_v1",
                        "  server jtwisted 127.0.0.1:" + serverPort + " send-proxy",
                        "backend send_v2",
                        "  server jtwisted 127.0.0.1:" + serverPort + " send-proxy-v2",
                        ""));
        proxy = new ProcessBuilder(haproxy, "-db", "-f", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("haproxy.log").toFile())
                .start();
    }

    @AfterEach
    void stop() throws Exception {
        if (proxy != null) {
            proxy.destroy();
            if (!proxy.waitFor(10, TimeUnit.SECONDS)) {
                proxy.destroyForcibly();
            }
        }
        if (server != null) {
            Loop.result(reactor, server.stopListening());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return probe.getLocalPort();
        }
    }

    /**
     * From 127.0.0.2, connects to {@code port} (retrying while HAProxy starts, at most 10 s), sends
     * {@code message} and reads the reply to the end; also returns the client's own port.
     */
    private CompletableFuture<String[]> exchange(int port, String message) {
        return CompletableFuture.supplyAsync(() -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (true) {
                try (Socket socket = new Socket()) {
                    socket.bind(new InetSocketAddress("127.0.0.2", 0));
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                    socket.setSoTimeout(10_000);
                    OutputStream out = socket.getOutputStream();
                    out.write(message.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    InputStream in = socket.getInputStream();
                    String reply;
                    try {
                        reply = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                    } catch (java.net.SocketException reset) {
                        reply = "(reset)"; // closed with our bytes unread: also a refusal
                    }
                    return new String[] {reply, Integer.toString(socket.getLocalPort())};
                } catch (java.net.ConnectException notYet) {
                    if (System.nanoTime() > deadline || !proxy.isAlive()) {
                        throw new AssertionError("HAProxy did not accept on " + port + ": " + log(), notYet);
                    }
                    Thread.onSpinWait();
                } catch (IOException e) {
                    throw new AssertionError("exchange through HAProxy failed: " + log(), e);
                }
            }
        });
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("haproxy.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private String[] through(int port, String message) throws Exception {
        CompletableFuture<String[]> reply = exchange(port, message);
        Loop.until(reactor, reply::isDone);
        return reply.get();
    }

    @Test
    void sendProxyGivesTheServerTheClientsAddress() throws Exception {
        String[] reply = through(v1Port, "hello v1\n");
        assertThat(reply[0]).isEqualTo("peer=127.0.0.2:" + reply[1] + " host=127.0.0.1:" + v1Port + " data=hello v1\n");
    }

    @Test
    void sendProxyV2GivesTheServerTheClientsAddress() throws Exception {
        String[] reply = through(v2Port, "hello v2\n");
        assertThat(reply[0]).isEqualTo("peer=127.0.0.2:" + reply[1] + " host=127.0.0.1:" + v2Port + " data=hello v2\n");
    }

    @Test
    void aClientBypassingTheProxyIsClosedWithALoggedReason() throws Exception {
        int serverPort = ((IPv4Address) server.getHost()).port();
        try (EventLoggingObserver logged = EventLoggingObserver.observing(LogPublisher.globalLogPublisher())) {
            String[] reply = through(serverPort, "GET / HTTP/1.0\r\n\r\n");
            assertThat(reply[0]).as("no answer, the connection closed").isIn("", "(reset)");
            assertThat(logged.events())
                    .anySatisfy(event -> assertThat(event.message())
                            .contains("no PROXY header")
                            .contains("127.0.0.2"));
        }
    }
}
