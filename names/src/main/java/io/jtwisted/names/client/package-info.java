/**
 * The DNS client: a resolver that asks name servers over UDP and TCP, {@code resolv.conf} parsing and the hostname resolver built on them, as Twisted's {@code twisted.names.client}.
 */
@NullMarked
package io.jtwisted.names.client;

import org.jspecify.annotations.NullMarked;
