package io.jtwisted.examples.tcp;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IConnector;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.protocol.ReconnectingClientFactory;
import io.jtwisted.python.failure.Failure;

/**
 * The howtos' {@code ReconnectingClientFactory} example: when the connection fails or is lost, it
 * tries again after a growing delay, and starts over from a short delay once connected. Runs
 * until Ctrl-C. {@code bin/run-example ReconnectingEchoClient [port] [host]} (8000, localhost).
 */
@Example(value = "ReconnectingClientFactory: reconnects with a growing delay", usage = "[PORT] [HOST]", port = 8000)
public class ReconnectingEchoClient extends ReconnectingClientFactory {
    @Override
    public void startedConnecting(IConnector connector) {
        System.out.println("Started to connect.");
    }

    @Override
    public IProtocol buildProtocol(IAddress addr) {
        System.out.println("Connected.");
        System.out.println("Resetting reconnection delay");
        resetDelay();
        return new EchoClientFactory.Echo();
    }

    @Override
    public void clientConnectionLost(IConnector connector, Failure reason) {
        System.out.println("Lost connection.  Reason: " + reason.getErrorMessage());
        super.clientConnectionLost(connector, reason);
    }

    @Override
    public void clientConnectionFailed(IConnector connector, Failure reason) {
        System.out.println("Connection failed. Reason: " + reason.getErrorMessage());
        super.clientConnectionFailed(connector, reason);
    }

    public static void main(String[] args) {
        ReconnectingEchoClient factory = new ReconnectingEchoClient();
        if (args.length > 2) {
            factory.maxDelay = Double.parseDouble(args[2]); // handy for trying it out: cap the wait
        }
        reactor.connectTCP(Args.arg(args, 1, "localhost"), Args.port(args, 8000), factory);
        reactor.run();
    }
}
