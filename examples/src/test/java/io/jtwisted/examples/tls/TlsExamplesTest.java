package io.jtwisted.examples.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.examples.ExampleProcess;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The TLS examples, each in its own JVM: TLSEchoServer against TLSEchoClient and against
 * {@code openssl s_client}; StartTLSServer against StartTLSClient.
 */
class TlsExamplesTest {
    /** The server's certificate file, fingerprint and port, read from its first three lines. */
    private record Started(String certificate, String fingerprint, int port) {
        static Started from(ExampleProcess server) throws InterruptedException {
            String written = server.nextLine(30);
            assertThat(written).startsWith("Self-signed certificate for localhost written to ");
            String fingerprint = server.nextLine(30);
            assertThat(fingerprint).startsWith("SHA-256 fingerprint: ");
            String listening = server.nextLine(30);
            assertThat(listening).contains("listening on port ");
            return new Started(
                    written.substring(written.lastIndexOf(' ') + 1),
                    fingerprint.substring("SHA-256 fingerprint: ".length()),
                    Integer.parseInt(listening.substring(listening.lastIndexOf(' ') + 1)));
        }
    }

    @Test
    void tlsEchoClientVerifiesTheSelfSignedServerAndGetsTheEcho() throws Exception {
        try (ExampleProcess server = ExampleProcess.start(TLSEchoServer.class, "0")) {
            Started started = Started.from(server);
            try (ExampleProcess client = ExampleProcess.start(
                    TLSEchoClient.class, "localhost", Integer.toString(started.port()), started.certificate())) {
                assertThat(client.nextLine(30)).isEqualTo("Connected; server certificate: CN=localhost");
                assertThat(client.nextLine(30)).isEqualTo("hello, TLS");
                assertThat(client.waitForExit(20)).isZero();
            }
            try (ExampleProcess untrusting =
                    ExampleProcess.start(TLSEchoClient.class, "localhost", Integer.toString(started.port()))) {
                assertThat(untrusting.nextLine(30))
                        .startsWith("TLS connection failed: ")
                        .contains("PKIX");
                assertThat(untrusting.waitForExit(20)).isZero();
            }
            server.signal("INT");
            assertThat(server.waitForExit(20)).isZero();
        }
    }

    @Test
    void opensslSClientTalksToTlsEchoServerAndSeesTheSameFingerprint() throws Exception {
        try (ExampleProcess server = ExampleProcess.start(TLSEchoServer.class, "0")) {
            Started started = Started.from(server);
            Process fingerprint = new ProcessBuilder(
                            "openssl", "x509", "-noout", "-fingerprint", "-sha256", "-in", started.certificate())
                    .redirectErrorStream(true)
                    .start();
            String printed = new String(fingerprint.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            assertThat(printed).endsWith("=" + started.fingerprint());
            Process sClient = new ProcessBuilder(List.of(
                            "openssl",
                            "s_client",
                            "-quiet",
                            "-no_ign_eof",
                            "-verify_return_error",
                            "-connect",
                            "127.0.0.1:" + started.port(),
                            "-servername",
                            "localhost",
                            "-verify_hostname",
                            "localhost",
                            "-CAfile",
                            started.certificate()))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            OutputStream toServer = sClient.getOutputStream();
            toServer.write("hello from openssl\n".getBytes(StandardCharsets.US_ASCII));
            toServer.flush();
            assertThat(readLine(sClient.getInputStream())).isEqualTo("hello from openssl");
            toServer.close();
            assertThat(sClient.waitFor(20, TimeUnit.SECONDS)).isTrue();
            server.signal("INT");
            assertThat(server.waitForExit(20)).isZero();
        }
    }

    @Test
    void startTlsClientSwitchesItsConnectionToTls() throws Exception {
        try (ExampleProcess server = ExampleProcess.start(StartTLSServer.class, "0")) {
            Started started = Started.from(server);
            try (ExampleProcess client = ExampleProcess.start(
                    StartTLSClient.class, "localhost", Integer.toString(started.port()), started.certificate())) {
                assertThat(client.nextLine(30)).isEqualTo("received: READY");
                assertThat(client.nextLine(30)).isEqualTo("connection lost: Connection was closed cleanly.");
                assertThat(client.waitForExit(20)).isZero();
            }
            assertThat(server.nextLine(30)).isEqualTo("received: plain text");
            assertThat(server.nextLine(30)).isEqualTo("received: STARTTLS");
            assertThat(server.nextLine(30)).isEqualTo("-- Switching to TLS");
            assertThat(server.nextLine(30)).isEqualTo("received: secure text");
            server.signal("TERM");
            assertThat(server.waitForExit(20)).isZero();
        }
    }

    private static String readLine(InputStream in) throws java.io.IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            line.write(b);
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
