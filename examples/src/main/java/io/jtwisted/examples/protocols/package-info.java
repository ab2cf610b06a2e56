/**
 * The examples of Twisted's protocol howtos: line, netstring and length-prefixed framing, a stateful protocol and a chat server.
 */
@NullMarked
package io.jtwisted.examples.protocols;

import org.jspecify.annotations.NullMarked;
