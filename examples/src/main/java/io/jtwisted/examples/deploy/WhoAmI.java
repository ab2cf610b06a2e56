package io.jtwisted.examples.deploy;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.address.IPAddress;
import io.jtwisted.internet.endpoints.Endpoints;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IStreamServerEndpoint;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Tells each client the address it connects from, as the server sees it, then closes: behind a load
 * balancer that speaks the PROXY protocol ({@code haproxy:tcp:8080}) that is the client's own
 * address, not the balancer's. The endpoint description comes from the command line, so the same
 * server runs behind HAProxy, under systemd socket activation ({@code systemd:domain=INET:index=0})
 * or on a plain port (docs/deploying.md).
 *
 * <p>{@code bin/run-example WhoAmI [DESCRIPTION]}: {@code haproxy:tcp:8080} by default.
 */
@Example(
        value = "Tells each client its address as the server sees it (behind HAProxy: haproxy:tcp:8080)",
        usage = "[ENDPOINT-DESCRIPTION]",
        port = 8080)
public final class WhoAmI {
    private WhoAmI() {}

    /** Writes the peer's address, then closes the connection. */
    public static class Answer extends Protocol {
        @Override
        public void connectionMade() {
            // Behind haproxy: the address from the PROXY header, not the proxy's own.
            String client = transport.getPeer() instanceof IPAddress ip
                    ? ip.host() + " port " + ip.port()
                    : transport.getPeer().toString();
            transport.write(("you are " + client + "\r\n").getBytes(StandardCharsets.UTF_8));
            transport.loseConnection();
        }
    }

    public static void main(String[] args) {
        String description = args.length > 0 ? args[0] : "haproxy:tcp:8080";
        IStreamServerEndpoint endpoint = Endpoints.serverFromString(reactor, description);
        endpoint.listen(Factory.forProtocol(Answer::new))
                .<@Nullable IListeningPort>addCallback(port -> {
                    System.out.println("WhoAmI listening on "
                            + (port.getHost() instanceof IPAddress ip
                                    ? "port " + ip.port()
                                    : port.getHost().toString()));
                    return port;
                })
                .addErrback(
                        failure -> { // a port in use, an inherited socket that cannot be adopted
                            System.err.println(
                                    "WhoAmI: cannot listen on " + description + ": " + failure.getErrorMessage());
                            reactor.callWhenRunning(reactor::stop); // it may fail before the reactor runs
                            return null;
                        });
        reactor.run();
    }
}
