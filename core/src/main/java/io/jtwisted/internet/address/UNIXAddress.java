package io.jtwisted.internet.address;

import io.jtwisted.internet.interfaces.IAddress;

/**
 * The address of a UNIX-domain socket: its path in the file system, as Twisted's
 * {@code UNIXAddress}. An unnamed socket (a client's end) has the name {@code ""}.
 *
 * @param name the socket's path
 */
public record UNIXAddress(String name) implements IAddress {
    @Override
    public String toString() {
        return "UNIXAddress('" + name + "')";
    }
}
