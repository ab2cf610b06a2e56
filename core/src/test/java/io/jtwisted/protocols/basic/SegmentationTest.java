package io.jtwisted.protocols.basic;

import static io.jtwisted.protocols.basic.Bytes.b;
import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.testing.StringTransport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: every parser gives the same events whatever the segmentation of its input: all at
 * once, one byte at a time, and random chunks (fixed seeds, so failures reproduce). Streams include
 * empty messages, maximum-length ones, delimiters split across chunks, mode switches and errors.
 */
class SegmentationTest {
    /** A parser under test and the events it recorded. */
    interface Recorder {
        IProtocol protocol();

        List<String> events();
    }

    static final class Lines extends LineReceiver implements Recorder {
        final List<String> events = new ArrayList<>();
        int rawLeft;

        Lines() {
            MAX_LENGTH = 20;
        }

        @Override
        public void lineReceived(byte[] line) {
            String text = Bytes.s(line);
            events.add("line " + text);
            if (text.startsWith("raw ")) {
                rawLeft = Integer.parseInt(text.substring(4));
                setRawMode();
            }
        }

        @Override
        public void rawDataReceived(byte[] data) {
            int take = Math.min(rawLeft, data.length);
            // Raw chunk boundaries depend on segmentation; record byte by byte.
            for (int i = 0; i < take; i++) {
                events.add("raw " + (char) data[i]);
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

        @Override
        public IProtocol protocol() {
            return this;
        }

        @Override
        public List<String> events() {
            return events;
        }
    }

    static final class OnlyLines extends LineOnlyReceiver implements Recorder {
        final List<String> events = new ArrayList<>();

        OnlyLines() {
            MAX_LENGTH = 20;
        }

        @Override
        public void lineReceived(byte[] line) {
            events.add("line " + Bytes.s(line));
        }

        @Override
        public void lineLengthExceeded(byte[] line) {
            events.add("too long");
            transport.loseConnection();
        }

        @Override
        public IProtocol protocol() {
            return this;
        }

        @Override
        public List<String> events() {
            return events;
        }
    }

    static final class Netstrings extends NetstringReceiver implements Recorder {
        final List<String> events = new ArrayList<>();

        Netstrings() {
            MAX_LENGTH = 20;
        }

        @Override
        public void stringReceived(byte[] string) {
            events.add("string " + Bytes.s(string));
        }

        @Override
        public IProtocol protocol() {
            return this;
        }

        @Override
        public List<String> events() {
            return events;
        }
    }

    static final class Prefixed extends IntNStringReceiver implements Recorder {
        final List<String> events = new ArrayList<>();

        Prefixed(int n) {
            super(n);
            MAX_LENGTH = 20;
        }

        @Override
        public void stringReceived(byte[] string) {
            events.add("string " + Bytes.s(string));
        }

        @Override
        public void lengthLimitExceeded(long length) {
            events.add("too long " + length);
            transport.loseConnection();
        }

        @Override
        public IProtocol protocol() {
            return this;
        }

        @Override
        public List<String> events() {
            return events;
        }
    }

    static byte[] prefixed(int n, String... strings) {
        List<byte[]> parts = new ArrayList<>();
        for (String s : strings) {
            parts.add(IntNStringReceiverTest.message(n, b(s)));
        }
        return Bytes.concat(parts.toArray(new byte[0][]));
    }

    static Stream<Arguments> cases() {
        String lines = "hello\r\n\r\n" + "x".repeat(20) + "\r\nraw 5\r\nab\r\ncdef\r\n\r\r\n";
        String tooLong = "ok\r\n" + "y".repeat(25) + "\r\nnever\r\n";
        String netstrings = "0:,5:hello,20:" + "z".repeat(20) + ",3:a,b,1:\n,";
        String badNetstring = "3:abc,2:abc,1:x,";
        Function<Integer, Recorder> prefixedN = Prefixed::new;
        return Stream.of(
                Arguments.of("LineReceiver", (java.util.function.Supplier<Recorder>) Lines::new, b(lines)),
                Arguments.of("LineReceiver too long", (java.util.function.Supplier<Recorder>) Lines::new, b(tooLong)),
                Arguments.of(
                        "LineOnlyReceiver",
                        (java.util.function.Supplier<Recorder>) OnlyLines::new,
                        // 19, not 20: Twisted's LineOnlyReceiver counts a partial "\r\n" against MAX_LENGTH.
                        b(lines.replace("raw 5\r\n", "").replace("x".repeat(20), "x".repeat(19)))),
                Arguments.of(
                        "LineOnlyReceiver too long",
                        (java.util.function.Supplier<Recorder>) OnlyLines::new,
                        b(tooLong)),
                Arguments.of(
                        "NetstringReceiver", (java.util.function.Supplier<Recorder>) Netstrings::new, b(netstrings)),
                Arguments.of(
                        "NetstringReceiver error",
                        (java.util.function.Supplier<Recorder>) Netstrings::new,
                        b(badNetstring)),
                Arguments.of(
                        "Int8",
                        (java.util.function.Supplier<Recorder>) () -> prefixedN.apply(1),
                        Bytes.concat(prefixed(1, "", "abc", "q".repeat(20)), new byte[] {21, 'x'})),
                Arguments.of(
                        "Int16",
                        (java.util.function.Supplier<Recorder>) () -> prefixedN.apply(2),
                        prefixed(2, "", "abc", "q".repeat(20), "w".repeat(21))),
                Arguments.of(
                        "Int32",
                        (java.util.function.Supplier<Recorder>) () -> prefixedN.apply(4),
                        prefixed(4, "", "abc", "q".repeat(20), "w".repeat(21))));
    }

    static List<String> run(java.util.function.Supplier<Recorder> make, byte[] stream, List<Integer> cuts) {
        Recorder recorder = make.get();
        StringTransport transport = new StringTransport();
        recorder.protocol().makeConnection(transport);
        List<Integer> ends = new ArrayList<>(cuts);
        ends.add(stream.length);
        int from = 0;
        for (int cut : ends) {
            if (transport.disconnecting()) {
                break; // a real transport stops reading once the connection is being closed
            }
            recorder.protocol().dataReceived(Arrays.copyOfRange(stream, from, cut));
            from = cut;
        }
        return recorder.events();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameEventsWhateverTheSegmentation(String name, java.util.function.Supplier<Recorder> make, byte[] stream) {
        List<String> whole = run(make, stream, List.of());
        assertThat(whole).isNotEmpty();

        List<Integer> everyByte = new ArrayList<>();
        for (int i = 1; i < stream.length; i++) {
            everyByte.add(i);
        }
        assertThat(run(make, stream, everyByte)).as("one byte at a time").isEqualTo(whole);

        for (long seed = 1; seed <= 200; seed++) {
            Random random = new Random(seed);
            List<Integer> cuts = new ArrayList<>();
            int at = 0;
            while (true) {
                at += random.nextInt(12); // zero-length chunks included
                if (at >= stream.length) {
                    break;
                }
                cuts.add(at);
            }
            assertThat(run(make, stream, cuts))
                    .as("random chunks, seed %d", seed)
                    .isEqualTo(whole);
        }
    }
}
