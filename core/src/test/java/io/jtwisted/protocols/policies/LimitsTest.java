package io.jtwisted.protocols.policies;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.error.ConnectionDone;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.internet.testing.StringTransportWithDisconnection;
import io.jtwisted.protocols.policies.Helpers.SimpleProtocol;
import io.jtwisted.python.failure.Failure;
import org.junit.jupiter.api.Test;

/**
 * Port of twisted.test.test_policies.LimitTotalConnectionsFactoryTests (testConnectionCounting,
 * testConnectionLimiting: all of them), plus tests of LimitConnectionsByPeer (Twisted has none;
 * its version indexes addresses as tuples and does not work on Python 3).
 */
class LimitsTest {
    private static final Failure DONE = new Failure(new ConnectionDone());

    @Test
    void connectionsAreCounted() {
        LimitTotalConnectionsFactory factory = new LimitTotalConnectionsFactory(SimpleProtocol::new);
        assertThat(factory.connectionCount()).isZero();
        IProtocol p1 = factory.buildProtocol(null);
        assertThat(factory.connectionCount()).isEqualTo(1);
        IProtocol p2 = factory.buildProtocol(null);
        assertThat(factory.connectionCount()).isEqualTo(2);
        p1.connectionLost(DONE);
        assertThat(factory.connectionCount()).isEqualTo(1);
        p2.connectionLost(DONE);
        assertThat(factory.connectionCount()).isZero();
    }

    @Test
    void connectionsOverTheLimitAreRefusedOrGetTheOverflowProtocol() {
        LimitTotalConnectionsFactory factory =
                new LimitTotalConnectionsFactory(SimpleProtocol::new).withConnectionLimit(1);
        IProtocol p = factory.buildProtocol(null);
        assertThat(p).isNotNull();
        assertThat(factory.connectionCount()).isEqualTo(1);
        assertThat(factory.buildProtocol(null)).isNull();
        assertThat(factory.connectionCount()).isEqualTo(1);

        boolean[] overflowed = {false};
        class OverflowProtocol extends Protocol {
            @Override
            public void connectionMade() {
                overflowed[0] = true;
            }
        }
        factory.withOverflowProtocol(OverflowProtocol::new);
        IProtocol op = factory.buildProtocol(null);
        op.makeConnection(new StringTransportWithDisconnection());
        assertThat(overflowed[0]).isTrue();
        assertThat(factory.connectionCount()).isEqualTo(2);
        assertThat(((Protocol) ((ProtocolWrapper) op).wrappedProtocol()).factory())
                .isSameAs(factory);

        p.connectionLost(DONE);
        assertThat(factory.connectionCount()).isEqualTo(1);
        op.connectionLost(DONE);
        assertThat(factory.connectionCount()).isZero();
    }

    private static IProtocol connectFrom(LimitConnectionsByPeer factory, String host, int port) {
        IPv4Address peer = new IPv4Address("TCP", host, port);
        IProtocol p = factory.buildProtocol(peer);
        if (p != null) {
            StringTransportWithDisconnection t =
                    new StringTransportWithDisconnection(new IPv4Address("TCP", "127.0.0.1", 8000), peer);
            t.setProtocol(p);
            p.makeConnection(t);
        }
        return p;
    }

    @Test
    void eachPeerHostIsLimitedSeparately() {
        LimitConnectionsByPeer factory =
                new LimitConnectionsByPeer(Factory.forProtocol(SimpleProtocol::new)).withMaxConnectionsPerPeer(2);
        factory.doStart();
        IProtocol a1 = connectFrom(factory, "10.0.0.1", 1001);
        IProtocol a2 = connectFrom(factory, "10.0.0.1", 1002);
        assertThat(connectFrom(factory, "10.0.0.1", 1003)).isNull();
        assertThat(connectFrom(factory, "10.0.0.2", 1001)).isNotNull();
        assertThat(factory.connectionCount("10.0.0.1")).isEqualTo(2);
        ((ProtocolWrapper) a1).loseConnection();
        assertThat(factory.connectionCount("10.0.0.1")).isEqualTo(1);
        assertThat(connectFrom(factory, "10.0.0.1", 1004)).isNotNull();
        ((ProtocolWrapper) a2).loseConnection();
        assertThat(factory.connectionCount("10.0.0.1")).isEqualTo(1);
    }
}
