package io.jtwisted.examples.protocols;

import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.address.IPv6Address;
import io.jtwisted.internet.interfaces.IListeningPort;

/** The command-line conventions of the protocol examples: the port is the first argument. */
final class Ports {
    private Ports() {}

    /** The port given as the first argument, or {@code defaultPort}; 0 lets the system pick one. */
    static int port(String[] args, int defaultPort) {
        return args.length > 0 ? Integer.parseInt(args[0]) : defaultPort;
    }

    /** The port number a listening port is bound to (useful with port 0). */
    static int portOf(IListeningPort port) {
        return port.getHost() instanceof IPv6Address v6 ? v6.port() : ((IPv4Address) port.getHost()).port();
    }
}
