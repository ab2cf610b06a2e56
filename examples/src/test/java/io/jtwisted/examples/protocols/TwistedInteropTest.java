package io.jtwisted.examples.protocols;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.ITransport;
import io.jtwisted.internet.protocol.ClientCreator;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.protocols.basic.Int16StringReceiver;
import io.jtwisted.protocols.basic.Int32StringReceiver;
import io.jtwisted.protocols.basic.Int8StringReceiver;
import io.jtwisted.protocols.basic.LineReceiver;
import io.jtwisted.protocols.basic.NetstringReceiver;
import io.jtwisted.python.failure.Failure;
import io.jtwisted.testing.TwistedPython;
import io.jtwisted.trial.Trial;
import io.jtwisted.trial.TrialExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Byte-for-byte interoperability with the real Twisted (python3-twisted), in both directions, over
 * 127.0.0.1: lines (Answer example), netstrings and Int8/16/32 strings, including empty and
 * maximum-length ones, and over-limit ones (a line of 16385 bytes, a netstring or Int32 string
 * announcing 100000 bytes) that the receiving side must answer by closing the connection.
 * Int8/Int16 prefixes cannot announce more than MAX_LENGTH (99999), so they have no over-limit case.
 * The peer script is src/test/resources/interop/twisted_peer.py; every wait is bounded.
 */
@ExtendWith(TrialExtension.class)
@Timeout(90)
class TwistedInteropTest {
    private static final byte[] BINARY = new byte[256];

    static {
        for (int i = 0; i < 256; i++) {
            BINARY[i] = (byte) i;
        }
    }

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void killPeers() {
        processes.forEach(Process::destroyForcibly);
    }

    /** The messages twisted_peer.py sends (MESSAGES there). */
    static List<byte[]> messages(String kind) {
        return switch (kind) {
            case "lines" ->
                List.of(
                        b("How are you?"),
                        b(""),
                        repeat('x', 16384),
                        "héllo".getBytes(StandardCharsets.UTF_8),
                        b("How are you?"));
            case "netstring" -> List.of(b(""), b("hello"), BINARY, repeat('x', 99999));
            case "int8" -> List.of(b(""), b("hello"), java.util.Arrays.copyOf(BINARY, 255), repeat('y', 255));
            case "int16" -> List.of(b(""), b("hello"), BINARY, repeat('z', 65535));
            case "int32" -> List.of(b(""), b("hello"), BINARY, repeat('w', 99999));
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** The over-limit bytes (OVER_LIMIT there), or null. */
    static byte[] overLimit(String kind) {
        return switch (kind) {
            case "lines" -> concat(repeat('x', 16385), b("\r\n"));
            case "netstring" -> b("100000:");
            case "int32" -> ByteBuffer.allocate(4).putInt(100000).array();
            default -> null;
        };
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] repeat(char c, int n) {
        return b(String.valueOf(c).repeat(n));
    }

    static byte[] concat(byte[] a, byte[] c) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + c.length);
        System.arraycopy(c, 0, out, a.length, c.length);
        return out;
    }

    private Process python(Path output, String... args) throws IOException {
        Path script = Path.of("target", "test-classes", "interop", "twisted_peer.py");
        String python = TwistedPython.require("TwistedInteropTest");
        List<String> command = new ArrayList<>(List.of(python, script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        if (output != null) {
            builder.redirectOutput(output.toFile());
        }
        Process p = builder.start();
        processes.add(p);
        return p;
    }

    private static List<String> hex(List<byte[]> list) {
        List<String> out = new ArrayList<>();
        for (byte[] item : list) {
            out.add(HexFormat.of().formatHex(item));
        }
        return out;
    }

    private static Supplier<? extends Protocol> javaServer(String kind) {
        return switch (kind) {
            case "lines" -> Answer::new;
            case "netstring" -> NetstringEchoServer::new;
            case "int8" -> IntNStringEchoServer.echoFor(1);
            case "int16" -> IntNStringEchoServer.echoFor(2);
            case "int32" -> IntNStringEchoServer.echoFor(4);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"lines", "netstring", "int8", "int16", "int32"})
    void twistedClientTalksToJTwistedServer(String kind) throws Exception {
        Reactor reactor = Reactor.create();
        IListeningPort port = reactor.listenTCP(0, Factory.forProtocol(javaServer(kind)), 50, "127.0.0.1");
        int number = Ports.portOf(port);
        Path output = Files.createTempFile("twisted-peer", ".json"); // a file: the JSON can outgrow a pipe
        Process peer = python(output, "client", kind, Integer.toString(number));
        try {
            Trial.await(reactor, peer.onExit());
        } finally {
            Trial.await(reactor, port.stopListening());
        }
        String json = Files.readString(output).strip();
        Files.delete(output);
        List<byte[]> expected = kind.equals("lines")
                ? List.of(
                        b("Fine"),
                        b("I don't know what you mean"),
                        b("I don't know what you mean"),
                        b("I don't know what you mean"),
                        b("Fine"))
                : messages(kind);
        assertThat(receivedHex(json))
                .as(json.length() > 300 ? json.substring(0, 300) : json)
                .isEqualTo(hex(expected));
        // With an over-limit message last, "closed" means the JTwisted server closed the connection.
        assertThat(json).contains("\"closed\": true");
    }

    private static List<String> receivedHex(String json) {
        Matcher list = Pattern.compile("\"received\": \\[(.*?)\\]").matcher(json);
        assertThat(list.find()).as("peer output: %s", json).isTrue();
        List<String> out = new ArrayList<>();
        Matcher item = Pattern.compile("\"([0-9a-f]*)\"").matcher(list.group(1));
        while (item.find()) {
            out.add(item.group(1));
        }
        return out;
    }

    /**
     * What a JTwisted client of any kind does: sends every message, collects the echoes, then
     * sends the over-limit bytes (or closes when there are none), and records whether all echoes
     * came back before the connection was lost.
     */
    static final class Recorder {
        final List<byte[]> messages;
        final byte[] over;
        final List<byte[]> received = new ArrayList<>();
        final Deferred<Boolean> lost = new Deferred<>();

        Recorder(String kind) {
            this.messages = messages(kind);
            this.over = overLimit(kind);
        }

        void connected(Consumer<byte[]> send) {
            messages.forEach(send);
        }

        void got(byte[] data, ITransport transport) {
            received.add(data);
            if (received.size() == messages.size()) {
                if (over != null) {
                    transport.write(over);
                } else {
                    transport.loseConnection();
                }
            }
        }

        void gone() {
            lost.callback(received.size() == messages.size());
        }
    }

    /** A client of {@code kind} reporting to {@code recorder}. */
    private static Protocol javaClient(String kind, Recorder recorder) {
        return switch (kind) {
            case "lines" ->
                new LineReceiver() {
                    @Override
                    public void connectionMade() {
                        recorder.connected(this::sendLine);
                    }

                    @Override
                    public void lineReceived(byte[] line) {
                        recorder.got(line, transport);
                    }

                    @Override
                    public void connectionLost(Failure reason) {
                        super.connectionLost(reason);
                        recorder.gone();
                    }
                };
            case "netstring" ->
                new NetstringReceiver() {
                    @Override
                    public void connectionMade() {
                        recorder.connected(this::sendString);
                    }

                    @Override
                    public void stringReceived(byte[] string) {
                        recorder.got(string, transport);
                    }

                    @Override
                    public void connectionLost(Failure reason) {
                        super.connectionLost(reason);
                        recorder.gone();
                    }
                };
            case "int8" ->
                new Int8StringReceiver() {
                    @Override
                    public void connectionMade() {
                        recorder.connected(this::sendString);
                    }

                    @Override
                    public void stringReceived(byte[] string) {
                        recorder.got(string, transport);
                    }

                    @Override
                    public void connectionLost(Failure reason) {
                        super.connectionLost(reason);
                        recorder.gone();
                    }
                };
            case "int16" ->
                new Int16StringReceiver() {
                    @Override
                    public void connectionMade() {
                        recorder.connected(this::sendString);
                    }

                    @Override
                    public void stringReceived(byte[] string) {
                        recorder.got(string, transport);
                    }

                    @Override
                    public void connectionLost(Failure reason) {
                        super.connectionLost(reason);
                        recorder.gone();
                    }
                };
            default ->
                new Int32StringReceiver() {
                    @Override
                    public void connectionMade() {
                        recorder.connected(this::sendString);
                    }

                    @Override
                    public void stringReceived(byte[] string) {
                        recorder.got(string, transport);
                    }

                    @Override
                    public void connectionLost(Failure reason) {
                        super.connectionLost(reason);
                        recorder.gone();
                    }
                };
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"lines", "netstring", "int8", "int16", "int32"})
    void jtwistedClientTalksToTwistedServer(String kind) throws Exception {
        Process peer = python(null, "server", kind);
        BufferedReader out = new BufferedReader(new InputStreamReader(peer.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine(); // the peer prints its port at once, and exits within 60 s in any case
        assertThat(first).as("the Twisted peer's port line").isNotNull().startsWith("port ");
        int port = Integer.parseInt(first.substring(5));

        Reactor reactor = Reactor.create();
        Recorder recorder = new Recorder(kind);
        Protocol client = javaClient(kind, recorder);
        Trial.await(reactor, new ClientCreator<>(reactor, () -> client).connectTCP("127.0.0.1", port));
        // Bounded well below the peer's own 60 s lifetime: the close must come from the over-limit data.
        boolean allReceivedBeforeClose = Trial.await(reactor, recorder.lost.addTimeout(20, reactor));

        assertThat(hex(recorder.received)).isEqualTo(hex(messages(kind)));
        // The over-limit message (when there is one) made the Twisted server close the connection.
        assertThat(allReceivedBeforeClose).isTrue();
        peer.destroy();
        assertThat(peer.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }
}
