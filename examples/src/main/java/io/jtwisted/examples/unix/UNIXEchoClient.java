package io.jtwisted.examples.unix;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.endpoints.Endpoints;
import io.jtwisted.internet.endpoints.UNIXClientEndpoint;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.python.failure.Failure;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Connects to a UNIX-domain socket, sends one line, prints what comes back and hangs up once the
 * line has returned. {@code bin/run-example UNIXEchoClient PATH [MESSAGE]}.
 */
@Example(value = "Client that sends a line over a UNIX-domain socket and prints the echo", usage = "PATH [MESSAGE]")
public class UNIXEchoClient extends Protocol {
    private final String message;
    private final StringBuilder received = new StringBuilder();

    public UNIXEchoClient(String message) {
        this.message = message;
    }

    @Override
    public void connectionMade() {
        transport.write((message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void dataReceived(byte[] data) {
        received.append(new String(data, StandardCharsets.UTF_8));
        if (received.toString().endsWith("\n")) {
            System.out.print(received);
            System.out.flush();
            transport.loseConnection();
        }
    }

    @Override
    public void connectionLost(Failure reason) {
        reactor.stop();
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            throw new IllegalArgumentException("PATH is required");
        }
        @SuppressWarnings("NullAway") // retyped: the errback below turns a failure into null
        Deferred<@Nullable UNIXEchoClient> connecting = Endpoints.connectProtocol(
                new UNIXClientEndpoint(reactor, args[0]),
                new UNIXEchoClient(args.length > 1 ? args[1] : "hello, unix"));
        connecting.addErrback(failure -> {
            System.out.println("Connection failed: " + failure.getErrorMessage());
            reactor.stop();
            return null;
        });
        reactor.run();
    }
}
