package io.jtwisted.examples.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.examples.ExampleProcess;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** The seed's TCP client examples, each run in its own JVM against a server in the test. */
class TcpClientExamplesTest {
    @Test
    void echoClientPrintsTheEchoedLineAndEnds() throws Exception {
        try (ServerSocket server = Peer.listen();
                ExampleProcess example =
                        ExampleProcess.start(EchoClient.class, Integer.toString(server.getLocalPort()), "127.0.0.1")) {
            try (Socket s = Peer.accept(server)) {
                String line = Peer.read(s, "hello, world\r\n".length());
                assertThat(line).isEqualTo("hello, world\r\n");
                Peer.send(s, line);
                assertThat(example.nextLine(30)).isEqualTo("hello, world");
                assertThat(Peer.readToEnd(s)).isEmpty();
            }
            assertThat(example.waitForExit(20)).isZero();
        }
    }

    @Test
    void welcomeMessageIsDeliveredBeforeTheClose() throws Exception {
        try (ServerSocket server = Peer.listen();
                ExampleProcess example = ExampleProcess.start(
                        WelcomeMessage.class, Integer.toString(server.getLocalPort()), "127.0.0.1")) {
            try (Socket s = Peer.accept(server)) {
                assertThat(Peer.readToEnd(s)).isEqualTo("Hello server, I am the client!\r\n");
            }
            assertThat(example.nextLine(30))
                    .isEqualTo("Greeting sent; connection closed: Connection was closed cleanly.");
            assertThat(example.waitForExit(20)).isZero();
        }
    }

    @Test
    void greeterSendsTwoMessagesASecondApartThenHangsUp() throws Exception {
        greets(Greeter.class);
    }

    @Test
    void clientCreatorGreeterDoesTheSameWithClientCreator() throws Exception {
        greets(ClientCreatorGreeter.class);
    }

    private static void greets(Class<?> example) throws Exception {
        try (ServerSocket server = Peer.listen();
                ExampleProcess process =
                        ExampleProcess.start(example, Integer.toString(server.getLocalPort()), "127.0.0.1")) {
            try (Socket s = Peer.accept(server)) {
                long start = System.nanoTime();
                assertThat(Peer.readToEnd(s)).isEqualTo("MESSAGE Hello\nMESSAGE This is sent in a second\n");
                assertThat((System.nanoTime() - start) / 1e9).isGreaterThan(1.5);
            }
            assertThat(process.waitForExit(20)).isZero();
        }
    }

    @Test
    void echoClientFactoryPrintsEachState() throws Exception {
        try (ServerSocket server = Peer.listen();
                ExampleProcess example = ExampleProcess.start(
                        EchoClientFactory.class, Integer.toString(server.getLocalPort()), "127.0.0.1")) {
            try (Socket s = Peer.accept(server)) {
                Peer.send(s, "from the server\n");
            }
            assertThat(example.waitForExit(20)).isZero();
            assertThat(example.allOutput())
                    .containsExactly(
                            "Started to connect.",
                            "Connected.",
                            "from the server",
                            "Lost connection.  Reason: Connection was closed cleanly.");
        }
    }

    @Test
    void echoClientFactoryReportsARefusedConnection() throws Exception {
        int port;
        try (ServerSocket closed = Peer.listen()) {
            port = closed.getLocalPort();
        }
        try (ExampleProcess example =
                ExampleProcess.start(EchoClientFactory.class, Integer.toString(port), "127.0.0.1")) {
            assertThat(example.waitForExit(20)).isZero();
            assertThat(example.allOutput())
                    .containsExactly(
                            "Started to connect.",
                            "Connection failed. Reason: Connection was refused by other side: Connection refused.");
        }
    }

    @Test
    void reconnectingClientSurvivesAServerRestart() throws Exception {
        ServerSocket server = Peer.listen();
        int port = server.getLocalPort();
        try (ExampleProcess example =
                ExampleProcess.start(ReconnectingEchoClient.class, Integer.toString(port), "127.0.0.1", "0.5")) {
            try (Socket s = Peer.accept(server)) {
                Peer.send(s, "first server\n");
                assertThat(example.nextLine(30)).isEqualTo("Started to connect.");
                assertThat(example.nextLine(30)).isEqualTo("Connected.");
                assertThat(example.nextLine(30)).isEqualTo("Resetting reconnection delay");
                assertThat(example.nextLine(30)).isEqualTo("first server");
            }
            server.close(); // the server goes away...
            assertThat(example.nextLine(30)).isEqualTo("Lost connection.  Reason: Connection was closed cleanly.");
            try (ServerSocket restarted = Peer.listen(port); // ...and comes back on the same port
                    Socket s = Peer.accept(restarted)) {
                Peer.send(s, "second server\n");
                String line;
                do {
                    line = example.nextLine(30);
                    assertThat(line)
                            .matches(
                                    "Started to connect\\.|Connected\\.|Resetting reconnection delay|second server"
                                            + "|Connection failed\\. Reason: Connection was refused by other side: Connection refused\\.");
                } while (!line.equals("second server"));
            }
            example.signal("INT");
            assertThat(example.waitForExit(20)).isZero();
        } finally {
            server.close();
        }
    }
}
