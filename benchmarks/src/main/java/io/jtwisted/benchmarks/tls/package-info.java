/**
 * TLS echo and handshakes: JTwisted's TLS servers against Netty's SslHandler, under one Netty client load.
 */
@NullMarked
package io.jtwisted.benchmarks.tls;

import org.jspecify.annotations.NullMarked;
