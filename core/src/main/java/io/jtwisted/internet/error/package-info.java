/**
 * The exceptions of connections, transports and processes, as Twisted's
 * {@code twisted.internet.error}.
 */
@NullMarked
package io.jtwisted.internet.error;

import org.jspecify.annotations.NullMarked;
