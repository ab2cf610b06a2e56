package io.jtwisted.protocols.portforward;

import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IConnector;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.protocol.ClientFactory;
import io.jtwisted.python.failure.Failure;
import org.jspecify.annotations.Nullable;

/** Builds the {@link ProxyClient} for one {@link ProxyServer}, as Twisted's {@code ProxyClientFactory}. */
public class ProxyClientFactory extends ClientFactory {
    private final ProxyServer server;

    /** A factory whose client forwards for {@code server}. */
    public ProxyClientFactory(ProxyServer server) {
        super(ProxyClient::new);
        this.server = server;
    }

    @Override
    public @Nullable IProtocol buildProtocol(IAddress address) {
        IProtocol built = super.buildProtocol(address);
        if (built instanceof Proxy client) {
            client.setPeer(server);
        }
        return built;
    }

    /** The destination refused: close the accepted connection. */
    @Override
    public void clientConnectionFailed(IConnector connector, Failure reason) {
        server.transport().loseConnection();
    }
}
