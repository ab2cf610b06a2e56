/**
 * The reactor, as Twisted's {@code twisted.internet.reactor}: the {@link
 * io.jtwisted.internet.Reactor} facade, the default reactor and how it is found, and signal
 * handling.
 */
@NullMarked
package io.jtwisted.internet;

import org.jspecify.annotations.NullMarked;
