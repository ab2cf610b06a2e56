package io.jtwisted.protocols.basic;

import static io.jtwisted.protocols.basic.Bytes.b;
import static io.jtwisted.protocols.basic.Bytes.concat;
import static io.jtwisted.protocols.basic.Bytes.strings;
import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.testing.StringTransport;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Port of twisted.test.test_stateful: a StatefulProtocol implementing Int32 strings, run through
 * IntNTestCaseMixin's cases (test_illegal, test_receive, test_partial, test_send,
 * test_lengthLimitExceeded is covered by test_illegal's close) and test_bigReceive.
 * test_stringReceivedNotImplemented and test_longStringNotDelivered are the IntN ones, already in
 * {@link IntNStringReceiverTest}.
 */
class StatefulProtocolTest {
    /** Twisted's MyInt32StringReceiver + TestInt32. */
    static final class StatefulInt32 extends StatefulProtocol {
        final List<byte[]> received = new ArrayList<>();
        int maxLength = 50;

        @Override
        protected State getInitialState() {
            return new State(this::getHeader, 4);
        }

        private State getHeader(byte[] msg) {
            int length = ByteBuffer.wrap(msg).getInt();
            if (length > maxLength) {
                transport.loseConnection();
                return null;
            }
            return new State(this::getString, length);
        }

        private State getString(byte[] msg) {
            received.add(msg);
            return getInitialState();
        }

        void sendString(byte[] data) {
            transport.write(concat(ByteBuffer.allocate(4).putInt(data.length).array(), data));
        }
    }

    static StatefulInt32 connected() {
        StatefulInt32 p = new StatefulInt32();
        p.makeConnection(new StringTransport());
        return p;
    }

    static byte[] message(String s) {
        return concat(ByteBuffer.allocate(4).putInt(s.length()).array(), b(s));
    }

    static final List<String> STRINGS = List.of("a", "b".repeat(16));

    @Test
    void illegalLengthClosesTheConnection() {
        StatefulInt32 r = connected();
        Bytes.feedBytewise(r::dataReceived, b("\u0010\u0000\u0000\u0000aaaaaa"));
        assertThat(((StringTransport) r.transport()).disconnecting()).isTrue();
        assertThat(r.received).isEmpty();
    }

    @Test
    void stringsFedOneByteAtATimeAreReceived() {
        StatefulInt32 r = connected();
        for (String s : STRINGS) {
            Bytes.feedBytewise(r::dataReceived, message(s));
        }
        assertThat(strings(r.received)).isEqualTo(STRINGS);
    }

    @Test
    void partialDataDeliversNothing() {
        for (String partial : List.of("\u0000\u0000\u0000", "hello there", "")) {
            StatefulInt32 r = connected();
            Bytes.feedBytewise(r::dataReceived, b(partial));
            assertThat(r.received).isEmpty();
        }
    }

    @Test
    void sendWritesPrefixAndData() {
        StatefulInt32 r = connected();
        r.sendString(b("b".repeat(16)));
        assertThat(((StringTransport) r.transport()).value()).isEqualTo(message("b".repeat(16)));
    }

    @Test
    void manyStringsInOneChunkAreAllReceived() {
        StatefulInt32 r = connected();
        List<String> many = new ArrayList<>();
        List<byte[]> big = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            for (String s : STRINGS) {
                many.add(s);
                big.add(message(s));
            }
        }
        r.dataReceived(concat(big.toArray(new byte[0][])));
        assertThat(strings(r.received)).isEqualTo(many);
    }

    @Test
    void handlerReturningNullKeepsTheState() {
        List<String> seen = new ArrayList<>();
        StatefulProtocol p = new StatefulProtocol() {
            @Override
            protected State getInitialState() {
                return new State(
                        data -> {
                            seen.add(Bytes.s(data));
                            return null;
                        },
                        2);
            }
        };
        p.makeConnection(new StringTransport());
        p.dataReceived(b("abcde"));
        p.dataReceived(b("f"));
        assertThat(seen).containsExactly("ab", "cd", "ef");
        assertThat(Collections.unmodifiableList(seen)).hasSize(3);
    }
}
