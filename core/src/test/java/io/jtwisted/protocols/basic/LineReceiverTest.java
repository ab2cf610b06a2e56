package io.jtwisted.protocols.basic;

import static io.jtwisted.protocols.basic.Bytes.b;
import static io.jtwisted.protocols.basic.Bytes.concat;
import static io.jtwisted.protocols.basic.Bytes.repeat;
import static io.jtwisted.protocols.basic.Bytes.s;
import static io.jtwisted.protocols.basic.Bytes.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IPushProducer;
import io.jtwisted.internet.interfaces.ITransport;
import io.jtwisted.internet.task.Clock;
import io.jtwisted.internet.testing.StringTransport;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Port of twisted.protocols.test.test_basic: LineReceiverTests, LineReceiverLineLengthExceededTests
 * and ProducerTests.
 *
 * <p>Covered: test_buffer, test_pausing, test_rawPausing, test_stopProducing,
 * test_lineReceiverAsProducer, test_clearLineBuffer, test_stackRecursion, test_maximumLineLength,
 * test_maximumLineLengthPartialDelimiter, test_notQuiteMaximumLineLengthUnfinished,
 * test_rawDataReceivedNotImplemented, test_lineReceivedNotImplemented; test_longUnendedLine,
 * test_longLineAfterShortLine, test_longLineWithDelimiter, test_multipleLongLines,
 * test_maximumLineLength (LineLengthExceeded), test_maximumLineLengthRemaining;
 * ProducerTests.test_pauseResume.
 *
 * <p>Not ported: test_rawDataError (Python-only: a value returned by rawDataReceived is returned by
 * dataReceived; in Java both return void, and an exception simply propagates).
 */
class LineReceiverTest {

    /** Twisted's LineTester: acts on some tokens (pause, rawpause, stop, len, produce, unproduce). */
    static class LineTester extends LineReceiver {
        final Clock clock;
        final List<byte[]> received = new ArrayList<>();
        int length;

        LineTester(Clock clock) {
            this.clock = clock;
            delimiter = b("\n");
            MAX_LENGTH = 64;
        }

        @Override
        public void lineReceived(byte[] line) {
            received.add(line);
            String text = s(line);
            if (text.isEmpty()) {
                setRawMode();
            } else if (text.equals("pause")) {
                pauseProducing();
                clock.callLater(0, this::resumeProducing);
            } else if (text.equals("rawpause")) {
                pauseProducing();
                setRawMode();
                received.add(new byte[0]);
                clock.callLater(0, this::resumeProducing);
            } else if (text.equals("stop")) {
                stopProducing();
            } else if (text.startsWith("len ")) {
                length = Integer.parseInt(text.substring(4));
            } else if (text.startsWith("produce")) {
                ((StringTransport) transport).registerProducer(this, false);
            } else if (text.startsWith("unproduce")) {
                ((StringTransport) transport).unregisterProducer();
            }
        }

        @Override
        public void rawDataReceived(byte[] data) {
            int take = Math.min(length, data.length);
            byte[] mine = java.util.Arrays.copyOfRange(data, 0, take);
            byte[] rest = java.util.Arrays.copyOfRange(data, take, data.length);
            length -= take;
            received.set(received.size() - 1, concat(received.get(received.size() - 1), mine));
            if (length == 0) {
                setLineMode(rest);
            }
        }

        @Override
        public void lineLengthExceeded(byte[] line) {
            if (line.length > MAX_LENGTH + 1) {
                setLineMode(java.util.Arrays.copyOfRange(line, MAX_LENGTH + 1, line.length));
            }
        }
    }

    static final byte[] BUFFER =
            b("len 10\n\n0123456789len 5\n\n1234\nlen 20\nfoo 123\n\n0123456789\n012345678len 0\nfoo 5\n\n"
                    + "1234567890123456789012345678901234567890123456789012345678901234567890\nlen 1\n\na");
    static final List<String> OUTPUT = List.of(
            "len 10",
            "0123456789",
            "len 5",
            "1234\n",
            "len 20",
            "foo 123",
            "0123456789\n012345678",
            "len 0",
            "foo 5",
            "",
            "67890",
            "len 1",
            "a");

    private static LineTester connected(Clock clock) {
        LineTester tester = new LineTester(clock);
        tester.makeConnection(new StringTransport());
        return tester;
    }

    @Test
    void linesAndRawDataAreParsedTheSameForEveryPacketSize() {
        for (int size = 1; size < 10; size++) {
            LineTester a = connected(new Clock());
            Bytes.feedInPackets(a::dataReceived, BUFFER, size);
            assertThat(strings(a.received)).as("packet size %d", size).isEqualTo(OUTPUT);
        }
    }

    @Test
    void pausingStopsDeliveryUntilResumed() {
        byte[] buf = b("twiddle1\ntwiddle2\npause\ntwiddle3\n");
        for (int size = 1; size < 10; size++) {
            Clock clock = new Clock();
            LineTester a = connected(clock);
            Bytes.feedInPackets(a::dataReceived, buf, size);
            assertThat(strings(a.received)).isEqualTo(List.of("twiddle1", "twiddle2", "pause"));
            clock.advance(0);
            assertThat(strings(a.received)).isEqualTo(List.of("twiddle1", "twiddle2", "pause", "twiddle3"));
        }
    }

    @Test
    void pausingInRawModeStopsDeliveryUntilResumed() {
        byte[] buf = b("twiddle1\ntwiddle2\nlen 5\nrawpause\n12345twiddle3\n");
        for (int size = 1; size < 10; size++) {
            Clock clock = new Clock();
            LineTester a = connected(clock);
            Bytes.feedInPackets(a::dataReceived, buf, size);
            assertThat(strings(a.received)).isEqualTo(List.of("twiddle1", "twiddle2", "len 5", "rawpause", ""));
            clock.advance(0);
            assertThat(strings(a.received))
                    .isEqualTo(List.of("twiddle1", "twiddle2", "len 5", "rawpause", "12345", "twiddle3"));
        }
    }

    @Test
    void stopProducingStopsDeliveryForGood() {
        byte[] buf = b("twiddle1\ntwiddle2\nstop\nmore\nstuff\n");
        for (int size = 1; size < 10; size++) {
            LineTester a = connected(new Clock());
            Bytes.feedInPackets(a::dataReceived, buf, size);
            assertThat(strings(a.received)).isEqualTo(List.of("twiddle1", "twiddle2", "stop"));
            assertThat(((StringTransport) a.transport()).producerState()).isEqualTo("stopped");
        }
    }

    @Test
    void lineReceiverCanRegisterItselfAsProducer() {
        LineTester a = connected(new Clock());
        a.dataReceived(b("produce\nhello world\nunproduce\ngoodbye\n"));
        assertThat(strings(a.received)).isEqualTo(List.of("produce", "hello world", "unproduce", "goodbye"));
        assertThat(((StringTransport) a.transport()).producer()).isNull();
    }

    @Test
    void clearLineBufferReturnsAndForgetsBufferedDataFromWithinLineReceived() {
        class ClearingReceiver extends LineReceiver {
            byte[] line;
            byte[] rest;

            @Override
            public void lineReceived(byte[] received) {
                line = received;
                rest = clearLineBuffer();
            }
        }
        ClearingReceiver protocol = new ClearingReceiver();
        protocol.dataReceived(b("foo\r\nbar\r\nbaz"));
        assertThat(s(protocol.line)).isEqualTo("foo");
        assertThat(s(protocol.rest)).isEqualTo("bar\r\nbaz");
        protocol.dataReceived(b("quux\r\n"));
        assertThat(s(protocol.line)).isEqualTo("quux");
        assertThat(s(protocol.rest)).isEmpty();
    }

    @Test
    void switchingModesManyTimesInOneChunkDoesNotRecurse() {
        class FlippingLineTester extends LineReceiver {
            final List<byte[]> lines = new ArrayList<>();

            FlippingLineTester() {
                delimiter = b("\n");
            }

            @Override
            public void lineReceived(byte[] line) {
                lines.add(line);
                setRawMode();
            }

            @Override
            public void rawDataReceived(byte[] data) {
                setLineMode(java.util.Arrays.copyOfRange(data, 1, data.length));
            }
        }
        FlippingLineTester proto = new FlippingLineTester();
        proto.makeConnection(new StringTransport());
        int limit = 20_000; // deep enough that recursing once per switch would overflow the stack
        proto.dataReceived(b("x\nx".repeat(limit)));
        assertThat(s(concat(proto.lines.toArray(new byte[0][])))).isEqualTo("x".repeat(limit));
    }

    /** A plain LineReceiver that drops lines. */
    static class Plain extends LineReceiver {
        @Override
        public void lineReceived(byte[] line) {}
    }

    @Test
    void lineLongerThanMaxLengthClosesTheConnection() {
        Plain proto = new Plain();
        StringTransport transport = new StringTransport();
        proto.makeConnection(transport);
        proto.dataReceived(concat(repeat('x', proto.maxLength() + 1), b("\r\nr")));
        assertThat(transport.disconnecting()).isTrue();
    }

    @Test
    void tooLongLineIsLoggedWithItsReason() {
        List<io.jtwisted.logger.LogEvent> events = new ArrayList<>();
        io.jtwisted.logger.ILogObserver observer = events::add;
        io.jtwisted.logger.LogPublisher.globalLogPublisher().addObserver(observer);
        try {
            Plain proto = new Plain();
            proto.makeConnection(new StringTransport());
            proto.dataReceived(repeat('x', proto.maxLength() + 2));
        } finally {
            io.jtwisted.logger.LogPublisher.globalLogPublisher().removeObserver(observer);
        }
        assertThat(events)
                .anySatisfy(e -> assertThat(e.message()).contains("line longer than MAX_LENGTH (16384 bytes)"));
    }

    @Test
    void lineOfMaxLengthCompletedByASplitDelimiterIsAccepted() {
        LineTester proto = new LineTester(new Clock());
        proto.setMaxLength(4);
        StringTransport t = new StringTransport();
        proto.makeConnection(t);
        byte[] line = repeat('x', 3);
        proto.dataReceived(line);
        proto.dataReceived(b(""));
        proto.dataReceived(concat(b("\n"), line));
        assertThat(t.disconnecting()).isFalse();
        assertThat(strings(proto.received)).containsExactly("xxx");
    }

    @Test
    void lineOfMaxLengthCompletedByASplitTwoByteDelimiterIsAccepted() {
        Plain proto = new Plain();
        proto.setMaxLength(4);
        StringTransport t = new StringTransport();
        proto.makeConnection(t);
        proto.dataReceived(b("xxxx\r"));
        proto.dataReceived(b("\nxxxx"));
        assertThat(t.disconnecting()).isFalse();
    }

    @Test
    void unfinishedLineEndingWithPartOfTheDelimiterIsNotTooLongYet() {
        Plain proto = new Plain();
        StringTransport transport = new StringTransport();
        proto.makeConnection(transport);
        proto.dataReceived(concat(repeat('x', proto.maxLength()), b("\r")));
        assertThat(transport.disconnecting()).isFalse();
    }

    @Test
    void unfinishedLineOfMaxLengthPlusDelimiterLengthClosesTheConnection() {
        Plain proto = new Plain();
        StringTransport transport = new StringTransport();
        proto.makeConnection(transport);
        proto.dataReceived(repeat('x', proto.maxLength() + 2));
        assertThat(transport.disconnecting()).isTrue();
    }

    @Test
    void defaultHandlersThrowUnsupportedOperation() {
        LineReceiver proto = new LineReceiver() {};
        assertThatThrownBy(() -> proto.rawDataReceived(b("foo"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> proto.lineReceived(b("foo"))).isInstanceOf(UnsupportedOperationException.class);
    }

    /** Twisted's ExcessivelyLargeLineCatcher, MAX_LENGTH 6. */
    static class Catcher extends LineReceiver {
        final List<byte[]> longLines = new ArrayList<>();

        Catcher() {
            MAX_LENGTH = 6;
        }

        @Override
        public void lineReceived(byte[] line) {}

        @Override
        public void lineLengthExceeded(byte[] line) {
            longLines.add(line);
        }
    }

    private static Catcher catcher() {
        Catcher proto = new Catcher();
        proto.makeConnection(new StringTransport());
        return proto;
    }

    @Test
    void longUnendedLineIsPassedWhole() {
        Catcher proto = catcher();
        byte[] excessive = repeat('x', 6 * 2 + 2);
        proto.dataReceived(excessive);
        assertThat(strings(proto.longLines)).containsExactly(s(excessive));
    }

    @Test
    void longLineAfterShortLineIsPassedWithoutTheShortLine() {
        Catcher proto = catcher();
        byte[] excessive = repeat('x', 6 * 2 + 2);
        proto.dataReceived(concat(b("x\r\n"), excessive));
        assertThat(strings(proto.longLines)).containsExactly(s(excessive));
    }

    @Test
    void longLineWithDelimiterPassesTheWholeRest() {
        Catcher proto = catcher();
        String x = "x".repeat(14);
        proto.dataReceived(b(x + "\r\n" + x));
        assertThat(strings(proto.longLines)).containsExactly(x + "\r\n" + x);
    }

    @Test
    void multipleLongLinesArePassedTogether() {
        Catcher proto = catcher();
        String excessive = ("x".repeat(14) + "\r\n").repeat(2);
        proto.dataReceived(b(excessive));
        assertThat(strings(proto.longLines)).containsExactly(excessive);
    }

    /** Twisted's OnlyProducerTransport: a transport that is only a push producer. */
    static class OnlyProducerTransport implements ITransport, IPushProducer {
        boolean paused;
        final List<byte[]> data = new ArrayList<>();

        @Override
        public void pauseProducing() {
            paused = true;
        }

        @Override
        public void resumeProducing() {
            paused = false;
        }

        @Override
        public void stopProducing() {}

        @Override
        public void write(byte[] bytes) {
            data.add(bytes);
        }

        @Override
        public void write(ByteBuffer bytes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void writeSequence(Iterable<byte[]> bytes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void loseConnection() {}

        @Override
        public void abortConnection() {}

        @Override
        public IAddress getPeer() {
            return null;
        }

        @Override
        public IAddress getHost() {
            return null;
        }
    }

    @Test
    void pausedReceiverDeliversNoLinesAndResumingDeliversBufferedOnes() {
        LineReceiver p = new LineReceiver() {
            @Override
            public void lineReceived(byte[] line) {
                transport.write(line);
                pauseProducing();
            }
        };
        OnlyProducerTransport t = new OnlyProducerTransport();
        p.makeConnection(t);

        p.dataReceived(b("hello, "));
        assertThat(strings(t.data)).isEmpty();
        assertThat(t.paused).isFalse();
        assertThat(p.paused()).isFalse();

        p.dataReceived(b("world\r\n"));
        assertThat(strings(t.data)).containsExactly("hello, world");
        assertThat(t.paused).isTrue();
        assertThat(p.paused()).isTrue();

        p.resumeProducing();
        assertThat(strings(t.data)).containsExactly("hello, world");
        assertThat(t.paused).isFalse();
        assertThat(p.paused()).isFalse();

        p.dataReceived(b("hello\r\nworld\r\n"));
        assertThat(strings(t.data)).containsExactly("hello, world", "hello");
        assertThat(t.paused).isTrue();
        assertThat(p.paused()).isTrue();

        p.resumeProducing();
        assertThat(strings(t.data)).containsExactly("hello, world", "hello", "world");
        assertThat(t.paused).isTrue();
        assertThat(p.paused()).isTrue();

        p.dataReceived(b("goodbye\r\n"));
        assertThat(strings(t.data)).containsExactly("hello, world", "hello", "world");

        p.resumeProducing();
        assertThat(strings(t.data)).containsExactly("hello, world", "hello", "world", "goodbye");
        assertThat(t.paused).isTrue();

        p.resumeProducing();
        assertThat(strings(t.data)).containsExactly("hello, world", "hello", "world", "goodbye");
        assertThat(t.paused).isFalse();
        assertThat(p.paused()).isFalse();
    }

    // JTwisted additions.

    @Test
    void linesAfterTheOneThatClosedTheConnectionAreNotDelivered() {
        List<String> lines = new ArrayList<>();
        LineReceiver p = new LineReceiver() {
            @Override
            public void lineReceived(String line) {
                lines.add(line);
                if (line.equals("quit")) {
                    transport.loseConnection();
                }
            }
        };
        p.makeConnection(new StringTransport());
        p.dataReceived(b("a\r\nquit\r\nb\r\n"));
        assertThat(lines).containsExactly("a", "quit");
    }

    @Test
    void sendLineWritesTheLineAndDelimiterAndStringLinesAreUtf8() {
        List<String> lines = new ArrayList<>();
        LineReceiver p = new LineReceiver() {
            @Override
            public void lineReceived(String line) {
                lines.add(line);
            }
        };
        StringTransport t = new StringTransport();
        p.makeConnection(t);
        p.sendLine(b("abc"));
        p.sendLine("héllo");
        assertThat(t.value())
                .isEqualTo(concat(b("abc\r\n"), "héllo\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        p.dataReceived("héllo\r\nwörld\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(lines).containsExactly("héllo", "wörld");
    }

    @Test
    void delimiterCanBeChangedBetweenChunks() {
        List<String> lines = new ArrayList<>();
        LineReceiver p = new LineReceiver() {
            @Override
            public void lineReceived(String line) {
                lines.add(line);
            }
        };
        p.makeConnection(new StringTransport());
        p.dataReceived(b("a\r\nb;c"));
        p.setDelimiter(b(";"));
        p.dataReceived(b(";d\r\n;"));
        assertThat(lines).containsExactly("a", "b", "c", "d\r\n");
    }

    @Test
    void rawModeSwitchInsideOneChunkHandsTheRestToRawDataReceived() {
        List<String> events = new ArrayList<>();
        LineReceiver p = new LineReceiver() {
            @Override
            public void lineReceived(String line) {
                events.add("line " + line);
                if (line.equals("raw")) {
                    setRawMode();
                }
            }

            @Override
            public void rawDataReceived(byte[] data) {
                events.add("raw " + s(data));
            }
        };
        p.makeConnection(new StringTransport());
        p.dataReceived(b("a\r\nraw\r\nxyz\r\nmore"));
        p.dataReceived(b("tail"));
        assertThat(events).containsExactly("line a", "line raw", "raw xyz\r\nmore", "raw tail");
    }
}
