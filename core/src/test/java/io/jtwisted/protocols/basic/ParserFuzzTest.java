package io.jtwisted.protocols.basic;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jtwisted.internet.testing.StringTransport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Fuzz targets for every stream parser of {@code protocols.basic}. Each input is a stream and a
 * segmentation of it, and each target checks three invariants:
 *
 * <ul>
 *   <li><b>Segmentation does not matter:</b> the parser reports the same events (messages, length
 *       errors, the decision to close) whether the stream arrives whole or in the fuzzed pieces.
 *       {@code LineOnlyReceiver} is the exception Twisted defines: it counts a delimiter still
 *       incomplete at the end of a read against {@code MAX_LENGTH}, so a line within
 *       {@code delimiter.length - 1} bytes of the limit is refused or not depending on where a read
 *       ends. Its target checks the events against a model of Twisted's own algorithm instead
 *       ({@link #twistedLineOnlyEvents}), for the whole stream and for the pieces.
 *   <li><b>No exception escapes</b> {@code dataReceived}: bad input is reported through the
 *       parser's own callbacks (length exceeded, closing the connection), never thrown.
 *   <li><b>Memory is bounded by the configured maximum:</b> while the connection is open, the bytes
 *       a parser keeps between calls stay within {@code max(64 KiB, 4 × (MAX_LENGTH + framing))},
 *       whatever the length of the stream.
 * </ul>
 *
 * <p>With every test run, the committed inputs under {@code ParserFuzzTestInputs/} run as
 * regression tests (a crash found once stays there). To fuzz one target for a while:
 * {@code benchmarks/fuzz ParserFuzzTest#lineReceiver 1800}.
 */
class ParserFuzzTest {
    private static final int MAX = 20;
    private static final int FLOOR = 64 * 1024;

    /**
     * A parser under test: the protocol, the events it reported, what it keeps buffered
     * ({@code retainedBytes()}), and at most how many bytes of framing surround a message
     * (delimiter, prefix, netstring header).
     */
    record Parser(
            io.jtwisted.internet.protocol.Protocol protocol, List<String> events, IntSupplier kept, int framing) {}

    static final class Lines extends LineReceiver {
        final List<String> events = new ArrayList<>();
        int rawLeft;

        Lines() {
            MAX_LENGTH = MAX;
        }

        @Override
        public void lineReceived(byte[] line) {
            String text = new String(line, StandardCharsets.ISO_8859_1);
            events.add("line " + text);
            if (text.length() == 5 && text.startsWith("raw ") && Character.isDigit(text.charAt(4))) {
                rawLeft = text.charAt(4) - '0';
                if (rawLeft > 0) {
                    setRawMode();
                }
            }
        }

        @Override
        public void rawDataReceived(byte[] data) {
            int take = Math.min(rawLeft, data.length);
            for (int i = 0; i < take; i++) { // raw chunk boundaries depend on segmentation: one event per byte
                events.add("raw " + data[i]);
            }
            rawLeft -= take;
            if (rawLeft == 0) {
                setLineMode(Arrays.copyOfRange(data, take, data.length));
            }
        }

        @Override
        public void lineLengthExceeded(byte[] line) {
            events.add("too long");
            transport.loseConnection();
        }
    }

    static final class OnlyLines extends LineOnlyReceiver {
        final List<String> events = new ArrayList<>();

        OnlyLines() {
            MAX_LENGTH = MAX;
        }

        @Override
        public void lineReceived(byte[] line) {
            events.add("line " + Arrays.toString(line));
        }

        @Override
        public void lineLengthExceeded(byte[] line) {
            events.add("too long");
            transport.loseConnection();
        }
    }

    static final class Netstrings extends NetstringReceiver {
        final List<String> events = new ArrayList<>();

        Netstrings() {
            MAX_LENGTH = MAX;
        }

        @Override
        public void stringReceived(byte[] string) {
            events.add("string " + Arrays.toString(string));
        }
    }

    static final class Prefixed extends IntNStringReceiver {
        final List<String> events = new ArrayList<>();

        Prefixed(int prefixLength) {
            super(prefixLength);
            MAX_LENGTH = MAX;
        }

        @Override
        public void stringReceived(byte[] string) {
            events.add("string " + Arrays.toString(string));
        }

        @Override
        public void lengthLimitExceeded(long length) {
            events.add("too long " + length);
            transport.loseConnection();
        }
    }

    /** A one-byte length, then that many bytes (lengths over MAX close the connection). */
    static final class States extends StatefulProtocol {
        final List<String> events = new ArrayList<>();

        @Override
        protected State getInitialState() {
            return new State(this::length, 1);
        }

        private State length(byte[] prefix) {
            int length = prefix[0] & 0xFF;
            if (length > MAX) {
                events.add("too long " + length);
                transport.loseConnection();
                return null;
            }
            return length == 0 ? body(new byte[0]) : new State(this::body, length);
        }

        private State body(byte[] body) {
            events.add("message " + Arrays.toString(body));
            return getInitialState();
        }
    }

    private static Parser lines() {
        Lines parser = new Lines();
        return new Parser(parser, parser.events, parser::retainedBytes, parser.delimiter().length);
    }

    private static Parser onlyLines() {
        OnlyLines parser = new OnlyLines();
        return new Parser(parser, parser.events, parser::retainedBytes, parser.delimiter().length);
    }

    private static Parser netstrings() {
        Netstrings parser = new Netstrings();
        // header ("20:"), comma, and the payload array the parser allocates once it knows the length
        return new Parser(
                parser,
                parser.events,
                parser::retainedBytes,
                Integer.toString(MAX).length() + 2 + MAX);
    }

    private static Parser prefixed(int prefixLength) {
        Prefixed parser = new Prefixed(prefixLength);
        return new Parser(parser, parser.events, parser::retainedBytes, prefixLength);
    }

    private static Parser states() {
        States parser = new States();
        return new Parser(parser, parser.events, parser::retainedBytes, 1);
    }

    /** Feeds {@code stream} cut at {@code cuts}; checks the memory bound after every call. */
    private static List<String> feed(Supplier<Parser> make, byte[] stream, int[] cuts) {
        Parser parser = make.get();
        StringTransport transport = new StringTransport();
        parser.protocol().makeConnection(transport);
        int from = 0;
        for (int i = 0; i <= cuts.length; i++) {
            int to = i < cuts.length ? cuts[i] : stream.length;
            if (transport.disconnecting()) {
                break; // a real transport stops reading once the connection is being closed
            }
            parser.protocol().dataReceived(Arrays.copyOfRange(stream, from, to));
            from = to;
            if (!transport.disconnecting()) {
                assertThat(parser.kept().getAsInt())
                        .as("bytes kept after %d of %d bytes", to, stream.length)
                        .isLessThanOrEqualTo(Math.max(FLOOR, 4 * (MAX + parser.framing())));
            }
        }
        List<String> events = new ArrayList<>(parser.events());
        if (transport.disconnecting()) {
            events.add("closing");
        }
        return events;
    }

    /** The fuzzer's input: up to 64 cut points, then the stream. */
    @SuppressWarnings("ArrayRecordComponent") // one fuzzer input, never compared
    private record Input(byte[] stream, int[] cuts) {
        static Input from(FuzzedDataProvider data) {
            int cutCount = data.consumeInt(0, 64);
            int[] cuts = new int[cutCount];
            for (int i = 0; i < cutCount; i++) {
                cuts[i] = data.consumeInt(0, Integer.MAX_VALUE);
            }
            byte[] stream = data.consumeRemainingAsBytes();
            for (int i = 0; i < cutCount; i++) {
                cuts[i] = cuts[i] % (stream.length + 1);
            }
            Arrays.sort(cuts);
            return new Input(stream, cuts);
        }
    }

    private static void check(Supplier<Parser> make, FuzzedDataProvider data) {
        Input input = Input.from(data);
        List<String> whole = feed(make, input.stream(), new int[0]);
        assertThat(feed(make, input.stream(), input.cuts()))
                .as("events with the stream cut at %s", Arrays.toString(input.cuts()))
                .isEqualTo(whole);
    }

    /**
     * Twisted's {@code LineOnlyReceiver.dataReceived}, step by step, with {@link OnlyLines}'s
     * events: split buffer and data on the delimiter, keep the last piece, deliver the others
     * (a line over the limit ends the read: "too long", then the connection closes), and refuse
     * the kept piece if it is over the limit.
     */
    static List<String> twistedLineOnlyEvents(byte[] stream, int[] cuts, byte[] delimiter, int maxLength) {
        List<String> events = new ArrayList<>();
        byte[] buffer = new byte[0];
        int from = 0;
        for (int i = 0; i <= cuts.length; i++) {
            int to = i < cuts.length ? cuts[i] : stream.length;
            byte[] all = new byte[buffer.length + to - from];
            System.arraycopy(buffer, 0, all, 0, buffer.length);
            System.arraycopy(stream, from, all, buffer.length, to - from);
            from = to;
            int start = 0;
            for (int at = indexOf(all, delimiter, 0); at >= 0; at = indexOf(all, delimiter, start)) {
                byte[] line = Arrays.copyOfRange(all, start, at);
                start = at + delimiter.length;
                if (line.length > maxLength) {
                    events.add("too long");
                    events.add("closing");
                    return events;
                }
                events.add("line " + Arrays.toString(line));
            }
            buffer = Arrays.copyOfRange(all, start, all.length);
            if (buffer.length > maxLength) {
                events.add("too long");
                events.add("closing");
                return events;
            }
        }
        return events;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @FuzzTest(maxDuration = "10s")
    void lineReceiver(FuzzedDataProvider data) {
        check(ParserFuzzTest::lines, data);
    }

    @FuzzTest(maxDuration = "10s")
    void lineOnlyReceiver(FuzzedDataProvider data) {
        Input input = Input.from(data);
        byte[] crlf = {'\r', '\n'};
        assertThat(feed(ParserFuzzTest::onlyLines, input.stream(), new int[0]))
                .as("events of the whole stream")
                .isEqualTo(twistedLineOnlyEvents(input.stream(), new int[0], crlf, MAX));
        assertThat(feed(ParserFuzzTest::onlyLines, input.stream(), input.cuts()))
                .as("events with the stream cut at %s", Arrays.toString(input.cuts()))
                .isEqualTo(twistedLineOnlyEvents(input.stream(), input.cuts(), crlf, MAX));
    }

    @FuzzTest(maxDuration = "10s")
    void netstringReceiver(FuzzedDataProvider data) {
        check(ParserFuzzTest::netstrings, data);
    }

    @FuzzTest(maxDuration = "10s")
    void int8StringReceiver(FuzzedDataProvider data) {
        check(() -> prefixed(1), data);
    }

    @FuzzTest(maxDuration = "10s")
    void int16StringReceiver(FuzzedDataProvider data) {
        check(() -> prefixed(2), data);
    }

    @FuzzTest(maxDuration = "10s")
    void int32StringReceiver(FuzzedDataProvider data) {
        check(() -> prefixed(4), data);
    }

    @FuzzTest(maxDuration = "10s")
    void statefulProtocol(FuzzedDataProvider data) {
        check(ParserFuzzTest::states, data);
    }
}
