package io.jtwisted.protocols.basic;

import static io.jtwisted.protocols.basic.Bytes.b;
import static io.jtwisted.protocols.basic.Bytes.concat;
import static io.jtwisted.protocols.basic.Bytes.repeat;
import static io.jtwisted.protocols.basic.Bytes.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internet.testing.StringTransport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Port of twisted.protocols.test.test_basic.LineOnlyReceiverTests: test_buffer,
 * test_greaterThanMaximumLineLength, test_lineReceivedNotImplemented (all of them), plus JTwisted
 * checks of the boundary handling of the fast path.
 */
class LineOnlyReceiverTest {
    static class LineOnlyTester extends LineOnlyReceiver {
        final List<byte[]> received = new ArrayList<>();

        LineOnlyTester() {
            delimiter = b("\n");
            MAX_LENGTH = 64;
        }

        @Override
        public void lineReceived(byte[] line) {
            received.add(line);
        }
    }

    private static LineOnlyTester connected() {
        LineOnlyTester tester = new LineOnlyTester();
        tester.makeConnection(new StringTransport());
        return tester;
    }

    @Test
    void linesFedOneByteAtATimeAreReceived() {
        String buffer = "foo\n    bleakness\n    desolation\n    plastic forks\n    ";
        LineOnlyTester a = connected();
        Bytes.feedBytewise(a::dataReceived, b(buffer));
        assertThat(strings(a.received))
                .isEqualTo(Arrays.asList(buffer.split("\n", -1)).subList(0, 4));
    }

    @Test
    void lineLongerThanMaxLengthClosesTheConnection() {
        LineOnlyTester proto = new LineOnlyTester();
        StringTransport transport = new StringTransport();
        proto.makeConnection(transport);
        proto.dataReceived(concat(repeat('x', 64 + 1 + 1), b("\r\nr")));
        assertThat(transport.disconnecting()).isTrue();
    }

    @Test
    void defaultLineReceivedThrowsUnsupportedOperation() {
        LineOnlyReceiver proto = new LineOnlyReceiver() {};
        assertThatThrownBy(() -> proto.lineReceived(b("foo"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void delimiterSplitAcrossChunksIsFound() {
        List<String> lines = new ArrayList<>();
        LineOnlyReceiver p = new LineOnlyReceiver() {
            @Override
            public void lineReceived(String line) {
                lines.add(line);
            }
        };
        p.makeConnection(new StringTransport());
        p.dataReceived(b("ab\r"));
        p.dataReceived(b("\ncd"));
        p.dataReceived(b("ef\r\ngh\r"));
        p.dataReceived(b("\r\n"));
        assertThat(lines).containsExactly("ab", "cdef", "gh\r");
    }

    @Test
    void unfinishedLineLongerThanMaxLengthIsReportedAndKept() {
        List<String> exceeded = new ArrayList<>();
        LineOnlyTester p = new LineOnlyTester() {
            @Override
            public void lineLengthExceeded(byte[] line) {
                exceeded.add(Bytes.s(line));
            }
        };
        p.makeConnection(new StringTransport());
        p.dataReceived(b("ok\n" + "y".repeat(65)));
        assertThat(strings(p.received)).containsExactly("ok");
        assertThat(exceeded).containsExactly("y".repeat(65));
        p.dataReceived(b("z\nnext\n"));
        // As in Twisted: the over-long first line ends the processing of this data, "next" included.
        assertThat(strings(p.received)).containsExactly("ok");
        assertThat(exceeded).containsExactly("y".repeat(65), "y".repeat(65) + "z");
    }

    @Test
    void lineOfMaxLengthWhoseDelimiterIsSplitIsReportedThenStillDeliveredAsInTwisted() {
        // Twisted's LineOnlyReceiver compares the unfinished rest, partial delimiter included, with
        // MAX_LENGTH (LineReceiver allows for the delimiter). Same events here.
        List<String> events = new ArrayList<>();
        LineOnlyReceiver p = new LineOnlyReceiver() {
            @Override
            public void lineReceived(String line) {
                events.add("line " + line.length());
            }

            @Override
            public void lineLengthExceeded(byte[] line) {
                events.add("exceeded " + line.length);
            }
        };
        p.setMaxLength(20);
        p.makeConnection(new StringTransport());
        p.dataReceived(b("x".repeat(20) + "\r"));
        p.dataReceived(b("\n"));
        assertThat(events).containsExactly("exceeded 21", "line 20");
    }

    @Test
    void linesAfterTheOneThatClosedTheConnectionAreNotDelivered() {
        List<String> lines = new ArrayList<>();
        LineOnlyReceiver p = new LineOnlyReceiver() {
            @Override
            public void lineReceived(String line) {
                lines.add(line);
                if (line.equals("quit")) {
                    transport.loseConnection();
                }
            }
        };
        StringTransport t = new StringTransport();
        p.makeConnection(t);
        p.dataReceived(b("a\r\nquit\r\nb\r\n"));
        assertThat(lines).containsExactly("a", "quit");
    }

    @Test
    void sendLineWritesLineAndDelimiter() {
        LineOnlyTester p = connected();
        p.sendLine(b("hello"));
        p.sendLine("wörld");
        assertThat(((StringTransport) p.transport()).value())
                .isEqualTo(concat(b("hello\n"), "wörld\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
