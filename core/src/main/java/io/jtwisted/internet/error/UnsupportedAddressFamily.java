package io.jtwisted.internet.error;

/**
 * The reactor does not support the address family asked for with this kind of socket, as
 * Twisted's {@code twisted.internet.error.UnsupportedAddressFamily}.
 */
public class UnsupportedAddressFamily extends RuntimeException {
    public UnsupportedAddressFamily(String message) {
        super(message);
    }
}
