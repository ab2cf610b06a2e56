/**
 * The DNS server factory that answers queries from authorities, caches and clients, as Twisted's {@code twisted.names.server}.
 */
@NullMarked
package io.jtwisted.names.server;

import org.jspecify.annotations.NullMarked;
