/**
 * TLS configuration, as Twisted's {@code twisted.internet.ssl}: {@link io.jtwisted.internet.ssl.CertificateOptions}
 * for servers, {@link io.jtwisted.internet.ssl.SSL#optionsForClientTLS} for clients, and the
 * certificate and key types loaded from PEM and PKCS#12. The TLS layer itself is
 * {@code io.jtwisted.protocols.tls}.
 */
@NullMarked
package io.jtwisted.internet.ssl;

import org.jspecify.annotations.NullMarked;
