package io.jtwisted.internet.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.error.ConnectionDone;
import io.jtwisted.python.failure.Failure;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** AccumulatingProtocol and AccumulatingFactory (behaviour from twisted/internet/testing.py). */
class AccumulatingProtocolTest {
    @Test
    void recordsConnectionDataAndLoss() {
        AccumulatingProtocol protocol = new AccumulatingProtocol();
        Deferred<Void> closed = new Deferred<>();
        protocol.closedDeferred = closed;
        assertThat(protocol.made()).isFalse();

        protocol.makeConnection(new StringTransport());
        protocol.dataReceived("ab".getBytes(StandardCharsets.US_ASCII));
        protocol.dataReceived("c".getBytes(StandardCharsets.US_ASCII));
        assertThat(protocol.made()).isTrue();
        assertThat(protocol.dataString()).isEqualTo("abc");
        assertThat(closed.called()).isFalse();

        Failure reason = new Failure(new ConnectionDone());
        protocol.connectionLost(reason);
        assertThat(protocol.closed()).isTrue();
        assertThat(protocol.closedReason()).isSameAs(reason);
        assertThat(closed.called()).isTrue();
        assertThat(protocol.closedDeferred).isNull();
    }

    @Test
    void factoryFiresProtocolConnectionMadeOnceWithTheProtocol() {
        AccumulatingFactory factory = new AccumulatingFactory();
        Deferred<AccumulatingProtocol> made = new Deferred<>();
        factory.protocolConnectionMade = made;
        AccumulatingProtocol first = (AccumulatingProtocol) factory.buildProtocol(null);
        first.makeConnection(new StringTransport());
        assertThat(made.currentResult()).isSameAs(first);
        assertThat(factory.protocolConnectionMade).isNull();

        AccumulatingProtocol second = (AccumulatingProtocol) factory.buildProtocol(null);
        second.makeConnection(new StringTransport());
        assertThat(second.made()).isTrue();
    }
}
