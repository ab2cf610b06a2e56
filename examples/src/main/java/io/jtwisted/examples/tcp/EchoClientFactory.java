package io.jtwisted.examples.tcp;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IConnector;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.protocol.ClientFactory;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.python.failure.Failure;
import java.nio.charset.StandardCharsets;

/**
 * The howtos' {@code ClientFactory} example, which prints the state of the connection. Here the
 * program also stops the reactor once the connection is lost or fails, so that it ends.
 * {@code bin/run-example EchoClientFactory [port] [host]} (8000, localhost): run an echo server,
 * type nothing — the server closes, or stop it, and the factory says so.
 */
@Example(value = "ClientFactory that prints the state of its connection", usage = "[PORT] [HOST]", port = 8000)
public class EchoClientFactory extends ClientFactory {
    /** Writes what it receives to standard output. */
    public static class Echo extends Protocol {
        @Override
        public void dataReceived(byte[] data) {
            System.out.print(new String(data, StandardCharsets.UTF_8));
            System.out.flush();
        }
    }

    @Override
    public void startedConnecting(IConnector connector) {
        System.out.println("Started to connect.");
    }

    @Override
    public IProtocol buildProtocol(IAddress addr) {
        System.out.println("Connected.");
        return new Echo();
    }

    @Override
    public void clientConnectionLost(IConnector connector, Failure reason) {
        System.out.println("Lost connection.  Reason: " + reason.getErrorMessage());
        reactor.stop();
    }

    @Override
    public void clientConnectionFailed(IConnector connector, Failure reason) {
        System.out.println("Connection failed. Reason: " + reason.getErrorMessage());
        reactor.stop();
    }

    public static void main(String[] args) {
        int portNumber = args.length > 0 ? Integer.parseInt(args[0]) : 8000;
        String host = args.length > 1 ? args[1] : "localhost";
        reactor.connectTCP(host, portNumber, new EchoClientFactory());
        reactor.run();
    }
}
