package io.jtwisted.protocols.policies;

import io.jtwisted.internet.interfaces.IPushProducer;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.python.failure.Failure;
import java.io.ByteArrayOutputStream;

/** Twisted's test_policies helpers: SimpleProtocol, EchoProtocol, Server. */
final class Helpers {
    private Helpers() {}

    static class SimpleProtocol extends Protocol {
        boolean madeConnection;
        boolean disconnected;
        final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        @Override
        public void connectionMade() {
            madeConnection = true;
        }

        @Override
        public void connectionLost(Failure reason) {
            super.connectionLost(reason);
            disconnected = true;
        }

        @Override
        public void dataReceived(byte[] data) {
            buffer.writeBytes(data);
        }
    }

    static class EchoProtocol extends Protocol implements IPushProducer {
        boolean paused;

        @Override
        public void pauseProducing() {
            paused = true;
        }

        @Override
        public void resumeProducing() {
            paused = false;
        }

        @Override
        public void stopProducing() {}

        @Override
        public void dataReceived(byte[] data) {
            transport.write(data);
        }
    }

    /** Twisted's Server: a factory of EchoProtocol. */
    static class Server extends Factory {
        Server() {
            super(EchoProtocol::new);
        }
    }
}
