package io.jtwisted.internet.address;

import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IListeningPort;

/**
 * An IP socket address, IPv4 or IPv6 (Twisted's {@code _IPAddress}, the base of both): what a
 * TCP or UDP port or connection is bound to.
 */
public sealed interface IPAddress extends IAddress permits IPv4Address, IPv6Address {
    /** {@code "TCP"} or {@code "UDP"}. */
    String type();

    /** The address in text form: dotted quad for IPv4, compressed without brackets for IPv6. */
    String host();

    /** The port number. */
    int port();

    /**
     * The number of the port {@code port} listens on: with port 0, the one the system picked
     * ({@code IPAddress.portOf(reactor.listenTCP(0, factory))}), as Twisted's
     * {@code port.getHost().port}.
     *
     * @throws IllegalArgumentException if {@code port} is not bound to an IP address (a UNIX socket)
     */
    static int portOf(IListeningPort port) {
        if (port.getHost() instanceof IPAddress address) {
            return address.port();
        }
        throw new IllegalArgumentException(port + " is bound to " + port.getHost() + ", which has no port number");
    }
}
