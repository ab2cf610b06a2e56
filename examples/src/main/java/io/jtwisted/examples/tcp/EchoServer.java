package io.jtwisted.examples.tcp;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.python.failure.Failure;
import java.nio.charset.StandardCharsets;

/**
 * The howtos' {@code connectionMade}/{@code connectionLost} example: an echo server that counts
 * its open connections in the factory and tells each new client how many there are.
 * {@code bin/run-example EchoServer [port]} (8000 by default).
 */
@Example(value = "Echo server that counts its open connections in the factory", usage = "[PORT]", port = 8000)
public final class EchoServer {
    private EchoServer() {}

    /** Counts connections in its factory and echoes. */
    public static class Echo extends Protocol {
        @SuppressWarnings(
                "HidingField") // the howtos' example reads self.factory.numProtocols: this is that field, typed
        private final EchoFactory factory;

        public Echo(EchoFactory factory) {
            this.factory = factory;
        }

        @Override
        public void connectionMade() {
            factory.numProtocols = factory.numProtocols + 1;
            transport.write(("Welcome! There are currently " + factory.numProtocols + " open connections.\n")
                    .getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void connectionLost(Failure reason) {
            factory.numProtocols = factory.numProtocols - 1;
        }

        @Override
        public void dataReceived(byte[] data) {
            transport.write(data);
        }
    }

    /** Shares the connection count. */
    public static class EchoFactory extends Factory {
        int numProtocols;

        public EchoFactory() {
            this.protocol = () -> new Echo(this);
        }
    }

    public static void main(String[] args) {
        IListeningPort port = reactor.listenTCP(Args.port(args, 8000), new EchoFactory());
        System.out.println("EchoServer listening on port " + Args.portOf(port));
        reactor.run();
    }
}
