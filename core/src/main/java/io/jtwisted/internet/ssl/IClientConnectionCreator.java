package io.jtwisted.internet.ssl;

import javax.net.ssl.SSLEngine;

/**
 * Makes the TLS state of each outgoing connection, as Twisted's
 * {@code IOpenSSLClientConnectionCreator}; {@link SSL#optionsForClientTLS} gives the usual one,
 * which verifies the server's certificate and host name.
 */
public interface IClientConnectionCreator extends IConnectionCreator {
    /** A new client-mode engine, configured (trust, SNI, hostname verification, ALPN). */
    SSLEngine clientConnectionForTLS();
}
