package io.jtwisted.examples.tcp;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.address.IPAddress;
import io.jtwisted.internet.endpoints.TCP4ServerEndpoint;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Quote Of The Day, the howtos' factory example: each connection gets the factory's quote, then
 * the connection is closed. The default {@code buildProtocol} sets {@code factory}, so the
 * protocol reads its configuration there.
 *
 * <p>{@code bin/run-example QOTDServer [port] [quote]}: port 8007 by default, quote "An apple a
 * day keeps the doctor away" unless given.
 */
@Example(
        value = "Quote Of The Day: each client gets the factory's quote, then is disconnected",
        usage = "[PORT] [QUOTE]",
        port = 8007)
public final class QOTDServer {
    private QOTDServer() {}

    /** Writes the quote, then closes the connection. */
    public static class QOTD extends Protocol {
        @Override
        public void connectionMade() {
            // factory was set by the factory's default buildProtocol:
            String quote = factory(QOTDFactory.class).quote;
            transport.write((quote + "\r\n").getBytes(StandardCharsets.UTF_8));
            transport.loseConnection();
        }
    }

    /** Holds the quote every QOTD connection sends. */
    public static class QOTDFactory extends Factory {
        final String quote;

        public QOTDFactory(@Nullable String quote) {
            // This will be used by the default buildProtocol to create new protocols:
            this.protocol = QOTD::new;
            this.quote = quote != null ? quote : "An apple a day keeps the doctor away";
        }
    }

    public static void main(String[] args) {
        int portNumber = args.length > 0 ? Integer.parseInt(args[0]) : 8007;
        String quote = args.length > 1 ? args[1] : null;
        TCP4ServerEndpoint endpoint = new TCP4ServerEndpoint(reactor, portNumber);
        endpoint.listen(new QOTDFactory(quote)).addCallback(port -> {
            System.out.println("QOTD server listening on port " + IPAddress.portOf(port));
            return port;
        });
        reactor.run();
    }
}
