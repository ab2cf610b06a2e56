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
 * The howtos' single-use client with {@code connectProtocol}: no factory, just one protocol
 * instance. Sends {@code MESSAGE Hello}, another message a second later, and hangs up after two
 * seconds; the program stops when the connection is closed.
 * {@code bin/run-example Greeter [port] [host]} (1234, localhost).
 */
@Example(value = "Single-use client with connectProtocol", usage = "[PORT] [HOST]", port = 1234)
public class Greeter extends Protocol {
    public void sendMessage(String msg) {
        transport.write(("MESSAGE " + msg + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void connectionLost(Failure reason) {
        reactor.stop();
    }

    static Greeter gotProtocol(Greeter p) {
        p.sendMessage("Hello");
        reactor.callLater(1, () -> p.sendMessage("This is sent in a second"));
        reactor.callLater(2, () -> p.transport().loseConnection());
        return p;
    }

    public static void main(String[] args) {
        int portNumber = args.length > 0 ? Integer.parseInt(args[0]) : 1234;
        String host = args.length > 1 ? args[1] : "localhost";
        TCP4ClientEndpoint point = new TCP4ClientEndpoint(reactor, host, portNumber);
        Deferred<Greeter> d = Endpoints.connectProtocol(point, new Greeter());
        d.<@Nullable Greeter>addCallback(Greeter::gotProtocol).addErrback(failure -> {
            System.out.println("Connection failed: " + failure.getErrorMessage());
            reactor.stop();
            return null;
        });
        reactor.run();
    }
}
