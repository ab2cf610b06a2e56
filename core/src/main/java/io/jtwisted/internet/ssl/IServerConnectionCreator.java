package io.jtwisted.internet.ssl;

import javax.net.ssl.SSLEngine;

/**
 * Makes the TLS state of each accepted connection, as Twisted's
 * {@code IOpenSSLServerConnectionCreator}; {@link CertificateOptions} is the usual one.
 */
public interface IServerConnectionCreator extends IConnectionCreator {
    /** A new server-mode engine, configured (key, protocols, ciphers, client authentication, ALPN). */
    SSLEngine serverConnectionForTLS();
}
