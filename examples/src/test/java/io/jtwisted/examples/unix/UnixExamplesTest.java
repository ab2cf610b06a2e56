package io.jtwisted.examples.unix;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.examples.ExampleProcess;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The UNIX-domain stream examples, each in its own JVM, over a real socket file. */
class UnixExamplesTest {
    @Test
    void theServerEchoesAndRemovesItsSocketFileOnSigint(@TempDir Path dir) throws Exception {
        Path socket = dir.resolve("echo.sock");
        try (ExampleProcess server = ExampleProcess.start(UNIXEchoServer.class, socket.toString())) {
            assertThat(server.nextLine(30)).isEqualTo("UNIXEchoServer listening on " + socket);
            try (SocketChannel peer = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                peer.connect(UnixDomainSocketAddress.of(socket));
                peer.write(ByteBuffer.wrap("over unix".getBytes(StandardCharsets.US_ASCII)));
                ByteBuffer answer = ByteBuffer.allocate(9);
                while (answer.hasRemaining() && peer.read(answer) >= 0) {
                    // read until the echo is complete
                }
                assertThat(new String(answer.array(), StandardCharsets.US_ASCII))
                        .isEqualTo("over unix");
            }
            server.signal("INT");
            assertThat(server.waitForExit(20)).isZero();
            assertThat(Files.exists(socket)).isFalse();
        }
    }

    @Test
    void theClientPrintsTheEchoOfItsLine(@TempDir Path dir) throws Exception {
        Path socket = dir.resolve("echo.sock");
        try (ExampleProcess server = ExampleProcess.start(UNIXEchoServer.class, socket.toString())) {
            server.nextLine(30);
            try (ExampleProcess client =
                    ExampleProcess.start(UNIXEchoClient.class, socket.toString(), "ping over unix")) {
                assertThat(client.nextLine(30)).isEqualTo("ping over unix");
                assertThat(client.waitForExit(20)).isZero();
            }
        }
    }

    @Test
    void socatTalksToTheServerAsAThirdPeer(@TempDir Path dir) throws Exception {
        Path socket = dir.resolve("echo.sock");
        try (ExampleProcess server = ExampleProcess.start(UNIXEchoServer.class, socket.toString())) {
            server.nextLine(30);
            Process socat = new ProcessBuilder("socat", "-t", "5", "-", "UNIX-CONNECT:" + socket)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            socat.getOutputStream().write("via socat\n".getBytes(StandardCharsets.US_ASCII));
            socat.getOutputStream().close();
            String answer = new String(socat.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(socat.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(answer).isEqualTo("via socat\n");
        }
    }
}
