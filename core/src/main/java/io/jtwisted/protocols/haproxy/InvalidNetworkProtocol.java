package io.jtwisted.protocols.haproxy;

/**
 * The header names a network protocol other than the ones the PROXY protocol defines
 * ({@code TCP4}, {@code TCP6}, {@code UNKNOWN} in version 1; a known family and transport in
 * version 2), as Twisted's {@code InvalidNetworkProtocol}.
 */
public class InvalidNetworkProtocol extends InvalidProxyHeader {
    public InvalidNetworkProtocol(String message) {
        super(message);
    }
}
