package io.jtwisted.examples.tcp;

import io.jtwisted.internet.interfaces.IConnector;
import io.jtwisted.internet.protocol.ClientFactory;
import io.jtwisted.python.failure.Failure;

/**
 * The howtos' reconnection recipe, before it recommends {@link ReconnectingEchoClient}: a client
 * factory that reconnects as soon as its connection is lost. Quoted by docs/tcp-clients.md.
 */
public final class Reconnection {
    private Reconnection() {}

    /** Reconnects at once, every time the connection is lost. */
    public static class EchoClientFactory extends ClientFactory {
        public EchoClientFactory() {
            this.protocol = io.jtwisted.examples.tcp.EchoClientFactory.Echo::new;
        }

        @Override
        public void clientConnectionLost(IConnector connector, Failure reason) {
            connector.connect();
        }
    }
}
