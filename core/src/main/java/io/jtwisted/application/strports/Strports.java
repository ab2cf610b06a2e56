package io.jtwisted.application.strports;

import io.jtwisted.application.internet.StreamServerEndpointService;
import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.endpoints.Endpoints;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import io.jtwisted.internet.interfaces.IReactor;

/**
 * Services from endpoint strings, as Twisted's {@code twisted.application.strports}:
 * {@code Strports.service("tcp:8080", factory)} listens where the string says while the service runs.
 */
public final class Strports {
    private Strports() {}

    /**
     * A service listening on {@code description} ({@code "tcp:8080"}, {@code "tcp6:port=8080:interface=\:\:1"},
     * any string {@link Endpoints#serverFromString} accepts) with {@code factory}, through the global reactor.
     * A listen that fails at once is thrown from the service's start.
     *
     * @throws IllegalArgumentException when the description is malformed
     */
    public static StreamServerEndpointService service(String description, IProtocolFactory factory) {
        return service(description, factory, Reactor.reactor);
    }

    /** {@link #service(String, IProtocolFactory)} through {@code reactor}. */
    public static StreamServerEndpointService service(String description, IProtocolFactory factory, IReactor reactor) {
        return new StreamServerEndpointService(Endpoints.serverFromString(reactor, description), factory)
                .setRaiseSynchronously(true);
    }
}
