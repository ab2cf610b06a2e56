package io.jtwisted.internet.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IConsumer;
import io.jtwisted.internet.interfaces.IProducer;
import io.jtwisted.internet.interfaces.IPushProducer;
import io.jtwisted.internet.interfaces.ITransport;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Port of twisted.internet.test.test_testing.StringTransportTests: all cases (test_interfaces,
 * test_registerProducer, test_disallowedRegisterProducer, test_unregisterProducer,
 * test_invalidUnregisterProducer, test_initialProducerState, test_pauseProducing,
 * test_resumeProducing, test_stopProducing, test_stoppedTransportCannotPause/Resume,
 * test_disconnectingTransportCannotPause/Resume, test_loseConnectionSetsDisconnecting,
 * test_specified/defaultHost/PeerAddress), plus value/clear, write checks, abortConnection and
 * the lenient flag. Not ported: DeprecationTests (Python module moves, nothing to port).
 */
class StringTransportTest {
    private final StringTransport transport = new StringTransport();
    private final IProducer producer = () -> {};

    @Test
    void providesTransportConsumerAndPushProducer() {
        assertThat(transport)
                .isInstanceOf(ITransport.class)
                .isInstanceOf(IConsumer.class)
                .isInstanceOf(IPushProducer.class);
    }

    @Test
    void valueHoldsEverythingWrittenUntilCleared() {
        transport.write("ab".getBytes(StandardCharsets.US_ASCII));
        transport.write(ByteBuffer.wrap(new byte[] {'c'}));
        transport.writeSequence(List.of(new byte[] {'d'}, new byte[] {'e'}));
        assertThat(transport.valueString()).isEqualTo("abcde");
        assertThat(transport.value()).containsExactly('a', 'b', 'c', 'd', 'e');
        transport.clear();
        assertThat(transport.value()).isEmpty();
        transport.write(new byte[] {'z'});
        assertThat(transport.valueString()).isEqualTo("z");
    }

    @Test
    void writeByteBufferConsumesIt() {
        ByteBuffer buffer = ByteBuffer.wrap("xyz".getBytes(StandardCharsets.US_ASCII));
        buffer.position(1);
        transport.write(buffer);
        assertThat(buffer.hasRemaining()).isFalse();
        assertThat(transport.valueString()).isEqualTo("yz");
    }

    @Test
    void writeRefusesNullAndRecordsNothing() {
        assertThatThrownBy(() -> transport.write((byte[]) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> transport.write((ByteBuffer) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> transport.writeSequence(Arrays.asList(new byte[] {'a'}, null)))
                .isInstanceOf(NullPointerException.class);
        assertThat(transport.value()).isEmpty();
    }

    @Test
    void registerProducerRecordsItsArguments() {
        transport.registerProducer(producer, true);
        assertThat(transport.producer()).isSameAs(producer);
        assertThat(transport.streaming()).isTrue();
    }

    @Test
    void registeringASecondProducerIsRefusedAndKeepsTheFirst() {
        transport.registerProducer(producer, true);
        assertThatThrownBy(() -> transport.registerProducer(() -> {}, false)).isInstanceOf(IllegalStateException.class);
        assertThat(transport.producer()).isSameAs(producer);
        assertThat(transport.streaming()).isTrue();
    }

    @Test
    void unregisterProducerForgetsItAndAllowsANewOne() {
        IProducer newProducer = () -> {};
        transport.registerProducer(producer, false);
        transport.unregisterProducer();
        assertThat(transport.producer()).isNull();
        transport.registerProducer(newProducer, true);
        assertThat(transport.producer()).isSameAs(newProducer);
        assertThat(transport.streaming()).isTrue();
    }

    @Test
    void unregisterWithoutProducerIsRefused() {
        assertThatThrownBy(transport::unregisterProducer).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void producerStateIsInitiallyProducing() {
        assertThat(transport.producerState()).isEqualTo("producing");
    }

    @Test
    void pauseThenResumeRecordsTheState() {
        transport.pauseProducing();
        assertThat(transport.producerState()).isEqualTo("paused");
        transport.resumeProducing();
        assertThat(transport.producerState()).isEqualTo("producing");
    }

    @Test
    void stoppedTransportCannotPauseOrResume() {
        transport.stopProducing();
        assertThat(transport.producerState()).isEqualTo("stopped");
        assertThatThrownBy(transport::pauseProducing).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(transport::resumeProducing).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void disconnectingTransportCannotPauseOrResume() {
        transport.loseConnection();
        assertThatThrownBy(transport::pauseProducing).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(transport::resumeProducing).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void lenientTransportMayBeResumedAfterLoseConnection() {
        StringTransport lenient = new StringTransport(null, null, true);
        lenient.loseConnection();
        lenient.pauseProducing();
        lenient.resumeProducing();
        assertThat(lenient.producerState()).isEqualTo("producing");
    }

    @Test
    void loseConnectionSetsDisconnectingOnly() {
        assertThat(transport.disconnecting()).isFalse();
        transport.loseConnection();
        assertThat(transport.disconnecting()).isTrue();
        assertThat(transport.disconnected()).isFalse();
    }

    @Test
    void abortConnectionSetsDisconnectedAndDisconnecting() {
        transport.abortConnection();
        assertThat(transport.disconnected()).isTrue();
        assertThat(transport.aborted()).isTrue();
        assertThat(transport.disconnecting()).isTrue();
    }

    @Test
    void loseWriteConnectionIsRecorded() {
        transport.loseWriteConnection();
        assertThat(transport.writeDisconnected()).isTrue();
        assertThat(transport.disconnecting()).isFalse();
    }

    @Test
    void specifiedAddressesAreReturned() {
        IAddress host = new IPv4Address("TCP", "127.0.0.1", 1);
        IAddress peer = new IPv4Address("TCP", "127.0.0.1", 2);
        StringTransport withAddresses = new StringTransport(host, peer);
        assertThat(withAddresses.getHost()).isSameAs(host);
        assertThat(withAddresses.getPeer()).isSameAs(peer);
    }

    @Test
    void defaultAddressesAreIPv4() {
        assertThat(transport.getHost()).isEqualTo(new IPv4Address("TCP", "10.0.0.1", 12345));
        assertThat(transport.getPeer()).isEqualTo(new IPv4Address("TCP", "192.168.1.1", 54321));
    }
}
