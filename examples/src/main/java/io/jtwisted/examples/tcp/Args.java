package io.jtwisted.examples.tcp;

import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.address.IPv6Address;
import io.jtwisted.internet.interfaces.IListeningPort;

/** The small command-line conventions the TCP examples share. */
final class Args {
    private Args() {}

    /** The port given as the first argument, or {@code defaultPort}. */
    static int port(String[] args, int defaultPort) {
        return args.length > 0 ? Integer.parseInt(args[0]) : defaultPort;
    }

    /** The argument at {@code index}, or {@code otherwise}. */
    static String arg(String[] args, int index, String otherwise) {
        return args.length > index ? args[index] : otherwise;
    }

    /** The port number a listening port is bound to (useful with port 0). */
    static int portOf(IListeningPort port) {
        return port.getHost() instanceof IPv6Address v6 ? v6.port() : ((IPv4Address) port.getHost()).port();
    }
}
