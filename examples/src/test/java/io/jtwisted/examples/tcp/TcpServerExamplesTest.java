package io.jtwisted.examples.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.examples.ExampleProcess;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed's TCP server examples, each run in its own JVM on a free port and driven over a real socket. */
class TcpServerExamplesTest {
    @Test
    void echoWritesBackWhatItReceivesAndStopsOnSigint() throws Exception {
        try (ExampleProcess example = ExampleProcess.start(Echo.class, "0")) {
            String first = example.nextLine(30);
            assertThat(first).startsWith("Echo server listening on port ");
            try (Socket s = Peer.connect(Peer.portIn(first))) {
                Peer.send(s, "hello, echo\r\n");
                assertThat(Peer.read(s, 13)).isEqualTo("hello, echo\r\n");
            }
            example.signal("INT");
            assertThat(example.waitForExit(20)).isZero();
        }
    }

    @Test
    void qotdSendsTheQuoteThenClosesTheConnection() throws Exception {
        try (ExampleProcess example = ExampleProcess.start(QOTDServer.class, "0")) {
            int port = Peer.portIn(example.nextLine(30));
            for (int i = 0; i < 2; i++) {
                try (Socket s = Peer.connect(port)) {
                    assertThat(Peer.readToEnd(s)).isEqualTo("An apple a day keeps the doctor away\r\n");
                }
            }
            example.signal("TERM");
            assertThat(example.waitForExit(20)).isZero();
        }
    }

    @Test
    void qotdFactoryQuoteIsConfigurable() throws Exception {
        try (ExampleProcess example = ExampleProcess.start(QOTDServer.class, "0", "configurable quote")) {
            int port = Peer.portIn(example.nextLine(30));
            try (Socket s = Peer.connect(port)) {
                assertThat(Peer.readToEnd(s)).isEqualTo("configurable quote\r\n");
            }
        }
    }

    @Test
    void echoServerWelcomesWithTheNumberOfOpenConnections() throws Exception {
        try (ExampleProcess example = ExampleProcess.start(EchoServer.class, "0")) {
            int port = Peer.portIn(example.nextLine(30));
            String welcome1 = "Welcome! There are currently 1 open connections.\n";
            String welcome2 = "Welcome! There are currently 2 open connections.\n";
            try (Socket a = Peer.connect(port)) {
                assertThat(Peer.read(a, welcome1.length())).isEqualTo(welcome1);
                try (Socket b = Peer.connect(port)) {
                    assertThat(Peer.read(b, welcome2.length())).isEqualTo(welcome2);
                    Peer.send(b, "echo me");
                    assertThat(Peer.read(b, 7)).isEqualTo("echo me");
                }
            }
        }
    }

    @Test
    void logfileServerAppendsLinesAndClosesTheFileInStopFactory(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("log.txt");
        Files.writeString(log, "earlier\n");
        try (ExampleProcess example = ExampleProcess.start(LogfileServer.class, "0", log.toString())) {
            int port = Peer.portIn(example.nextLine(30));
            try (Socket s = Peer.connect(port)) {
                Peer.send(s, "first line\r\nsecond line\r\npartial");
                s.shutdownOutput();
                // The server closes when it reads the end of input: every line was handled by then.
                assertThat(Peer.readToEnd(s)).isEmpty();
            }
            example.signal("INT");
            assertThat(example.waitForExit(20)).isZero();
            assertThat(example.allOutput()).endsWith("log file " + log + " closed");
        }
        assertThat(Files.readString(log, StandardCharsets.UTF_8)).isEqualTo("earlier\nfirst line\nsecond line\n");
    }
}
