package io.jtwisted.internet.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.error.ConnectionDone;
import org.junit.jupiter.api.Test;

/**
 * StringTransportWithDisconnection (Twisted has no dedicated test; behaviour from
 * twisted/internet/testing.py): loseConnection reports ConnectionDone to the protocol once.
 */
class StringTransportWithDisconnectionTest {
    @Test
    void loseConnectionTellsTheProtocolOnceWithConnectionDone() {
        StringTransportWithDisconnection transport = new StringTransportWithDisconnection();
        AccumulatingProtocol protocol = new AccumulatingProtocol();
        transport.setProtocol(protocol);
        protocol.makeConnection(transport);

        transport.loseConnection();
        assertThat(protocol.closed()).isTrue();
        assertThat(protocol.closedReason().value()).isInstanceOf(ConnectionDone.class);
        assertThat(transport.connected()).isFalse();
        assertThat(transport.disconnecting()).isTrue();

        AccumulatingProtocol other = new AccumulatingProtocol();
        transport.setProtocol(other);
        transport.loseConnection();
        assertThat(other.closed()).as("a second loseConnection reports nothing").isFalse();
    }

    @Test
    void abortConnectionAlsoEndsTheConnection() {
        StringTransportWithDisconnection transport = new StringTransportWithDisconnection();
        AccumulatingProtocol protocol = new AccumulatingProtocol();
        transport.setProtocol(protocol);
        protocol.makeConnection(transport);
        transport.abortConnection();
        assertThat(protocol.closed()).isTrue();
        assertThat(transport.disconnected()).isTrue();
    }
}
