/**
 * The examples of Twisted's UDP howto: a datagram echo server and client, and multicast.
 */
@NullMarked
package io.jtwisted.examples.udp;

import org.jspecify.annotations.NullMarked;
