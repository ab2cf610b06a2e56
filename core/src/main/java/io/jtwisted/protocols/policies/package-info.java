/**
 * Resource-limiting policies, as Twisted's {@code twisted.protocols.policies}: protocol wrappers
 * that count, limit, throttle, time out and log connections.
 */
@NullMarked
package io.jtwisted.protocols.policies;

import org.jspecify.annotations.NullMarked;
