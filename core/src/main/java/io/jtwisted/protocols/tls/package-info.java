/**
 * TLS as a protocol wrapper, as Twisted's {@code twisted.protocols.tls}: {@link io.jtwisted.protocols.tls.TLSMemoryBIOFactory}
 * puts a {@link io.jtwisted.protocols.tls.TLSMemoryBIOProtocol} between any stream transport and
 * an unchanged protocol.
 */
@NullMarked
package io.jtwisted.protocols.tls;

import org.jspecify.annotations.NullMarked;
