package io.jtwisted.examples.unix;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.examples.ExampleProcess;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * The UNIX datagram examples, each in its own JVM, over real socket files; socat is the third
 * peer both ways (UNIX-SENDTO against the server, UNIX-RECVFROM answering the client).
 */
class UnixDatagramExamplesTest {
    @Test
    void theServerSendsEveryDatagramBackToItsSenderAndKeepsItsSocketFile(@TempDir Path dir) throws Exception {
        Path socket = dir.resolve("echo.sock");
        Path own = dir.resolve("peer.sock");
        try (ExampleProcess server = ExampleProcess.start(UNIXDatagramEchoServer.class, socket.toString());
                AFUNIXDatagramChannel peer = AFUNIXDatagramChannel.open()) {
            assertThat(server.nextLine(30)).isEqualTo("UNIXDatagramEchoServer listening on " + socket);
            peer.bind(AFUNIXSocketAddress.of(own.toFile()));
            peer.send(
                    ByteBuffer.wrap("over unix datagrams".getBytes(StandardCharsets.US_ASCII)),
                    AFUNIXSocketAddress.of(socket.toFile()));
            ByteBuffer answer = ByteBuffer.allocate(64);
            // bounded: closing the channel (try-with-resources) ends a receive that never returns
            CompletableFuture.runAsync(() -> {
                        try {
                            peer.receive(answer);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .get(30, TimeUnit.SECONDS);
            assertThat(new String(answer.array(), 0, answer.position(), StandardCharsets.US_ASCII))
                    .isEqualTo("over unix datagrams");
            assertThat(server.nextLine(30)).isEqualTo("received 19 bytes from UNIXAddress('" + own + "')");
            server.signal("INT");
            assertThat(server.waitForExit(20)).isZero();
            assertThat(Files.exists(socket))
                    .as("the socket file stays, as in Twisted")
                    .isTrue();
        }
    }

    @Test
    void theClientPrintsTheEchoOfItsLine(@TempDir Path dir) throws Exception {
        Path socket = dir.resolve("echo.sock");
        try (ExampleProcess server = ExampleProcess.start(UNIXDatagramEchoServer.class, socket.toString())) {
            server.nextLine(30);
            try (ExampleProcess client =
                    ExampleProcess.start(UNIXDatagramEchoClient.class, socket.toString(), "ping over unix")) {
                assertThat(client.nextLine(30)).isEqualTo("ping over unix");
                assertThat(client.waitForExit(20)).isZero();
            }
        }
    }

    @Test
    void theClientReportsThatNothingListens(@TempDir Path dir) throws Exception {
        try (ExampleProcess client = ExampleProcess.start(
                UNIXDatagramEchoClient.class, dir.resolve("nobody.sock").toString())) {
            assertThat(client.nextLine(30)).startsWith("connection failed: ").contains("nobody.sock");
            assertThat(client.waitForExit(20)).isZero();
        }
    }

    @Test
    void socatSendsToTheServerAndGetsTheEcho(@TempDir Path dir) throws Exception {
        Path socket = dir.resolve("echo.sock");
        try (ExampleProcess server = ExampleProcess.start(UNIXDatagramEchoServer.class, socket.toString())) {
            server.nextLine(30);
            Process socat = new ProcessBuilder(
                            "socat", "-t", "5", "-", "UNIX-SENDTO:" + socket + ",bind=" + dir.resolve("socat.sock"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            socat.getOutputStream().write("via socat\n".getBytes(StandardCharsets.US_ASCII));
            socat.getOutputStream().close();
            byte[] answer = new byte[10];
            int read = socat.getInputStream().readNBytes(answer, 0, answer.length);
            assertThat(new String(answer, 0, read, StandardCharsets.US_ASCII)).isEqualTo("via socat\n");
            socat.destroy();
            assertThat(socat.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void socatReceivingOnASocketAnswersTheClient(@TempDir Path dir) throws Exception {
        Path socket = dir.resolve("socat.sock");
        Process socat;
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
            socat = new ProcessBuilder("socat", "UNIX-RECVFROM:" + socket, "PIPE")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            awaitCreated(watcher, socket);
        }
        try (ExampleProcess client =
                ExampleProcess.start(UNIXDatagramEchoClient.class, socket.toString(), "to socat")) {
            assertThat(client.nextLine(30)).isEqualTo("to socat");
            assertThat(client.waitForExit(20)).isZero();
        } finally {
            socat.destroy();
            socat.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Waits (on file-system events, at most 30 s) until {@code file} exists. */
    private static void awaitCreated(WatchService watcher, Path file) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(file)) {
            long left = deadline - System.nanoTime();
            assertThat(left).as("%s created within 30 s", file).isPositive();
            WatchKey key = watcher.poll(left, TimeUnit.NANOSECONDS);
            if (key != null) {
                key.pollEvents();
                key.reset();
            }
        }
    }
}
