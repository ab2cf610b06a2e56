/**
 * DNS messages, names, queries and records and their wire format, and the protocols that carry them over UDP and TCP, as Twisted's {@code twisted.names.dns}.
 */
@NullMarked
package io.jtwisted.names.dns;

import org.jspecify.annotations.NullMarked;
