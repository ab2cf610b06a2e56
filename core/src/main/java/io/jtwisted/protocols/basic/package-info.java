/**
 * Basic protocols, as Twisted's {@code twisted.protocols.basic}: line-oriented
 * ({@link io.jtwisted.protocols.basic.LineReceiver}, {@link io.jtwisted.protocols.basic.LineOnlyReceiver}),
 * netstrings ({@link io.jtwisted.protocols.basic.NetstringReceiver}), length-prefixed strings
 * ({@link io.jtwisted.protocols.basic.Int32StringReceiver} and friends) and the fixed-size-read state
 * machine {@link io.jtwisted.protocols.basic.StatefulProtocol}. Bytes on the wire are identical to
 * Twisted's.
 */
@NullMarked
package io.jtwisted.protocols.basic;

import org.jspecify.annotations.NullMarked;
