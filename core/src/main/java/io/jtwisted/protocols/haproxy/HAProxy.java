package io.jtwisted.protocols.haproxy;

import io.jtwisted.internet.interfaces.IStreamServerEndpoint;
import java.util.Objects;

/** The functions of Twisted's {@code twisted.protocols.haproxy} module. */
public final class HAProxy {
    private HAProxy() {}

    /**
     * An endpoint listening on {@code wrappedEndpoint} whose connections start with a PROXY header
     * (version 1 or 2), so that their transports' {@code getPeer()} and {@code getHost()} return the
     * addresses the header names, as Twisted's {@code proxyEndpoint}. Only put it where every
     * connection comes from a trusted proxy: anyone who can connect can claim any address.
     */
    public static IStreamServerEndpoint proxyEndpoint(IStreamServerEndpoint wrappedEndpoint) {
        return new HAProxyServerEndpoint(Objects.requireNonNull(wrappedEndpoint, "wrappedEndpoint"));
    }
}
