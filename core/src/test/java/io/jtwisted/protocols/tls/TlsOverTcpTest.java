package io.jtwisted.protocols.tls;

import static io.jtwisted.protocols.tls.TestCertificates.OTHER_HOST;
import static io.jtwisted.protocols.tls.TestCertificates.TRUST_CA;
import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internal.reactor.NioReactor;
import io.jtwisted.internal.tcp.Loop;
import io.jtwisted.internet.ReactorTestSupport.CapturedLog;
import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.endpoints.Endpoints;
import io.jtwisted.internet.endpoints.SSL4ClientEndpoint;
import io.jtwisted.internet.endpoints.SSL4ServerEndpoint;
import io.jtwisted.internet.error.ConnectionDone;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IPushProducer;
import io.jtwisted.internet.interfaces.ISSLTransport;
import io.jtwisted.internet.interfaces.ITCPTransport;
import io.jtwisted.internet.protocol.ClientFactory;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.ssl.CertificateOptions;
import io.jtwisted.internet.ssl.SSL;
import io.jtwisted.logger.LogEvent;
import io.jtwisted.python.failure.Failure;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS over real TCP connections on 127.0.0.1, both ends JTwisted, delegated tasks where
 * {@code listenSSL}/{@code connectSSL} put them by default (inline within the budget, else on the
 * reactor's thread pool; TlsTransportContractTest runs both placements on purpose).
 *
 * <p>Ports of twisted/internet/test/test_tls.py (SSLClientTestsMixin, TLSPortTestsBuilder,
 * the STARTTLS cases live in internal.tcp.ConnectionStartTlsTest): test_disconnectAfterWriteAfterStartTLS's
 * write-then-close, test_badContext (a failed handshake reaches connectionLost); of
 * twisted/test/test_ssl.py: test_bufferedWrite / test_openSSLBuffering (many writes echoed
 * intact), test_protocolLost (connectionLost with ConnectionDone after close), and the
 * test_endpoints.py SSL4ServerEndpoint / SSL4ClientEndpoint listen-and-connect cases and
 * the ssl:/tls: description cases. Bad input (garbage, truncated record, client stopping
 * mid-handshake) is checked here too. Not ported: the pyOpenSSL-specific context tests.
 */
class TlsOverTcpTest {
    private final NioReactor reactor = new NioReactor();
    private final List<IListeningPort> ports = new ArrayList<>();

    @AfterEach
    void closePorts() {
        for (IListeningPort p : ports) {
            Loop.result(reactor, p.stopListening());
        }
        reactor.getThreadPool().shutdownNow();
    }

    private int listen(CertificateOptions options, Factory factory) {
        IListeningPort port = reactor.listenSSL(0, factory, options, 50, "127.0.0.1");
        ports.add(port);
        return ((IPv4Address) port.getHost()).port();
    }

    private static ClientFactory clientFactory(IProtocol only) {
        return new ClientFactory() {
            @Override
            public IProtocol buildProtocol(IAddress address) {
                return only;
            }
        };
    }

    @Test
    void listenSslAndConnectSslEchoALotAndCloseCleanly() {
        int port = listen(
                CertificateOptions.forCertificate(TestCertificates.SERVER_IP),
                Factory.forProtocol(() -> new Peer(true)));
        byte[] payload = new byte[1 << 20];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        Peer client = new Peer(false) {
            @Override
            public void connectionMade() {
                for (int i = 0; i < payload.length; i += 4096) {
                    transport.write(java.util.Arrays.copyOfRange(payload, i, i + 4096));
                }
            }

            @Override
            public void dataReceived(byte[] data) {
                super.dataReceived(data);
                if (received.size() == payload.length) {
                    transport.loseConnection();
                }
            }
        };
        reactor.connectSSL("127.0.0.1", port, clientFactory(client), SSL.optionsForClientTLS("127.0.0.1", TRUST_CA));
        Failure reason = client.awaitLost(reactor);
        assertThat(reason.value()).isInstanceOf(ConnectionDone.class);
        assertThat(client.received.toByteArray()).isEqualTo(payload);
    }

    @Test
    void sslEndpointsFireAfterTheHandshakeWithThePeerCertificateKnown() {
        SSL4ServerEndpoint server =
                new SSL4ServerEndpoint(reactor, 0, TestCertificates.serverOptions(), 50, "127.0.0.1");
        IListeningPort port = Loop.result(reactor, server.listen(Factory.forProtocol(() -> new Peer(true))));
        ports.add(port);
        SSL4ClientEndpoint endpoint = new SSL4ClientEndpoint(
                reactor,
                "localhost",
                ((IPv4Address) port.getHost()).port(),
                SSL.optionsForClientTLS("localhost", TRUST_CA));
        Peer client = Loop.result(reactor, Endpoints.connectProtocol(endpoint, new Peer(false)));
        assertThat(((ISSLTransport) client.transport()).getPeerCertificate()).isEqualTo(TestCertificates.SERVER);
        client.transport().write("ping".getBytes(StandardCharsets.US_ASCII));
        Loop.until(reactor, () -> client.text().equals("ping"));
        client.transport().loseConnection();
        assertThat(client.awaitLost(reactor).value()).isInstanceOf(ConnectionDone.class);
    }

    @Test
    void handshakeFailureFailsTheEndpointDeferredAndReachesConnectionLost() {
        int port = listen(CertificateOptions.forCertificate(OTHER_HOST), Factory.forProtocol(() -> new Peer(true)));
        Peer client = new Peer(false);
        try (CapturedLog log = new CapturedLog()) {
            Deferred<Peer> connected = Endpoints.connectProtocol(
                    new SSL4ClientEndpoint(reactor, "localhost", port, SSL.optionsForClientTLS("localhost", TRUST_CA)),
                    client);
            Failure failure = Loop.failure(reactor, connected);
            assertThat(failure.value()).isInstanceOf(SSLHandshakeException.class);
            assertThat(failure.getErrorMessage()).contains("localhost");
            assertThat(client.awaitLost(reactor).value()).isInstanceOf(SSLHandshakeException.class);
            assertThat(messages(log)).anyMatch(m -> m.contains("TLS error"));
        }
    }

    @Test
    void endpointStringsSslServerAndTlsClient(@TempDir Path dir) throws IOException {
        TestCertificates.writePem(dir, TestCertificates.SERVER);
        Path cas = java.nio.file.Files.createDirectory(dir.resolve("cas"));
        java.nio.file.Files.copy(dir.resolve("ca.pem"), cas.resolve("ca.pem"));
        String description = "ssl:0:interface=127.0.0.1:privateKey="
                + Endpoints.quoteStringArgument(dir.resolve("key.pem").toString()) + ":certKey="
                + Endpoints.quoteStringArgument(dir.resolve("cert.pem").toString());
        IListeningPort port = Loop.result(
                reactor,
                Endpoints.serverFromString(reactor, description).listen(Factory.forProtocol(() -> new Peer(true))));
        ports.add(port);
        int number = ((IPv4Address) port.getHost()).port();
        Peer client = Loop.result(
                reactor,
                Endpoints.connectProtocol(
                        Endpoints.clientFromString(
                                reactor,
                                "tls:localhost:" + number + ":trustRoots="
                                        + Endpoints.quoteStringArgument(cas.toString())),
                        new Peer(false)));
        assertThat(((ISSLTransport) client.transport()).getPeerCertificate()).isEqualTo(TestCertificates.SERVER);
        Peer sslClient = Loop.result(
                reactor,
                Endpoints.connectProtocol(
                        Endpoints.clientFromString(
                                reactor,
                                "ssl:host=localhost:port=" + number + ":caCertsDir="
                                        + Endpoints.quoteStringArgument(cas.toString())),
                        new Peer(false)));
        sslClient.transport().write("x".getBytes(StandardCharsets.US_ASCII));
        Loop.until(reactor, () -> sslClient.text().equals("x"));
        client.transport().loseConnection();
        sslClient.transport().loseConnection();
        client.awaitLost(reactor);
        sslClient.awaitLost(reactor);
    }

    @Test
    void sslServerDescriptionWithCaCertsDirRequiresAClientCertificate(@TempDir Path dir) throws IOException {
        TestCertificates.writePem(dir, TestCertificates.SERVER);
        Path cas = java.nio.file.Files.createDirectory(dir.resolve("cas"));
        java.nio.file.Files.copy(dir.resolve("ca.pem"), cas.resolve("ca.pem"));
        Path clientDir = java.nio.file.Files.createDirectory(dir.resolve("client"));
        TestCertificates.writePem(clientDir, TestCertificates.CLIENT);
        String description = "ssl:port=0:interface=127.0.0.1:privateKey="
                + Endpoints.quoteStringArgument(dir.resolve("key.pem").toString())
                + ":certKey="
                + Endpoints.quoteStringArgument(dir.resolve("cert.pem").toString())
                + ":caCertsDir=" + Endpoints.quoteStringArgument(cas.toString());
        IListeningPort port = Loop.result(
                reactor,
                Endpoints.serverFromString(reactor, description).listen(Factory.forProtocol(() -> new Peer(true))));
        ports.add(port);
        String target = "tls:localhost:" + ((IPv4Address) port.getHost()).port() + ":trustRoots="
                + Endpoints.quoteStringArgument(cas.toString());
        // In TLS 1.3 the client has finished its handshake when the server checks the client's
        // certificate: the server's alert then reaches connectionLost.
        Peer anonymous = new Peer(false);
        Endpoints.connectProtocol(Endpoints.clientFromString(reactor, target), anonymous);
        assertThat(anonymous.awaitLost(reactor).value()).isInstanceOf(javax.net.ssl.SSLException.class);
        assertThat(anonymous.reason.getErrorMessage()).contains("certificate");
        Peer withCertificate = Loop.result(
                reactor,
                Endpoints.connectProtocol(
                        Endpoints.clientFromString(
                                reactor,
                                target
                                        + ":certificate="
                                        + Endpoints.quoteStringArgument(
                                                clientDir.resolve("cert.pem").toString())
                                        + ":privateKey="
                                        + Endpoints.quoteStringArgument(
                                                clientDir.resolve("key.pem").toString())),
                        new Peer(false)));
        withCertificate.transport().write("authenticated".getBytes(StandardCharsets.US_ASCII));
        Loop.until(reactor, () -> withCertificate.text().equals("authenticated"));
        withCertificate.transport().loseConnection();
        withCertificate.awaitLost(reactor);
    }

    @SuppressWarnings("try") // closes one client early, inside the try that owns it, on purpose
    @Test
    void badInputClosesThatConnectionWithALoggedReasonAndOthersGoOn() throws IOException {
        List<Peer> servers = new ArrayList<>();
        int port = listen(TestCertificates.serverOptions(), Factory.forProtocol(() -> {
            Peer p = new Peer(true);
            servers.add(p);
            return p;
        }));
        Peer good = Loop.result(
                reactor,
                Endpoints.connectProtocol(
                        new SSL4ClientEndpoint(
                                reactor, "localhost", port, SSL.optionsForClientTLS("localhost", TRUST_CA)),
                        new Peer(false)));
        try (CapturedLog log = new CapturedLog();
                Socket garbage = new Socket("127.0.0.1", port);
                Socket truncated = new Socket("127.0.0.1", port);
                Socket stopper = new Socket("127.0.0.1", port)) {
            garbage.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            // a record header announcing 512 bytes of handshake, then only 10, then the client goes
            OutputStream out = truncated.getOutputStream();
            out.write(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc, 0x03, 0x03, 1, 2, 3, 4});
            truncated.shutdownOutput();
            stopper.getOutputStream().write(new byte[] {0x16, 0x03, 0x01});
            stopper.close();
            Loop.until(
                    reactor,
                    () -> servers.size() == 4
                            && servers.stream().filter(p -> p.reason != null).count() == 3);
            assertThat(eof(garbage.getInputStream())).isTrue();
            assertThat(eof(truncated.getInputStream())).isTrue();
            good.transport().write("still here".getBytes(StandardCharsets.US_ASCII));
            Loop.until(reactor, () -> good.text().equals("still here"));
            assertThat(messages(log))
                    .anyMatch(m -> m.contains("TLS error"))
                    .anyMatch(m -> m.contains("handshake") && m.contains("not completed"));
        }
        good.transport().loseConnection();
        good.awaitLost(reactor);
    }

    private static boolean eof(InputStream in) throws IOException {
        byte[] buffer = new byte[4096];
        while (true) {
            int n = in.read(buffer);
            if (n < 0) {
                return true;
            }
        }
    }

    @Test
    void aSlowReaderPausesTheServersProducerAndEverythingArrives() {
        int total = 8 << 20;
        List<String> events = new ArrayList<>();
        int port = listen(TestCertificates.serverOptions(), Factory.forProtocol(() -> new Peer(false) {
            int sent;
            boolean paused;

            @Override
            public void connectionMade() {
                ITCPTransport tls = (ITCPTransport) transport;
                tls.registerProducer(
                        new IPushProducer() {
                            @Override
                            public void pauseProducing() {
                                paused = true;
                                events.add("pause");
                            }

                            @Override
                            public void resumeProducing() {
                                paused = false;
                                events.add("resume");
                                produce();
                            }

                            @Override
                            public void stopProducing() {}
                        },
                        true);
            }

            void produce() {
                while (!paused && sent < total) {
                    transport.write(new byte[16384]);
                    sent += 16384;
                }
                if (sent >= total) {
                    ((ITCPTransport) transport).unregisterProducer();
                    transport.loseConnection();
                }
            }
        }));
        Peer client = new Peer(false);
        reactor.connectSSL(
                "127.0.0.1",
                port,
                clientFactory(client),
                SSL.optionsForClientTLS("localhost", TRUST_CA).insecurelyDisableHostnameVerification());
        Loop.until(reactor, () -> client.transport() != null && client.received.size() > 0);
        ((ITCPTransport) client.transport()).pauseProducing();
        Loop.until(reactor, () -> events.contains("pause"));
        ((ITCPTransport) client.transport()).resumeProducing();
        assertThat(client.awaitLost(reactor).value()).isInstanceOf(ConnectionDone.class);
        assertThat(client.received.size()).isEqualTo(total);
        assertThat(events).contains("pause", "resume");
    }

    private static List<String> messages(CapturedLog log) {
        return log.events.stream().map(LogEvent::message).toList();
    }
}
