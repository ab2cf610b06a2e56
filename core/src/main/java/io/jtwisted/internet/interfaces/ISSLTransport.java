package io.jtwisted.internet.interfaces;

import io.jtwisted.internet.ssl.Certificate;
import org.jspecify.annotations.Nullable;

/**
 * A stream transport encrypted with TLS, as Twisted's {@code ISSLTransport}: over TCP, or over a
 * UNIX stream connection, where the TCP options fail with {@link UnsupportedOperationException}
 * (as Twisted's raise on a UNIX socket) and the rest works the same.
 */
public interface ISSLTransport extends ITCPTransport {
    /**
     * The certificate the peer presented, or {@code null} before the handshake completed or when the
     * peer presented none (a client the server did not ask for one).
     */
    @Nullable
    Certificate getPeerCertificate();

    /**
     * The ALPN protocol both sides agreed on ({@code "h2"}, {@code "http/1.1"}), or {@code null} when
     * none was negotiated or the handshake is not complete; Twisted's {@code INegotiated.negotiatedProtocol}.
     */
    @Nullable
    String negotiatedProtocol();
}
