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
    void echoOnEveryCoreSpreadsConnectionsOverItsReactorsEachCountingItsOwn() throws Exception {
        try (ExampleProcess example = ExampleProcess.start(EchoOnEveryCore.class, "0", "2")) {
            String banner = example.nextLine(30);
            assertThat(banner).endsWith("with 2 reactors");
            int port = Peer.portIn(banner);
            java.util.Map<String, Integer> seen = new java.util.TreeMap<>();
            java.util.List<Socket> open = new java.util.ArrayList<>();
            try {
                // 64 connections: all on one reactor by the kernel's hash has odds 2^-63.
                for (int i = 0; i < 64; i++) {
                    Socket s = Peer.connect(port);
                    open.add(s);
                    String welcome = new java.io.BufferedReader(new java.io.InputStreamReader(
                                    s.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))
                            .readLine();
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                                    "Welcome! (\\S+) has (\\d+) open connections.")
                            .matcher(welcome);
                    assertThat(m.matches()).as(welcome).isTrue();
                    int count = Integer.parseInt(m.group(2));
                    assertThat(count).as("each reactor counts its own").isEqualTo(seen.getOrDefault(m.group(1), 0) + 1);
                    seen.put(m.group(1), count);
                }
                // run() runs the first reactor on the calling thread (main), the other on a thread of its own
                assertThat(seen.keySet()).containsExactly("jtwisted-reactor-1", "main");
                Peer.send(open.get(0), "echo me");
                assertThat(Peer.read(open.get(0), 7)).isEqualTo("echo me");
            } finally {
                for (Socket s : open) {
                    s.close();
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
