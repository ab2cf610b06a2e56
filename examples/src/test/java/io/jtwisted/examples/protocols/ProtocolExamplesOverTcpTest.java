package io.jtwisted.examples.protocols;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.examples.ExampleProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The line examples run as {@code bin/run-example} runs them (own JVM, free port) and driven by
 * real sockets on 127.0.0.1. Reads are bounded by socket timeouts.
 */
class ProtocolExamplesOverTcpTest {
    /** A blocking line client. */
    static final class LineClient implements AutoCloseable {
        final Socket socket;
        final BufferedReader in;
        final OutputStream out;

        LineClient(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(20_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = socket.getOutputStream();
        }

        String readLine() throws IOException {
            return in.readLine();
        }

        void send(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static int portIn(String line) {
        return Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1));
    }

    @SuppressWarnings("try") // closes one client early, inside the try that owns it, on purpose
    @Test
    void chatBetweenThreeClients() throws Exception {
        try (ExampleProcess server = ExampleProcess.start(ChatServer.class, "0")) {
            int port = portIn(server.nextLine(30));
            try (LineClient alice = new LineClient(port);
                    LineClient bob = new LineClient(port);
                    LineClient carol = new LineClient(port)) {
                for (LineClient c : new LineClient[] {alice, bob, carol}) {
                    assertThat(c.readLine()).isEqualTo("What's your name?");
                }
                alice.send("alice\r\n");
                assertThat(alice.readLine()).isEqualTo("Welcome, alice!");
                bob.send("alice\r\n");
                assertThat(bob.readLine()).isEqualTo("Name taken, please choose another.");
                bob.send("bob\r\n");
                assertThat(bob.readLine()).isEqualTo("Welcome, bob!");
                carol.send("carol\r\n");
                assertThat(carol.readLine()).isEqualTo("Welcome, carol!");

                alice.send("hello, everyone\r\n");
                assertThat(bob.readLine()).isEqualTo("<alice> hello, everyone");
                assertThat(carol.readLine()).isEqualTo("<alice> hello, everyone");
                carol.send("hi alice\r\n");
                assertThat(alice.readLine()).isEqualTo("<carol> hi alice");
                assertThat(bob.readLine()).isEqualTo("<carol> hi alice");

                bob.close();
                alice.send("bob left\r\n");
                assertThat(carol.readLine()).isEqualTo("<alice> bob left");
            }
            // The server prints each line it receives.
            assertThat(server.nextLine(20)).isEqualTo("alice");
        }
    }

    @Test
    void answerOverTcp() throws Exception {
        try (ExampleProcess server = ExampleProcess.start(Answer.class, "0")) {
            int port = portIn(server.nextLine(30));
            try (LineClient c = new LineClient(port)) {
                c.send("How are you?\r\nAnd you?\r\n");
                assertThat(c.readLine()).isEqualTo("Fine");
                assertThat(c.readLine()).isEqualTo("I don't know what you mean");
            }
        }
    }

    private static byte[] exchange(int port, byte[] request, int replyLength) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return socket.getInputStream().readNBytes(replyLength);
        }
    }

    @Test
    void netstringEchoServerMainEchoes() throws Exception {
        try (ExampleProcess server = ExampleProcess.start(NetstringEchoServer.class, "0")) {
            String first = server.nextLine(30);
            assertThat(first).startsWith("Netstring echo server listening on port ");
            byte[] request = "5:hello,0:,".getBytes(StandardCharsets.US_ASCII);
            assertThat(exchange(portIn(first), request, request.length)).isEqualTo(request);
        }
    }

    @Test
    void intNStringEchoServerMainEchoesWithTheGivenPrefix() throws Exception {
        try (ExampleProcess server = ExampleProcess.start(IntNStringEchoServer.class, "0", "2")) {
            String first = server.nextLine(30);
            assertThat(first).startsWith("Int16 string echo server listening on port ");
            byte[] request = {0, 3, 'a', 'b', 'c', 0, 0};
            assertThat(exchange(portIn(first), request, request.length)).isEqualTo(request);
        }
    }

    @Test
    void statefulEchoServerMainShouts() throws Exception {
        try (ExampleProcess server = ExampleProcess.start(StatefulEchoServer.class, "0")) {
            String first = server.nextLine(30);
            assertThat(first).startsWith("Stateful echo server listening on port ");
            byte[] request = {0, 2, 'h', 'i'};
            assertThat(exchange(portIn(first), request, 4)).isEqualTo(new byte[] {0, 2, 'H', 'I'});
        }
    }
}
