package io.jtwisted.protocols.policies;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.task.Clock;
import io.jtwisted.internet.testing.StringTransportWithDisconnection;
import io.jtwisted.protocols.policies.Helpers.EchoProtocol;
import io.jtwisted.protocols.policies.Helpers.Server;
import io.jtwisted.protocols.policies.Helpers.SimpleProtocol;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Port of twisted.test.test_policies.ThrottlingTests.
 *
 * <p>Covered: test_writeSequence, test_writeLimit, test_readLimit; test_limit (connection limit)
 * with StringTransports instead of real sockets (Twisted marks its socket version flaky).
 */
class ThrottlingFactoryTest {
    private static final IPv4Address ADDRESS = new IPv4Address("TCP", "127.0.0.1", 0);

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static ThrottlingProtocol connect(ThrottlingFactory factory) {
        ThrottlingProtocol protocol = (ThrottlingProtocol) factory.buildProtocol(ADDRESS);
        StringTransportWithDisconnection transport = new StringTransportWithDisconnection();
        transport.setProtocol(protocol);
        protocol.makeConnection(transport);
        return protocol;
    }

    @Test
    void connectionsOverTheLimitAreRefusedUntilOneCloses() {
        ThrottlingFactory factory = new ThrottlingFactory(Factory.forProtocol(SimpleProtocol::new), 2, new Clock());
        ThrottlingProtocol c1 = connect(factory);
        ThrottlingProtocol c2 = connect(factory);
        assertThat(factory.buildProtocol(ADDRESS)).isNull();
        assertThat(factory.protocols()).containsExactly(c1, c2);
        c1.loseConnection();
        ThrottlingProtocol c4 = connect(factory);
        assertThat(factory.protocols()).containsExactly(c2, c4);
        assertThat(factory.connectionCount()).isEqualTo(2);
    }

    @Test
    void writeSequenceIsCounted() {
        ThrottlingFactory factory = new ThrottlingFactory(new Server(), Integer.MAX_VALUE, new Clock());
        ThrottlingProtocol protocol = connect(factory);
        protocol.writeSequence(List.of(b("bytes"), b("bytes"), b("bytes"), b("bytes")));
        assertThat(((StringTransportWithDisconnection) protocol.transport()).valueString())
                .isEqualTo("bytesbytesbytesbytes");
        assertThat(factory.writtenThisSecond()).isEqualTo(20);
    }

    @Test
    void writingOverTheLimitPausesTheProducerForAWhile() {
        Clock clock = new Clock();
        ThrottlingFactory factory = new ThrottlingFactory(new Server(), Integer.MAX_VALUE, clock).withWriteLimit(10);
        ThrottlingProtocol port = connect(factory);
        EchoProtocol echo = (EchoProtocol) port.wrappedProtocol();
        port.registerProducer(echo, true);

        port.dataReceived(b("0123456789"));
        port.dataReceived(b("abcdefghij"));
        StringTransportWithDisconnection tr = (StringTransportWithDisconnection) port.transport();
        assertThat(tr.valueString()).isEqualTo("0123456789abcdefghij");
        assertThat(factory.writtenThisSecond()).isEqualTo(20);
        assertThat(echo.paused).isFalse();

        clock.advance(1.05);
        assertThat(factory.writtenThisSecond()).isZero();
        assertThat(echo.paused).isTrue();

        clock.advance(1.05);
        assertThat(factory.writtenThisSecond()).isZero();
        assertThat(echo.paused).isFalse();
    }

    @Test
    void readingOverTheLimitPausesTheTransportForAWhile() {
        Clock clock = new Clock();
        ThrottlingFactory factory = new ThrottlingFactory(new Server(), Integer.MAX_VALUE, clock).withReadLimit(10);
        ThrottlingProtocol port = connect(factory);
        StringTransportWithDisconnection tr = (StringTransportWithDisconnection) port.transport();
        for (int round = 0; round < 2; round++) {
            tr.clear();
            port.dataReceived(b("0123456789"));
            port.dataReceived(b("abcdefghij"));
            assertThat(tr.valueString()).isEqualTo("0123456789abcdefghij");
            assertThat(factory.readThisSecond()).isEqualTo(20);

            clock.advance(1.05);
            assertThat(factory.readThisSecond()).isZero();
            assertThat(tr.producerState()).isEqualTo("paused");

            clock.advance(1.05);
            assertThat(factory.readThisSecond()).isZero();
            assertThat(tr.producerState()).isEqualTo("producing");
        }
    }

    @Test
    void bandwidthChecksStopWithTheLastConnection() {
        Clock clock = new Clock();
        ThrottlingFactory factory = new ThrottlingFactory(new Server(), Integer.MAX_VALUE, clock)
                .withReadLimit(10)
                .withWriteLimit(10);
        ThrottlingProtocol port = connect(factory);
        assertThat(clock.getDelayedCalls()).hasSize(2);
        port.loseConnection();
        assertThat(clock.getDelayedCalls()).isEmpty();
    }
}
