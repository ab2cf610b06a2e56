package io.jtwisted.examples.tcp;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.protocol.ClientCreator;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Greeter} connected with the older {@code ClientCreator} API instead of an endpoint,
 * as the howtos show. {@code bin/run-example ClientCreatorGreeter [port] [host]} (1234, localhost).
 */
@Example(value = "The Greeter connected with ClientCreator", usage = "[PORT] [HOST]", port = 1234)
public final class ClientCreatorGreeter {
    private ClientCreatorGreeter() {}

    public static void main(String[] args) {
        ClientCreator<Greeter> creator = new ClientCreator<>(reactor, Greeter::new);
        int portNumber = args.length > 0 ? Integer.parseInt(args[0]) : 1234;
        String host = args.length > 1 ? args[1] : "localhost";
        Deferred<Greeter> d = creator.connectTCP(host, portNumber);
        d.<@Nullable Greeter>addCallback(Greeter::gotProtocol).addErrback(failure -> {
            System.out.println("Connection failed: " + failure.getErrorMessage());
            reactor.stop();
            return null;
        });
        reactor.run();
    }
}
