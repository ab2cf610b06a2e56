package io.jtwisted.internet.endpoints;

import io.jtwisted.internet.interfaces.IReactor;
import io.jtwisted.internet.interfaces.IStreamServerEndpoint;
import io.jtwisted.protocols.haproxy.HAProxy;
import java.util.List;
import java.util.Map;

/**
 * {@code haproxy:<server description>}, as Twisted's {@code HAProxyServerParser}: the rest of the
 * description is parsed as a server endpoint of its own ({@code haproxy:tcp:8080},
 * {@code haproxy:unix:address=/run/app.sock}, {@code haproxy:systemd:domain=INET:index=0}), whose
 * connections then speak the PROXY protocol.
 */
final class HAProxyEndpointParser {
    private HAProxyEndpointParser() {}

    static IStreamServerEndpoint parse(IReactor reactor, List<String> args, Map<String, String> kwargs) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("a haproxy endpoint wraps another server description: haproxy:tcp:8080");
        }
        return HAProxy.proxyEndpoint(Endpoints.serverFromString(reactor, Descriptions.unparse(args, kwargs)));
    }
}
