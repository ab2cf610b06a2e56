package io.jtwisted.protocols.tls;

import static io.jtwisted.protocols.tls.TestCertificates.CLIENT;
import static io.jtwisted.protocols.tls.TestCertificates.SERVER;
import static io.jtwisted.protocols.tls.TestCertificates.TRUST_CA;
import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internal.reactor.NioReactor;
import io.jtwisted.internal.tcp.Loop;
import io.jtwisted.internet.ReactorTestSupport.CapturedLog;
import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.endpoints.Endpoints;
import io.jtwisted.internet.endpoints.SSL4ClientEndpoint;
import io.jtwisted.internet.error.ConnectionDone;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.ISSLTransport;
import io.jtwisted.internet.interfaces.ITLSTransport;
import io.jtwisted.internet.protocol.ClientFactory;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.ssl.CertificateOptions;
import io.jtwisted.internet.ssl.SSL;
import io.jtwisted.logger.LogEvent;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JTwisted's TLS against real peers: {@code openssl s_client} and {@code openssl s_server}
 * (OpenSSL 3), and the real Twisted's TLS server and client (python3-twisted with pyOpenSSL and
 * service_identity), on 127.0.0.1. Includes the renegotiation attempt of the bad-input list
 * ({@code s_client}'s {@code R} command over TLS 1.2), and STARTTLS both ways against the real
 * Twisted's {@code transport.startTLS} on plain TCP connections.
 */
@SuppressWarnings("try") // ExternalPeer.close() waits for the peer process, which an interrupt may cut short
class TlsInteropTest {
    private static final Path SCRIPTS = Path.of("src/test/resources/interop");

    private final NioReactor reactor = new NioReactor();
    private final List<IListeningPort> ports = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void closePorts() {
        for (IListeningPort p : ports) {
            Loop.result(reactor, p.stopListening());
        }
        reactor.getThreadPool().shutdownNow();
    }

    private int listenEcho(CertificateOptions options, List<Peer> accepted) {
        IListeningPort port = reactor.listenSSL(
                0,
                Factory.forProtocol(() -> {
                    Peer p = new Peer(true);
                    accepted.add(p);
                    return p;
                }),
                options,
                50,
                "127.0.0.1");
        ports.add(port);
        return ((IPv4Address) port.getHost()).port();
    }

    private static String awaitLine(NioReactor reactor, ExternalPeer peer, String fragment) {
        String[] found = new String[1];
        Loop.until(reactor, () -> {
            for (String line = peer.lines.poll(); line != null; line = peer.lines.poll()) {
                if (line.contains(fragment)) {
                    found[0] = line;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    @Test
    void opensslSClientTls13AndTls12AgainstJTwistedServer() throws IOException, InterruptedException {
        TestCertificates.writePem(dir, SERVER);
        List<Peer> accepted = new ArrayList<>();
        int port = listenEcho(TestCertificates.serverOptions(), accepted);
        for (String version : List.of("-tls1_3", "-tls1_2")) {
            try (ExternalPeer client = ExternalPeer.start(List.of(
                    "openssl",
                    "s_client",
                    version,
                    "-no_ign_eof",
                    "-connect",
                    "127.0.0.1:" + port,
                    "-servername",
                    "localhost",
                    "-verify_return_error",
                    "-verify_hostname",
                    "localhost",
                    "-CAfile",
                    dir.resolve("ca.pem").toString()))) {
                awaitLine(reactor, client, "Verify return code: 0 (ok)");
                client.send("hello " + version + "\n");
                awaitLine(reactor, client, "hello " + version);
                client.closeInput();
                Peer server = accepted.get(accepted.size() - 1);
                assertThat(server.awaitLost(reactor).value()).isInstanceOf(ConnectionDone.class);
                assertThat(server.text()).isEqualTo("hello " + version + "\n");
            }
        }
    }

    @Test
    void renegotiationAttemptIsRefusedWithALoggedReasonAndOthersGoOn() throws IOException, InterruptedException {
        TestCertificates.writePem(dir, SERVER);
        List<Peer> accepted = new ArrayList<>();
        int port = listenEcho(TestCertificates.serverOptions(), accepted);
        Peer good = Loop.result(
                reactor,
                Endpoints.connectProtocol(
                        new SSL4ClientEndpoint(
                                reactor, "localhost", port, SSL.optionsForClientTLS("localhost", TRUST_CA)),
                        new Peer(false)));
        try (CapturedLog log = new CapturedLog();
                ExternalPeer client = ExternalPeer.start(List.of(
                        "openssl",
                        "s_client",
                        "-tls1_2",
                        "-connect",
                        "127.0.0.1:" + port,
                        "-CAfile",
                        dir.resolve("ca.pem").toString()))) {
            awaitLine(reactor, client, "Verify return code");
            client.send("R\n");
            Loop.until(reactor, () -> accepted.size() == 2 && accepted.get(1).reason != null);
            assertThat(accepted.get(1).reason.getErrorMessage()).contains("renegotiation");
            assertThat(log.events.stream().map(LogEvent::message)).anyMatch(m -> m.contains("renegotiation"));
        }
        good.transport().write("still fine".getBytes(StandardCharsets.US_ASCII));
        Loop.until(reactor, () -> good.text().equals("still fine"));
        good.transport().loseConnection();
        good.awaitLost(reactor);
    }

    @Test
    void jtwistedClientAgainstOpensslSServerWithAClientCertificate() throws IOException, InterruptedException {
        TestCertificates.writePem(dir, SERVER);
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        try (ExternalPeer server = ExternalPeer.start(List.of(
                "openssl",
                "s_server",
                "-accept",
                "127.0.0.1:" + port,
                "-cert",
                dir.resolve("cert.pem").toString(),
                "-key",
                dir.resolve("key.pem").toString(),
                "-Verify",
                "2",
                "-CAfile",
                dir.resolve("ca.pem").toString(),
                "-rev"))) {
            server.awaitLine("ACCEPT");
            Peer client = Loop.result(
                    reactor,
                    Endpoints.connectProtocol(
                            new SSL4ClientEndpoint(
                                    reactor, "localhost", port, SSL.optionsForClientTLS("localhost", TRUST_CA, CLIENT)),
                            new Peer(false)));
            assertThat(((ISSLTransport) client.transport()).getPeerCertificate())
                    .isEqualTo(SERVER);
            client.transport().write("abc\n".getBytes(StandardCharsets.US_ASCII));
            Loop.until(reactor, () -> client.text().contains("cba"));
            client.transport().loseConnection();
            client.awaitLost(reactor);
            assertThat(server.awaitLine("CN = client"))
                    .as("s_server verified our client certificate")
                    .isNotEmpty();
        }
    }

    @Test
    void realTwistedClientAgainstJTwistedServer() throws IOException {
        TestCertificates.writePem(dir, SERVER);
        List<Peer> accepted = new ArrayList<>();
        int port = listenEcho(TestCertificates.serverOptions(), accepted);
        try (ExternalPeer client = ExternalPeer.start(List.of(
                "/usr/bin/python3",
                SCRIPTS.resolve("tls_client.py").toString(),
                Integer.toString(port),
                "localhost",
                dir.resolve("ca.pem").toString(),
                "hello from Twisted"))) {
            assertThat(awaitLine(reactor, client, "hello")).isEqualTo("hello from Twisted");
            assertThat(awaitLine(reactor, client, "peer:")).isEqualTo("peer: localhost");
            Loop.until(reactor, () -> !accepted.isEmpty() && accepted.get(0).reason != null);
            assertThat(accepted.get(0).reason.value()).isInstanceOf(ConnectionDone.class);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void realTwistedClientRejectsAWrongHostName() throws IOException, InterruptedException {
        TestCertificates.writePem(dir, SERVER);
        int port = listenEcho(TestCertificates.serverOptions(), new ArrayList<>());
        try (ExternalPeer client = ExternalPeer.start(List.of(
                "/usr/bin/python3",
                SCRIPTS.resolve("tls_client.py").toString(),
                Integer.toString(port),
                "example.com",
                dir.resolve("ca.pem").toString(),
                "x"))) {
            assertThat(awaitLine(reactor, client, "failed:")).containsIgnoringCase("example.com");
        }
    }

    @Test
    void jtwistedClientAgainstRealTwistedServerRequiringAClientCertificate() throws IOException, InterruptedException {
        Path serverPem = dir.resolve("server.pem");
        SERVER.dumpPEMFile(serverPem);
        Path ca = dir.resolve("ca-only.pem");
        Files.writeString(ca, new io.jtwisted.internet.ssl.Certificate(TestCertificates.CA.x509()).dumpPEM());
        try (ExternalPeer server = ExternalPeer.start(List.of(
                "/usr/bin/python3",
                SCRIPTS.resolve("tls_echo_server.py").toString(),
                serverPem.toString(),
                ca.toString()))) {
            int port = Integer.parseInt(server.awaitLine("").strip());
            Peer client = Loop.result(
                    reactor,
                    Endpoints.connectProtocol(
                            new SSL4ClientEndpoint(
                                    reactor, "localhost", port, SSL.optionsForClientTLS("localhost", TRUST_CA, CLIENT)),
                            new Peer(false)));
            client.transport().write("over pyOpenSSL".getBytes(StandardCharsets.US_ASCII));
            Loop.until(reactor, () -> client.text().equals("over pyOpenSSL"));
            client.transport().loseConnection();
            assertThat(client.awaitLost(reactor).value()).isInstanceOf(ConnectionDone.class);

            Peer anonymous = new Peer(false);
            Endpoints.connectProtocol(
                    new SSL4ClientEndpoint(reactor, "localhost", port, SSL.optionsForClientTLS("localhost", TRUST_CA)),
                    anonymous);
            assertThat(anonymous.awaitLost(reactor).value()).isNotInstanceOf(ConnectionDone.class);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void jtwistedClientStartsTlsOnAPlainConnectionToTheRealTwistedsStartTlsServer()
            throws IOException, InterruptedException {
        Path serverPem = dir.resolve("server.pem");
        SERVER.dumpPEMFile(serverPem);
        try (ExternalPeer server = ExternalPeer.start(List.of(
                "/usr/bin/python3", SCRIPTS.resolve("starttls_server.py").toString(), serverPem.toString()))) {
            int port = Integer.parseInt(server.awaitLine("").strip());
            Peer client = new Peer(false) {
                boolean switched;

                @Override
                public void connectionMade() {
                    transport.write(ascii("STARTTLS\r\n"));
                }

                @Override
                public void dataReceived(byte[] data) {
                    super.dataReceived(data);
                    if (!switched && text().equals("GO\r\n")) { // the answer in clear
                        switched = true;
                        received.reset();
                        ((ITLSTransport) transport).startTLS(SSL.optionsForClientTLS("localhost", TRUST_CA));
                        transport.write(ascii("hello\r\n"));
                    } else if (switched && text().equals("tls:hello\r\n")) {
                        transport.loseConnection();
                    }
                }
            };
            reactor.connectTCP(
                    "127.0.0.1",
                    port,
                    new ClientFactory() {
                        @Override
                        public IProtocol buildProtocol(IAddress address) {
                            return client;
                        }
                    },
                    10,
                    null);
            assertThat(client.awaitLost(reactor).value()).isInstanceOf(ConnectionDone.class);
            assertThat(client.text()).isEqualTo("tls:hello\r\n");
            assertThat(((ITLSTransport) client.transport()).sslTransport().getPeerCertificate())
                    .isEqualTo(SERVER);
        }
    }

    /** A plain line server that answers STARTTLS with GO, switches, and answers hello with tls:hello over TLS. */
    private static Factory startTlsLineServer(Peer[] accepted) {
        return Factory.forProtocol(() -> {
            accepted[0] = new Peer(false) {
                boolean switched;

                @Override
                public void dataReceived(byte[] data) {
                    super.dataReceived(data);
                    if (!switched && text().equals("STARTTLS\r\n")) {
                        switched = true;
                        received.reset();
                        transport.write(ascii("GO\r\n"));
                        ((ITLSTransport) transport).startTLS(TestCertificates.serverOptions());
                    } else if (switched && text().equals("hello\r\n")) {
                        transport.write(ascii("tls:hello\r\n"));
                        transport.loseConnection();
                    }
                }
            };
            return accepted[0];
        });
    }

    /**
     * Runs the real Twisted's STARTTLS client against {@code address} (a port or a socket path) and
     * checks the exchange; {@code clientEnds} are the reasons the client may report.
     */
    private void realTwistedStartTlsClient(String address, Peer[] accepted, String... clientEnds)
            throws IOException, InterruptedException {
        Path ca = dir.resolve("ca.pem");
        Files.writeString(ca, new io.jtwisted.internet.ssl.Certificate(TestCertificates.CA.x509()).dumpPEM());
        try (ExternalPeer client = ExternalPeer.start(List.of(
                "/usr/bin/python3", SCRIPTS.resolve("starttls_client.py").toString(), address, ca.toString()))) {
            assertThat(awaitLine(reactor, client, "line")).isEqualTo("line tls:hello");
            assertThat(awaitLine(reactor, client, "peer")).isEqualTo("peer localhost");
            assertThat(awaitLine(reactor, client, "lost")).isIn((Object[]) clientEnds);
            Loop.until(reactor, () -> accepted[0] != null && accepted[0].reason != null);
            assertThat(accepted[0].reason.value()).isInstanceOf(ConnectionDone.class);
        }
    }

    @Test
    void realTwistedClientStartsTlsAgainstAPlainJtwistedTcpServer() throws IOException, InterruptedException {
        Peer[] accepted = new Peer[1];
        IListeningPort listening = reactor.listenTCP(0, startTlsLineServer(accepted), 50, "127.0.0.1");
        ports.add(listening);
        realTwistedStartTlsClient(
                String.valueOf(((IPv4Address) listening.getHost()).port()), accepted, "lost ConnectionDone");
    }

    /**
     * The UNIX transport is an ITLSTransport too, as Twisted's unix.Server (a tcp.Server) is. After
     * our close_notify Twisted reports its transport's reason (twisted/protocols/tls.py,
     * {@code _tlsShutdownFinished(None)}), and on a UNIX socket its close_notify reply to our closed
     * socket may fail with EPIPE first, so either end is Twisted's; ours is ConnectionDone.
     */
    @Test
    void realTwistedClientStartsTlsOverAUnixSocketAgainstAPlainJtwistedUnixServer()
            throws IOException, InterruptedException {
        Peer[] accepted = new Peer[1];
        String path = dir.resolve("starttls.sock").toString();
        ports.add(reactor.listenUNIX(path, startTlsLineServer(accepted)));
        realTwistedStartTlsClient(path, accepted, "lost ConnectionDone", "lost ConnectionLost");
    }
}
