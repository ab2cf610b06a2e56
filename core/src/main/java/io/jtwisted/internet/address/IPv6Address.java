package io.jtwisted.internet.address;

import io.jtwisted.internet.interfaces.IAddress;

/**
 * An IPv6 socket address.
 *
 * @param type {@code "TCP"} or {@code "UDP"}
 * @param host the address in its compressed text form, without brackets
 * @param port the port number
 */
public record IPv6Address(String type, String host, int port) implements IAddress {
    @Override
    public String toString() {
        return "IPv6Address(type='" + type + "', host='" + host + "', port=" + port + ")";
    }
}
