/**
 * The examples of Twisted's UNIX socket howtos: stream and datagram echo servers and clients over UNIX domain sockets.
 */
@NullMarked
package io.jtwisted.examples.unix;

import org.jspecify.annotations.NullMarked;
