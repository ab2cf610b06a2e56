package io.jtwisted.internal.tcp;

import static io.jtwisted.internal.tcp.TcpTestSupport.port;
import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internal.reactor.NioReactor;
import io.jtwisted.internal.tcp.TcpTestSupport.KeepingFactory;
import io.jtwisted.internal.tcp.TcpTestSupport.RecordingClientFactory;
import io.jtwisted.internet.error.ConnectionDone;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.python.failure.Failure;
import io.jtwisted.testing.TwistedPython;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Interoperability with the real Twisted (python3-twisted): a Twisted client against JTwisted
 * servers, and JTwisted clients against Twisted servers, on 127.0.0.1. Every wait is bounded.
 * Skipped, with a message, only where no Python has Twisted, and never under CI ({@link TwistedPython}).
 */
class TwistedInteropTest {
    private static final Path SCRIPTS = Path.of("src/test/resources/interop");
    private final NioReactor reactor = TcpTestSupport.reactor();
    private final List<Process> processes = new ArrayList<>();
    private final List<IListeningPort> ports = new ArrayList<>();

    private static String python;

    @BeforeAll
    static void requireTwisted() {
        python = TwistedPython.require("TwistedInteropTest");
    }

    @AfterEach
    void cleanUp() {
        for (Process p : processes) {
            p.destroyForcibly();
        }
        for (IListeningPort p : ports) {
            Loop.result(reactor, p.stopListening());
        }
    }

    private Process python(String script, String... args) throws IOException {
        List<String> command =
                new ArrayList<>(List.of(python, SCRIPTS.resolve(script).toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        processes.add(p);
        return p;
    }

    /** Reads one line of {@code p}'s output on another thread, so that the reactor can be turned meanwhile. */
    private static CompletableFuture<String> firstLine(Process p) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void twistedClientGetsEveryByteBackFromAJTwistedEchoServer() throws Exception {
        IListeningPort p = reactor.listenTCP(0, new KeepingFactory<>(Recorder.Echo::new), 50, "127.0.0.1");
        ports.add(p);
        Process client = python("twisted_client.py", "echo", Integer.toString(port(p)));
        CompletableFuture<String> line = firstLine(client);
        Loop.until(reactor, line::isDone);
        int expected = expectedEchoBytes();
        assertThat(line.get()).isEqualTo("echo OK " + expected);
    }

    private static int expectedEchoBytes() {
        int lines = 0;
        for (int i = 0; i < 2000; i++) {
            lines += ("message " + i + "\r\n").length();
        }
        return lines + 256 * 1024;
    }

    @Test
    void twistedClientSeesTheQuoteAndACleanClose() throws Exception {
        IListeningPort p = reactor.listenTCP(
                0,
                new KeepingFactory<>(() -> new Recorder("An apple a day keeps the doctor away\r\n", true)),
                50,
                "127.0.0.1");
        ports.add(p);
        Process client = python("twisted_client.py", "quote", Integer.toString(port(p)));
        CompletableFuture<String> line = firstLine(client);
        Loop.until(reactor, line::isDone);
        assertThat(line.get()).isEqualTo("quote 'An apple a day keeps the doctor away\\r\\n' ConnectionDone");
    }

    @Test
    void jtwistedClientTalksToATwistedEchoServer() throws Exception {
        Process server = python("twisted_server.py", "echo");
        int port = Integer.parseInt(firstLine(server).get(30, TimeUnit.SECONDS).strip());
        byte[] payload = new byte[300 * 1024];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i % 251);
        }
        RecordingClientFactory<Recorder> client = new RecordingClientFactory<>(() -> new Recorder() {
            @Override
            public void connectionMade() {
                transport.write(payload);
                super.connectionMade();
            }

            @Override
            public void dataReceived(byte[] data) {
                super.dataReceived(data);
                if (received.size() >= payload.length) {
                    transport.loseConnection();
                }
            }
        });
        reactor.connectTCP("127.0.0.1", port, client);
        Failure reason = Loop.reason(reactor, client.lostConnection);
        assertThat(reason.check(ConnectionDone.class)).isNotNull();
        assertThat(client.built.get(0).received.toByteArray()).isEqualTo(payload);
    }

    @Test
    void jtwistedClientReadsATwistedQuoteUntilTheCleanClose() throws Exception {
        Process server = python("twisted_server.py", "quote");
        int port = Integer.parseInt(firstLine(server).get(30, TimeUnit.SECONDS).strip());
        RecordingClientFactory<Recorder> client = new RecordingClientFactory<>(Recorder::new);
        reactor.connectTCP("127.0.0.1", port, client);
        Failure reason = Loop.reason(reactor, client.lostConnection);
        assertThat(client.built.get(0).text()).isEqualTo("An apple a day keeps the doctor away\r\n");
        assertThat(reason.check(ConnectionDone.class)).isNotNull();
    }
}
