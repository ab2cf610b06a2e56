package io.jtwisted.protocols.haproxy;

/**
 * The bytes at the start of a connection are not a valid PROXY protocol header, as Twisted's
 * {@code InvalidProxyHeader}. The message says what is wrong.
 */
public class InvalidProxyHeader extends Exception {
    public InvalidProxyHeader(String message) {
        super(message);
    }
}
