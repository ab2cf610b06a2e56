package io.jtwisted.protocols.basic;

import static io.jtwisted.protocols.basic.Bytes.b;
import static io.jtwisted.protocols.basic.Bytes.concat;
import static io.jtwisted.protocols.basic.Bytes.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internet.testing.StringTransport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Port of twisted.protocols.test.test_basic IntNTestCaseMixin and RecvdAttributeMixin, run for
 * Int8, Int16 and Int32 (Int8Tests, Int16Tests, Int32Tests), and of test_stateful's Int32Tests
 * (in {@link StatefulProtocolTest}).
 *
 * <p>Covered: test_illegal, test_receive, test_partial, test_send, test_lengthLimitExceeded,
 * test_longStringNotDelivered, test_stringReceivedNotImplemented, test_recvdContainsRemainingData,
 * test_recvdChanged, test_switching, test_recvdInLengthLimitExceeded, test_data (per width),
 * test_tooLongSend (Int8, Int16).
 */
class IntNStringReceiverTest {
    static class Tester extends IntNStringReceiver {
        final List<byte[]> received = new ArrayList<>();
        final List<Long> exceeded = new ArrayList<>();
        boolean recordExceeded;

        Tester(int prefixLength) {
            super(prefixLength);
            MAX_LENGTH = 50;
        }

        @Override
        public void stringReceived(byte[] s) {
            received.add(s);
        }

        @Override
        public void lengthLimitExceeded(long length) {
            if (recordExceeded) {
                exceeded.add(length);
            } else {
                super.lengthLimitExceeded(length);
            }
        }
    }

    static Tester connected(int prefixLength) {
        Tester t = new Tester(prefixLength);
        t.makeConnection(new StringTransport());
        return t;
    }

    static byte[] prefix(int prefixLength, long length) {
        byte[] out = new byte[prefixLength];
        for (int i = prefixLength - 1; i >= 0; i--) {
            out[i] = (byte) length;
            length >>>= 8;
        }
        return out;
    }

    static byte[] message(int prefixLength, byte[] data) {
        return concat(prefix(prefixLength, data.length), data);
    }

    static final List<String> STRINGS = List.of("a", "b".repeat(16));

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void illegalLengthClosesTheConnection(int n) {
        byte[] illegal = switch (n) {
            case 1 -> b("\u0000\u0000aaaaaa"); // two empty strings, then a length of 97
            case 2 -> b("\u0010\u0000aaaaaa");
            default -> b("\u0010\u0000\u0000\u0000aaaaaa");
        };
        Tester r = connected(n);
        Bytes.feedBytewise(r::dataReceived, illegal);
        if (n == 1) {
            // "aaaaaa" announces 97 bytes: over MAX_LENGTH 50.
            assertThat(strings(r.received)).containsExactly("", "");
        }
        assertThat(((StringTransport) r.transport()).disconnecting()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void stringsFedOneByteAtATimeAreReceived(int n) {
        Tester r = connected(n);
        for (String s : STRINGS) {
            Bytes.feedBytewise(r::dataReceived, message(n, b(s)));
        }
        assertThat(strings(r.received)).isEqualTo(STRINGS);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void partialDataDeliversNothing(int n) {
        List<String> partials = switch (n) {
            case 1 -> List.of("\u0008", "dzadz", "");
            case 2 -> List.of("\u0000", "hello there", "");
            default -> List.of("\u0000\u0000\u0000", "hello there", "");
        };
        for (String partial : partials) {
            Tester r = connected(n);
            Bytes.feedBytewise(r::dataReceived, b(partial));
            assertThat(r.received).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void sendStringWritesPrefixAndString(int n) {
        Tester r = connected(n);
        r.sendString(b("b".repeat(16)));
        assertThat(((StringTransport) r.transport()).value()).isEqualTo(message(n, b("b".repeat(16))));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void lengthOverMaxLengthCallsLengthLimitExceeded(int n) {
        Tester r = connected(n);
        r.recordExceeded = true;
        r.setMaxLength(10);
        r.dataReceived(prefix(n, 11));
        assertThat(r.exceeded).containsExactly(11L);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void stringOverMaxLengthIsNotDeliveredEvenWhenComplete(int n) {
        Tester r = connected(n);
        r.setMaxLength(10);
        r.dataReceived(concat(prefix(n, 11), b("x".repeat(11))));
        assertThat(r.received).isEmpty();
        assertThat(((StringTransport) r.transport()).disconnecting()).isTrue();
    }

    @Test
    void defaultStringReceivedThrowsUnsupportedOperation() {
        IntNStringReceiver proto = new Int32StringReceiver() {};
        assertThatThrownBy(() -> proto.stringReceived(b("foo"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void recvdHoldsTheDataAfterTheCurrentString(int n) {
        List<byte[]> result = new ArrayList<>();
        Tester[] holder = new Tester[1];
        Tester r = new Tester(n) {
            @Override
            public void stringReceived(byte[] s) {
                result.add(holder[0].recvd());
            }
        };
        holder[0] = r;
        r.makeConnection(new StringTransport());
        byte[] incomplete = concat(prefix(n, 5), b("bbbb"));
        r.dataReceived(concat(prefix(n, 5), b("aaaaa"), incomplete));
        assertThat(result).containsExactly(incomplete);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void settingRecvdReplacesWhatIsParsedNext(int n) {
        List<String> result = new ArrayList<>();
        byte[] messageC = message(n, b("ccccc"));
        Tester[] holder = new Tester[1];
        Tester r = new Tester(n) {
            @Override
            public void stringReceived(byte[] s) {
                if (result.isEmpty()) {
                    holder[0].setRecvd(messageC);
                }
                result.add(Bytes.s(s));
            }
        };
        holder[0] = r;
        r.makeConnection(new StringTransport());
        r.dataReceived(concat(message(n, b("aaaaa")), message(n, b("bbbbb"))));
        assertThat(result).containsExactly("aaaaa", "ccccc");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void consumingPartOfRecvdDoesNotReparse(int n) {
        byte[] switchBytes = new byte[4];
        List<byte[]> mix = new ArrayList<>();
        for (String s : STRINGS) {
            mix.add(message(n, b(s)));
            mix.add(switchBytes);
        }
        List<String> result = new ArrayList<>();
        Tester[] holder = new Tester[1];
        Tester r = new Tester(n) {
            @Override
            public void stringReceived(byte[] s) {
                result.add(Bytes.s(s));
                byte[] recvd = holder[0].recvd();
                holder[0].setRecvd(java.util.Arrays.copyOfRange(recvd, 4, recvd.length));
            }
        };
        holder[0] = r;
        r.makeConnection(new StringTransport());
        r.dataReceived(concat(mix.toArray(new byte[0][])));
        r.dataReceived(new byte[] {1});
        assertThat(result).isEqualTo(STRINGS);
        assertThat(r.recvd()).containsExactly(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void recvdInLengthLimitExceededStartsWithTheOffendingPrefix(int n) {
        byte[] data = b("too long");
        byte[] message = message(n, data);
        List<Object> result = new ArrayList<>();
        Tester[] holder = new Tester[1];
        Tester r = new Tester(n) {
            @Override
            public void lengthLimitExceeded(long length) {
                result.add(length);
                result.add(holder[0].recvd());
            }
        };
        holder[0] = r;
        r.makeConnection(new StringTransport());
        r.setMaxLength(data.length - 1);
        r.dataReceived(message);
        assertThat(result.get(0)).isEqualTo((long) data.length);
        assertThat((byte[]) result.get(1)).isEqualTo(message);
    }

    @Test
    void int32Data() {
        Tester r = connected(4);
        r.sendString(b("foo"));
        assertThat(((StringTransport) r.transport()).value()).isEqualTo(b("\u0000\u0000\u0000\u0003foo"));
        r.dataReceived(b("\u0000\u0000\u0000\u0004ubar"));
        assertThat(strings(r.received)).containsExactly("ubar");
    }

    @Test
    void int16Data() {
        Tester r = connected(2);
        r.sendString(b("foo"));
        assertThat(((StringTransport) r.transport()).value()).isEqualTo(b("\u0000\u0003foo"));
        r.dataReceived(b("\u0000\u0004ubar"));
        assertThat(strings(r.received)).containsExactly("ubar");
    }

    @Test
    void int8Data() {
        Tester r = connected(1);
        r.sendString(b("foo"));
        assertThat(((StringTransport) r.transport()).value()).isEqualTo(b("\u0003foo"));
        r.dataReceived(b("\u0004ubar"));
        assertThat(strings(r.received)).containsExactly("ubar");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void sendStringRefusesStringsThePrefixCannotCarry(int n) {
        Tester r = connected(n);
        byte[] tooLong = new byte[(1 << (8 * n)) + 1];
        assertThatThrownBy(() -> r.sendString(tooLong)).isInstanceOf(StringTooLongError.class);
        // Twisted refuses lengths >= 2**(8n): the largest string that fits is 2**(8n) - 1 bytes.
        byte[] largest = new byte[(1 << (8 * n)) - 1];
        r.sendString(largest);
        assertThat(((StringTransport) r.transport()).value()).hasSize(n + largest.length);
        assertThatThrownBy(() -> r.sendString(new byte[1 << (8 * n)])).isInstanceOf(StringTooLongError.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void pausedReceiverKeepsStringsUntilResumed(int n) {
        Tester r = connected(n);
        r.pauseProducing();
        r.dataReceived(concat(message(n, b("a")), message(n, b("b"))));
        assertThat(r.received).isEmpty();
        assertThat(((StringTransport) r.transport()).producerState()).isEqualTo("paused");
        r.resumeProducing();
        assertThat(strings(r.received)).containsExactly("a", "b");
    }
}
