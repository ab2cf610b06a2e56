/**
 * Protocols and factories, as Twisted's {@code twisted.internet.protocol}: {@code Protocol},
 * {@code Factory}, {@code ClientFactory}, the reconnecting client factory and the process
 * protocol.
 */
@NullMarked
package io.jtwisted.internet.protocol;

import org.jspecify.annotations.NullMarked;
