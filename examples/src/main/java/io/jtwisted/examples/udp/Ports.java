package io.jtwisted.examples.udp;

import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.address.IPv6Address;
import io.jtwisted.internet.interfaces.IAddress;

/** The small helpers the UDP examples share. */
final class Ports {
    private Ports() {}

    /** The port number of a UDP address. */
    static int portOf(IAddress address) {
        return address instanceof IPv6Address v6 ? v6.port() : ((IPv4Address) address).port();
    }
}
