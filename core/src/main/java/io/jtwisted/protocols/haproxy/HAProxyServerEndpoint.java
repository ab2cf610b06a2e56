package io.jtwisted.protocols.haproxy;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import io.jtwisted.internet.interfaces.IStreamServerEndpoint;

/**
 * A server endpoint whose connections speak the PROXY protocol: it listens on another endpoint with
 * the factory wrapped in an {@link HAProxyWrappingFactory}. Made by {@link HAProxy#proxyEndpoint} and
 * by the description {@code haproxy:<server description>}.
 */
public final class HAProxyServerEndpoint implements IStreamServerEndpoint {
    private final IStreamServerEndpoint wrappedEndpoint;

    HAProxyServerEndpoint(IStreamServerEndpoint wrappedEndpoint) {
        this.wrappedEndpoint = wrappedEndpoint;
    }

    /** The endpoint this one listens on. */
    public IStreamServerEndpoint wrappedEndpoint() {
        return wrappedEndpoint;
    }

    @Override
    public Deferred<IListeningPort> listen(IProtocolFactory factory) {
        return wrappedEndpoint.listen(new HAProxyWrappingFactory(factory));
    }

    @Override
    public String toString() {
        return "haproxy:" + wrappedEndpoint;
    }
}
