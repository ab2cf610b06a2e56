package io.jtwisted.internet.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internet.error.ConnectionDone;
import io.jtwisted.internet.interfaces.IPullProducer;
import io.jtwisted.internet.interfaces.IPushProducer;
import io.jtwisted.internet.protocol.Protocol;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Port of twisted.test.test_iosim: FakeTransportTests (test_connectionSerial,
 * test_writeSequence, test_writeAfterClose) and IOPumpTests (test_serverStreamingProducer,
 * test_clientStreamingProducer), plus echo round trips, greeting, disconnection and pull
 * producers through connectedServerAndClient. Not ported: StrictPushProducerTests (they test
 * the test helper itself; the StrictPushProducer below is exercised by the pump tests), TLS
 * negotiation (no TLS in FakeTransport yet).
 */
class IOSimTest {
    static final class Echo extends Protocol {
        @Override
        public void dataReceived(byte[] data) {
            transport.write(data);
        }
    }

    static final class Greeter extends Protocol {
        @Override
        public void connectionMade() {
            transport.write("hello\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** A push producer that refuses transitions that make no sense. */
    static final class StrictPushProducer implements IPushProducer {
        String state = "running";

        @Override
        public void stopProducing() {
            if (state.equals("stopped")) {
                throw new IllegalStateException("Cannot stop already-stopped IPushProducer");
            }
            state = "stopped";
        }

        @Override
        public void pauseProducing() {
            if (!state.equals("running")) {
                throw new IllegalStateException("Cannot pause " + state + " IPushProducer");
            }
            state = "paused";
        }

        @Override
        public void resumeProducing() {
            if (!state.equals("paused")) {
                throw new IllegalStateException("Cannot resume " + state + " IPushProducer");
            }
            state = "running";
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void eachTransportHasAUniqueSerial() {
        FakeTransport a = new FakeTransport(new Echo(), true);
        FakeTransport b = new FakeTransport(new Echo(), false);
        assertThat(a.serial()).isNotEqualTo(b.serial());
        assertThat(a.toString()).startsWith("FakeTransport<S,");
        assertThat(b.toString()).startsWith("FakeTransport<C,");
    }

    @Test
    void writeSequenceWritesEachChunk() {
        FakeTransport a = new FakeTransport(new Echo(), false);
        a.write(ascii("a"));
        a.writeSequence(List.of(ascii("b"), ascii("c"), ascii("d")));
        assertThat(new String(a.pending(), StandardCharsets.US_ASCII)).isEqualTo("abcd");
    }

    @Test
    void writesAfterCloseAreDiscarded() {
        FakeTransport a = new FakeTransport(new Echo(), false);
        a.write(ascii("before"));
        a.loseConnection();
        a.write(ascii("after"));
        assertThat(new String(a.pending(), StandardCharsets.US_ASCII)).isEqualTo("before");
    }

    @Test
    void greetingArrivesBeforeConnectedServerAndClientReturns() {
        var connection = IOSim.connectedServerAndClient(Greeter::new, AccumulatingProtocol::new);
        assertThat(connection.client().dataString()).isEqualTo("hello\n");
        assertThat(connection.server().connected()).isTrue();
    }

    @Test
    void bytesMoveOnlyWhenPumped() {
        var connection = IOSim.connectedServerAndClient(Echo::new, AccumulatingProtocol::new);
        connection.client().transport().write(ascii("ping"));
        assertThat(connection.client().dataString()).isEmpty();

        assertThat(connection.pump().pump()).isTrue(); // client -> server (the echo is written)
        assertThat(connection.client().dataString()).isEmpty();
        assertThat(connection.pump().pump()).isTrue(); // server -> client
        assertThat(connection.client().dataString()).isEqualTo("ping");
        assertThat(connection.pump().flush()).isFalse();
    }

    @Test
    void closingOneSideEndsTheConnectionForBoth() {
        var connection = IOSim.connectedServerAndClient(AccumulatingProtocol::new, AccumulatingProtocol::new);
        connection.server().transport().write(ascii("bye"));
        connection.server().transport().loseConnection();
        assertThat(connection.client().closed()).isFalse();

        connection.pump().flush();
        assertThat(connection.client().dataString())
                .as("buffered data is delivered first")
                .isEqualTo("bye");
        assertThat(connection.client().closed()).isTrue();
        assertThat(connection.client().closedReason().value()).isInstanceOf(ConnectionDone.class);
        assertThat(connection.server().closed()).isTrue();
        assertThat(connection.pump().clientTransport().disconnected()).isTrue();
        assertThat(connection.pump().serverTransport().disconnected()).isTrue();
    }

    @Test
    void clientCloseWithAChosenReason() {
        var connection = IOSim.connectedServerAndClient(AccumulatingProtocol::new, AccumulatingProtocol::new);
        IllegalStateException reason = new IllegalStateException("boom");
        connection.pump().clientTransport().setDisconnectReason(reason);
        connection.pump().serverTransport().setDisconnectReason(reason);
        connection.client().transport().abortConnection();
        connection.pump().flush();
        assertThat(connection.server().closedReason().value()).isSameAs(reason);
        assertThat(connection.client().closed()).isTrue();
    }

    @Test
    void streamingProducerOnTheServerIsNotResumedByThePump() {
        streamingProducerIsNotResumed(true);
    }

    @Test
    void streamingProducerOnTheClientIsNotResumedByThePump() {
        streamingProducerIsNotResumed(false);
    }

    private static void streamingProducerIsNotResumed(boolean onServer) {
        Protocol server = new Echo();
        Protocol client = new Echo();
        FakeTransport serverTransport = new FakeTransport(server, true);
        FakeTransport clientTransport = new FakeTransport(client, false);
        IOPump pump = IOSim.connect(server, serverTransport, client, clientTransport, false, false);
        StrictPushProducer producer = new StrictPushProducer();
        (onServer ? serverTransport : clientTransport).registerProducer(producer, true);
        pump.pump();
        assertThat(producer.state).isEqualTo("running");
    }

    @Test
    void pullProducerIsAskedForAChunkOnRegistrationAndEachPump() {
        var connection = IOSim.connectedServerAndClient(AccumulatingProtocol::new, AccumulatingProtocol::new);
        FakeTransport serverTransport = connection.pump().serverTransport();
        int[] chunks = {0};
        IPullProducer producer = new IPullProducer() {
            @Override
            public void resumeProducing() {
                chunks[0]++;
                serverTransport.write(ascii(Integer.toString(chunks[0])));
                if (chunks[0] == 3) {
                    serverTransport.unregisterProducer();
                }
            }

            @Override
            public void stopProducing() {}
        };
        serverTransport.registerProducer(producer, false);
        connection.pump().flush();
        assertThat(connection.client().dataString()).isEqualTo("123");
        assertThat(serverTransport.producer()).isNull();
    }

    @Test
    void flushGivesUpOnEndlessChatter() {
        var connection = IOSim.connectedServerAndClient(Echo::new, Echo::new);
        connection.client().transport().write(ascii("x"));
        assertThatThrownBy(() -> connection.pump().flush())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1000");
    }
}
