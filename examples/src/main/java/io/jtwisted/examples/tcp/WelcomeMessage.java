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
 * The howtos' client that greets the server and hangs up at once: {@code loseConnection} still
 * delivers the greeting first. The program stops when the connection is closed.
 * {@code bin/run-example WelcomeMessage [port] [host]} (8000, localhost).
 */
@Example(value = "Client that greets the server and hangs up at once", usage = "[PORT] [HOST]", port = 8000)
public class WelcomeMessage extends Protocol {
    @Override
    public void connectionMade() {
        transport.write("Hello server, I am the client!\r\n".getBytes(StandardCharsets.UTF_8));
        transport.loseConnection();
    }

    @Override
    public void connectionLost(Failure reason) {
        System.out.println("Greeting sent; connection closed: " + reason.getErrorMessage());
        reactor.stop();
    }

    public static void main(String[] args) {
        TCP4ClientEndpoint point =
                new TCP4ClientEndpoint(reactor, Args.arg(args, 1, "localhost"), Args.port(args, 8000));
        @SuppressWarnings("NullAway") // retyped: the errback below turns a failure into null
        Deferred<@Nullable WelcomeMessage> connecting = Endpoints.connectProtocol(point, new WelcomeMessage());
        connecting.addErrback(failure -> {
            System.out.println("Connection failed: " + failure.getErrorMessage());
            reactor.stop();
            return null;
        });
        reactor.run();
    }
}
