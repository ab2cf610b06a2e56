package io.jtwisted.protocols.basic;

import static io.jtwisted.protocols.basic.Bytes.b;
import static io.jtwisted.protocols.basic.Bytes.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internet.testing.StringTransport;
import io.jtwisted.logger.ILogObserver;
import io.jtwisted.logger.LogEvent;
import io.jtwisted.logger.LogPublisher;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Port of twisted.protocols.test.test_basic.NetstringReceiverTests.
 *
 * <p>Covered: test_illegal, test_buffer, test_receiveEmptyNetstring, test_receiveOneCharacter,
 * test_receiveTwoCharacters, test_receiveNestedNetstring, test_moreDataThanSpecified,
 * test_moreDataThanSpecifiedBorderCase, test_missingNumber, test_missingColon,
 * test_missingNumberAndColon, test_onlyData, test_receiveNetstringPortions_1/2/3,
 * test_receiveTwoNetstrings, test_maxReceiveLimit, test_stringReceivedNotImplemented;
 * test_consumeLength and its three border cases are ported through dataReceived (the private
 * {@code _consumeLength} is not API): a length equal to MAX_LENGTH is accepted, MAX_LENGTH + 1 and
 * more are refused.
 */
class NetstringReceiverTest {
    static class TestNetstring extends NetstringReceiver {
        final List<byte[]> received = new ArrayList<>();

        TestNetstring() {
            MAX_LENGTH = 50;
        }

        @Override
        public void stringReceived(byte[] s) {
            received.add(s);
            transport.write(s);
        }
    }

    private StringTransport transport;
    private TestNetstring receiver;

    @BeforeEach
    void connect() {
        transport = new StringTransport();
        receiver = new TestNetstring();
        receiver.makeConnection(transport);
    }

    @Test
    void illegalStringsCloseTheConnection() {
        for (String illegal : List.of(
                "9999999999999999999999",
                "abc",
                "4:abcde",
                "51:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab,")) {
            TestNetstring r = new TestNetstring();
            StringTransport t = new StringTransport();
            r.makeConnection(t);
            Bytes.feedBytewise(r::dataReceived, b(illegal));
            assertThat(t.disconnecting()).as(illegal).isTrue();
            assertThat(r.brokenPeer()).isTrue();
        }
    }

    @Test
    void stringsSentAreReceivedWhateverThePacketSize() {
        List<String> strings = List.of("hello", "world", "how", "are", "you123", ":today", "a".repeat(515));
        for (int size = 1; size < 10; size++) {
            StringTransport t = new StringTransport();
            TestNetstring a = new TestNetstring();
            a.setMaxLength(699);
            a.makeConnection(t);
            for (String s : strings) {
                a.sendString(b(s));
            }
            byte[] out = t.value();
            Bytes.feedInPackets(a::dataReceived, out, size);
            assertThat(strings(a.received)).isEqualTo(strings);
        }
    }

    @Test
    void emptyOneAndTwoCharacterNetstringsAreReceived() {
        receiver.dataReceived(b("0:,"));
        receiver.dataReceived(b("1:a,"));
        receiver.dataReceived(b("2:ab,"));
        assertThat(strings(receiver.received)).containsExactly("", "a", "ab");
    }

    @Test
    void nestedNetstringIsOnePayload() {
        receiver.dataReceived(b("4:1:a,,"));
        assertThat(strings(receiver.received)).containsExactly("1:a,");
    }

    @Test
    void malformedNetstringsCloseTheConnection() {
        for (String bad : List.of("2:aaa,", "0:a,", ":aaa,", "3aaa,", "aaa,", "aaa", "01:a,")) {
            StringTransport t = new StringTransport();
            TestNetstring r = new TestNetstring();
            r.makeConnection(t);
            r.dataReceived(b(bad));
            assertThat(t.disconnecting()).as(bad).isTrue();
            assertThat(r.received).as(bad).isEmpty();
        }
    }

    @Test
    void netstringsArriveInPortions() {
        receiver.dataReceived(b("4:aa"));
        receiver.dataReceived(b("aa,"));
        for (String part : List.of("1", "0:01234", "56789", ",")) {
            receiver.dataReceived(b(part));
        }
        for (String part : List.of("2", ":", "a", "b", ",")) {
            receiver.dataReceived(b(part));
        }
        assertThat(strings(receiver.received)).containsExactly("aaaa", "0123456789", "ab");
        assertThat(transport.disconnecting()).isFalse();
    }

    @Test
    void twoNetstringsSplitAfterTheSecondLength() {
        receiver.dataReceived(b("1:a,1"));
        assertThat(strings(receiver.received)).containsExactly("a");
        receiver.dataReceived(b(":b,"));
        assertThat(strings(receiver.received)).containsExactly("a", "b");
    }

    @Test
    void lengthOverMaxLengthIsRefusedBeforeThePayloadArrives() {
        receiver.dataReceived(b("51:"));
        assertThat(transport.disconnecting()).isTrue();
    }

    @Test
    void lengthOverMaxLengthIsRefusedAsSoonAsItsDigitsArrive() {
        receiver.dataReceived(b("51"));
        assertThat(transport.disconnecting()).isTrue();
    }

    @Test
    void lengthEqualToMaxLengthIsAccepted() {
        receiver.setMaxLength(12);
        receiver.dataReceived(b("12:aaaaaaaaaaaa,"));
        assertThat(strings(receiver.received)).containsExactly("a".repeat(12));
        assertThat(transport.disconnecting()).isFalse();
    }

    @Test
    void lengthOneOverMaxLengthIsRefused() {
        receiver.setMaxLength(11);
        receiver.dataReceived(b("12:"));
        assertThat(transport.disconnecting()).isTrue();
    }

    @Test
    void lengthFarOverMaxLengthIsRefused() {
        receiver.setMaxLength(11);
        receiver.dataReceived(b("1000:"));
        assertThat(transport.disconnecting()).isTrue();
    }

    @Test
    void defaultStringReceivedThrowsUnsupportedOperation() {
        NetstringReceiver proto = new NetstringReceiver() {};
        assertThatThrownBy(() -> proto.stringReceived(b("foo"))).isInstanceOf(UnsupportedOperationException.class);
    }

    // JTwisted additions.

    @Test
    void sendStringWritesTheNetstringFormat() {
        receiver.sendString(b("hello"));
        receiver.sendString("");
        assertThat(Bytes.s(transport.value())).isEqualTo("5:hello,0:,");
    }

    @Test
    void parseErrorIsLoggedWithItsReason() {
        List<LogEvent> events = new ArrayList<>();
        ILogObserver observer = events::add;
        LogPublisher.globalLogPublisher().addObserver(observer);
        try {
            receiver.dataReceived(b("3:abcd"));
        } finally {
            LogPublisher.globalLogPublisher().removeObserver(observer);
        }
        assertThat(events).anySatisfy(e -> assertThat(e.toString()).contains("not terminated by a comma"));
    }

    @Test
    void stringsAfterAPartialNewlineLengthWaitLikeTwisted() {
        // Twisted's partial-length pattern ends in "$", which also matches before a final newline.
        receiver.dataReceived(b("12\n"));
        assertThat(transport.disconnecting()).isFalse();
        receiver.dataReceived(b("x"));
        assertThat(transport.disconnecting()).isTrue();
    }
}
