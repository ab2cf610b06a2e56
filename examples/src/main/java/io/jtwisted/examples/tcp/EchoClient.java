package io.jtwisted.examples.tcp;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.endpoints.Endpoints;
import io.jtwisted.internet.endpoints.TCP4ClientEndpoint;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.python.failure.Failure;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The howtos' first client protocol: it writes what it receives to standard output. This program
 * connects it to an echo server ({@code bin/run-example Echo} first), sends one line, hangs up
 * once the line has come back, and stops the reactor when the connection is gone.
 * {@code bin/run-example EchoClient [port] [host] [message]} (8000, localhost, "hello, world").
 */
@Example(
        value = "Client that sends a message and prints what comes back",
        usage = "[PORT] [HOST] [MESSAGE]",
        port = 8000)
public class EchoClient extends Protocol {
    private final String message;
    private final StringBuilder received = new StringBuilder();

    public EchoClient(String message) {
        this.message = message;
    }

    @Override
    public void connectionMade() {
        transport.write((message + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void dataReceived(byte[] data) {
        System.out.print(new String(data, StandardCharsets.UTF_8));
        System.out.flush();
        received.append(new String(data, StandardCharsets.UTF_8));
        if (received.toString().endsWith("\r\n")) {
            transport.loseConnection();
        }
    }

    @Override
    public void connectionLost(Failure reason) {
        reactor.stop();
    }

    public static void main(String[] args) {
        TCP4ClientEndpoint point =
                new TCP4ClientEndpoint(reactor, Args.arg(args, 1, "localhost"), Args.port(args, 8000));
        @SuppressWarnings("NullAway") // retyped: the errback below turns a failure into null
        Deferred<@Nullable EchoClient> connecting =
                Endpoints.connectProtocol(point, new EchoClient(Args.arg(args, 2, "hello, world")));
        connecting.addErrback(failure -> {
            System.out.println("Connection failed: " + failure.getErrorMessage());
            reactor.stop();
            return null;
        });
        reactor.run();
    }
}
