package io.jtwisted.examples.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.error.ConnectionLost;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IConnector;
import io.jtwisted.python.failure.Failure;
import org.junit.jupiter.api.Test;

/** The seed's reconnection recipe asks its connector to connect again when the connection is lost. */
class ReconnectionTest {
    private static final class CountingConnector implements IConnector {
        int connects;

        @Override
        public void connect() {
            connects++;
        }

        @Override
        public void disconnect() {}

        @Override
        public void stopConnecting() {}

        @Override
        public IAddress getDestination() {
            return new IPv4Address("TCP", "127.0.0.1", 8000);
        }
    }

    @Test
    void lostConnectionIsReconnectedEveryTime() {
        CountingConnector connector = new CountingConnector();
        Reconnection.EchoClientFactory factory = new Reconnection.EchoClientFactory();
        factory.clientConnectionLost(connector, new Failure(new ConnectionLost()));
        factory.clientConnectionLost(connector, new Failure(new ConnectionLost()));
        assertThat(connector.connects).isEqualTo(2);
        assertThat(factory.buildProtocol(connector.getDestination())).isInstanceOf(EchoClientFactory.Echo.class);
    }
}
