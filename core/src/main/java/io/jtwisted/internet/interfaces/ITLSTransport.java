package io.jtwisted.internet.interfaces;

import io.jtwisted.internet.ssl.IConnectionCreator;
import org.jspecify.annotations.Nullable;

/**
 * A stream transport that can switch to TLS mid-connection (STARTTLS), as Twisted's
 * {@code ITLSTransport}: the transports of TCP and of UNIX stream connections, server and client
 * side alike. Unlike Twisted's, this interface does not extend {@link ITCPTransport}, because a
 * UNIX connection has no TCP options; a TCP connection is both.
 */
public interface ITLSTransport extends ITransport, IConsumer, IPushProducer {
    /**
     * Starts TLS on this connection now: everything written before this call is sent in clear
     * (even if it is still buffered), everything written after it is encrypted, in order. The
     * accepting side acts as TLS server (its {@code options} must be an
     * {@link io.jtwisted.internet.ssl.IServerConnectionCreator}), the connecting side as TLS client.
     * The protocol keeps its transport; afterwards the transport is also an {@link ISSLTransport}
     * (see {@link #sslTransport()}), and a handshake failure reaches {@code connectionLost}.
     *
     * A producer registered before the call stays registered, now through the TLS layer.
     *
     * @throws IllegalStateException if TLS was started already, or the connection is closing or closed
     */
    void startTLS(IConnectionCreator options);

    /** The TLS view of this connection (peer certificate, ALPN) once {@link #startTLS} was called, else {@code null}. */
    @Nullable
    ISSLTransport sslTransport();

    /**
     * Closes the writing half once buffered data is sent; reading goes on. After {@link #startTLS}
     * this sends TLS's {@code close_notify} instead (TLS 1.3 keeps reading; a TLS 1.2 peer closes
     * both directions).
     */
    void loseWriteConnection();
}
