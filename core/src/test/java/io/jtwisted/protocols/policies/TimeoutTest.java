package io.jtwisted.protocols.policies;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.internet.task.Clock;
import io.jtwisted.internet.testing.StringTransport;
import io.jtwisted.internet.testing.StringTransportWithDisconnection;
import io.jtwisted.protocols.policies.Helpers.SimpleProtocol;
import io.jtwisted.python.failure.Failure;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Port of twisted.test.test_policies TimeoutProtocolTests, TimeoutFactoryTests and
 * TimeoutMixinTests.
 *
 * <p>Covered: test_cancelTimeout, test_cancelTimeoutNoTimeout, test_cancelTimeoutAlreadyCalled,
 * test_cancelTimeoutAlreadyCancelled; test_timeout, test_sendAvoidsTimeout,
 * test_receiveAvoidsTimeout; TimeoutMixin's test_overriddenCallLater, test_timeout,
 * test_noTimeout, test_resetTimeout, test_cancelTimeout, test_setTimeoutReturn,
 * test_setTimeoutCancleAlreadyCancelled. All of them.
 */
class TimeoutTest {
    private static final IPv4Address ADDRESS = new IPv4Address("TCP", "127.0.0.1", 12345);

    private static TimeoutProtocol connect(TimeoutFactory factory) {
        TimeoutProtocol proto = (TimeoutProtocol) factory.buildProtocol(ADDRESS);
        StringTransportWithDisconnection transport = new StringTransportWithDisconnection();
        transport.setProtocol(proto);
        proto.makeConnection(transport);
        return proto;
    }

    @Nested
    class TimeoutProtocolTests {
        final Clock clock = new Clock();
        final TimeoutProtocol sut = connect(new TimeoutFactory(Factory.forProtocol(SimpleProtocol::new), null, clock));

        SimpleProtocol wrapped() {
            return (SimpleProtocol) sut.wrappedProtocol();
        }

        @Test
        void cancelTimeoutStopsTheCountdown() {
            sut.setTimeout(3.0);
            assertThat(sut.timeoutCall()).isNotNull();
            assertThat(wrapped().disconnected).isFalse();
            clock.advance(1);
            sut.cancelTimeout();
            assertThat(sut.timeoutCall()).isNull();
            clock.advance(3);
            assertThat(wrapped().disconnected).isFalse();
        }

        @Test
        void cancelTimeoutWithoutTimeoutDoesNothing() {
            assertThat(sut.timeoutCall()).isNull();
            sut.cancelTimeout();
            assertThat(wrapped().disconnected).isFalse();
        }

        @Test
        void cancelTimeoutAfterItFiredDoesNothing() {
            SimpleProtocol wrapped = wrapped();
            sut.setTimeout(3.0);
            clock.advance(3);
            assertThat(wrapped.disconnected).isTrue();
            sut.cancelTimeout();
        }

        @Test
        void cancelTimeoutAfterItWasCancelledElsewhereDoesNothing() {
            sut.setTimeout(3.0);
            sut.timeoutCall().cancel();
            sut.cancelTimeout();
            assertThat(wrapped().disconnected).isFalse();
        }
    }

    @Nested
    class TimeoutFactoryTests {
        Clock clock;
        TimeoutProtocol proto;
        SimpleProtocol wrappedProto;

        @BeforeEach
        void setUp() {
            clock = new Clock();
            proto = connect(new TimeoutFactory(Factory.forProtocol(SimpleProtocol::new), 3.0, clock));
            wrappedProto = (SimpleProtocol) proto.wrappedProtocol();
        }

        @Test
        void idleConnectionTimesOut() {
            clock.pump(0.0, 0.5, 1.0, 1.0, 0.4);
            assertThat(wrappedProto.disconnected).isFalse();
            clock.pump(0.0, 0.2);
            assertThat(wrappedProto.disconnected).isTrue();
        }

        @Test
        void sendingResetsTheCountdown() {
            clock.pump(0.0, 0.5, 1.0);
            assertThat(wrappedProto.disconnected).isFalse();
            proto.write("bytes bytes bytes".getBytes(StandardCharsets.US_ASCII));
            clock.pump(0.0, 1.0, 1.0);
            assertThat(wrappedProto.disconnected).isFalse();
            byte[] bytes = "bytes".getBytes(StandardCharsets.US_ASCII);
            proto.writeSequence(List.of(bytes, bytes, bytes));
            clock.pump(0.0, 1.0, 1.0);
            assertThat(wrappedProto.disconnected).isFalse();
            clock.pump(0.0, 2.0);
            assertThat(wrappedProto.disconnected).isTrue();
        }

        @Test
        void receivingResetsTheCountdown() {
            clock.pump(0.0, 1.0, 0.5);
            assertThat(wrappedProto.disconnected).isFalse();
            proto.dataReceived("bytes bytes bytes".getBytes(StandardCharsets.US_ASCII));
            clock.pump(0.0, 1.0, 1.0);
            assertThat(wrappedProto.disconnected).isFalse();
            clock.pump(0.0, 1.0, 1.0);
            assertThat(wrappedProto.disconnected).isTrue();
        }
    }

    /** Twisted's TimeoutTester. */
    static class TimeoutTester extends Protocol implements TimeoutMixin {
        private final Timeout timeout;
        boolean timedOut;

        TimeoutTester(Clock clock, Double period) {
            timeout = new Timeout(clock, period);
        }

        @Override
        public Timeout timeoutState() {
            return timeout;
        }

        @Override
        public void connectionMade() {
            setTimeout(timeOut());
        }

        @Override
        public void dataReceived(byte[] data) {
            resetTimeout();
        }

        @Override
        public void connectionLost(Failure reason) {
            setTimeout(null);
        }

        @Override
        public void timeoutConnection() {
            timedOut = true;
        }
    }

    @Nested
    class TimeoutMixinTests {
        final Clock clock = new Clock();
        final TimeoutTester proto = new TimeoutTester(clock, 3.0);

        @Test
        void theGivenClockIsUsed() {
            proto.setTimeout(10);
            assertThat(clock.getDelayedCalls()).hasSize(1);
        }

        @Test
        void timesOutAfterTimeOutSeconds() {
            proto.makeConnection(new StringTransport());
            clock.pump(0, 0.5, 1.0, 1.0);
            assertThat(proto.timedOut).isFalse();
            clock.pump(0, 1.0);
            assertThat(proto.timedOut).isTrue();
        }

        @Test
        void dataDelaysTheTimeout() {
            proto.makeConnection(new StringTransport());
            clock.pump(0, 0.5, 1.0, 1.0);
            assertThat(proto.timedOut).isFalse();
            proto.dataReceived("hello there".getBytes(StandardCharsets.US_ASCII));
            clock.pump(0, 1.0, 1.0, 0.5);
            assertThat(proto.timedOut).isFalse();
            clock.pump(0, 1.0);
            assertThat(proto.timedOut).isTrue();
        }

        @Test
        void settingANewTimeoutReplacesThePreviousOne() {
            TimeoutTester p = new TimeoutTester(clock, null);
            p.makeConnection(new StringTransport());
            p.setTimeout(1);
            assertThat(p.timeOut()).isEqualTo(1.0);
            clock.pump(0, 0.9);
            assertThat(p.timedOut).isFalse();
            clock.pump(0, 0.2);
            assertThat(p.timedOut).isTrue();
        }

        @Test
        void settingNullCancelsTheTimeout() {
            TimeoutTester p = new TimeoutTester(clock, 5.0);
            p.makeConnection(new StringTransport());
            p.setTimeout(null);
            assertThat(p.timeOut()).isNull();
            clock.pump(0, 5, 5, 5);
            assertThat(p.timedOut).isFalse();
        }

        @Test
        void setTimeoutReturnsThePreviousPeriod() {
            TimeoutTester p = new TimeoutTester(clock, 5.0);
            assertThat(p.setTimeout(10)).isEqualTo(5.0);
            assertThat(p.setTimeout(null)).isEqualTo(10.0);
            assertThat(p.setTimeout(1)).isNull();
            assertThat(p.timeOut()).isEqualTo(1.0);
            p.setTimeout(null);
            assertThat(clock.getDelayedCalls()).isEmpty();
        }

        @Test
        void cancellingATimeoutCancelledElsewhereIsQuiet() {
            proto.setTimeout(3);
            clock.getDelayedCalls().get(0).cancel();
            assertThat(proto.timeOut()).isNotNull();
            proto.setTimeout(null);
            assertThat(proto.timeOut()).isNull();
        }

        @Test
        void defaultTimeoutConnectionClosesTheTransport() {
            class Closing extends Protocol implements TimeoutMixin {
                private final Timeout timeout = new Timeout(clock);

                @Override
                public Timeout timeoutState() {
                    return timeout;
                }
            }
            Closing p = new Closing();
            StringTransport transport = new StringTransport();
            p.makeConnection(transport);
            p.setTimeout(2);
            clock.advance(2);
            assertThat(transport.disconnecting()).isTrue();
        }
    }
}
