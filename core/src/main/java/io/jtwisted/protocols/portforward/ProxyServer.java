package io.jtwisted.protocols.portforward;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.interfaces.IPushProducer;
import io.jtwisted.internet.interfaces.IReactorTCP;
import org.jspecify.annotations.Nullable;

/**
 * The accepted side of a forwarded connection, as Twisted's {@code portforward.ProxyServer}: it pauses
 * reading, connects to the {@link ProxyFactory}'s destination, and lets data flow once that connects.
 */
public class ProxyServer extends Proxy {
    private @Nullable IReactorTCP reactor;

    /** Connects through {@code reactor} instead of the global one. */
    public void setReactor(IReactorTCP reactor) {
        this.reactor = reactor;
    }

    @Override
    public void connectionMade() {
        if (transport instanceof IPushProducer producer) {
            producer.pauseProducing();
        }
        ProxyFactory owner = (ProxyFactory) factory;
        ProxyClientFactory client = new ProxyClientFactory(this);
        IReactorTCP through = reactor != null ? reactor : owner.reactor();
        if (through == null) {
            through = Reactor.reactor;
        }
        through.connectTCP(owner.host(), owner.port(), client);
    }
}
