package io.jtwisted.internet.interfaces;

/**
 * A protocol that wants to know when the TLS handshake of its connection is complete, as
 * Twisted's {@code IHandshakeListener}: {@link #handshakeCompleted()} runs once, after which
 * {@code getPeerCertificate()} and {@code negotiatedProtocol()} have their final values.
 */
public interface IHandshakeListener {
    /** The handshake succeeded. */
    void handshakeCompleted();
}
