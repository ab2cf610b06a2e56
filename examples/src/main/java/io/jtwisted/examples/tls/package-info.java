/**
 * The examples of Twisted's TLS howto: an echo server and client over TLS, and a connection that starts TLS midway.
 */
@NullMarked
package io.jtwisted.examples.tls;

import org.jspecify.annotations.NullMarked;
