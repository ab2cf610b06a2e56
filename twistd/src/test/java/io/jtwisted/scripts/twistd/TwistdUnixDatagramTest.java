package io.jtwisted.scripts.twistd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * twistd runs an application whose service is a UNIXDatagramServer (junixsocket comes with twistd):
 * it answers a datagram over a real socket file, and stops on SIGTERM with the file left in place,
 * as Twisted's UNIX datagram port leaves it.
 */
class TwistdUnixDatagramTest {
    @TempDir
    Path dir;

    @Test
    void aUnixDatagramServerServesUnderTwistdUntilSigterm() throws Exception {
        Path socket = dir.resolve("echo.sock");
        Path tac = dir.resolve("dgram.java");
        Files.writeString(tac, """
                import io.jtwisted.application.internet.UNIXDatagramServer;
                import io.jtwisted.application.service.Application;
                import io.jtwisted.internet.interfaces.IAddress;
                import io.jtwisted.internet.protocol.DatagramProtocol;

                public class DatagramApp {
                    public static Application application() {
                        Application application = new Application("dgram");
                        new UNIXDatagramServer("%s", new DatagramProtocol() {
                            @Override
                            public void datagramReceived(byte[] data, IAddress addr) {
                                transport.write(data, addr);
                            }
                        }).setServiceParent(application);
                        return application;
                    }
                }
                """.formatted(socket));
        try (TwistdProcess twistd = TwistdProcess.start(dir, "-noy", tac.toString());
                AFUNIXDatagramChannel client = AFUNIXDatagramChannel.open()) {
            assertThat(twistd.awaitLine(l -> l.contains(" starting on "))).contains(socket.toString());
            client.bind(AFUNIXSocketAddress.of(dir.resolve("client.sock").toFile()));
            client.send(
                    ByteBuffer.wrap("under twistd".getBytes(StandardCharsets.US_ASCII)),
                    AFUNIXSocketAddress.of(socket.toFile()));
            ByteBuffer answer = ByteBuffer.allocate(64);
            // bounded: closing the channel (try-with-resources) ends a receive that never returns
            CompletableFuture.runAsync(() -> {
                        try {
                            client.receive(answer);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .get(30, TimeUnit.SECONDS);
            assertThat(new String(answer.array(), 0, answer.position(), StandardCharsets.US_ASCII))
                    .isEqualTo("under twistd");
            assertThat(new ProcessBuilder(
                                    "kill",
                                    "-TERM",
                                    Long.toString(twistd.process().pid()))
                            .start()
                            .waitFor())
                    .isZero();
            assertThat(twistd.waitFor()).isZero();
            assertThat(twistd.out()).anyMatch(l -> l.contains("(Port '" + socket + "' Closed)"));
            assertThat(twistd.err()).isEmpty();
            assertThat(Files.exists(socket)).isTrue();
        }
    }
}
