/**
 * The interfaces of Twisted's {@code twisted.internet.interfaces}: what a reactor, a transport, a
 * port, a connector, a delayed call and a producer or consumer promise to the code that uses them.
 */
@NullMarked
package io.jtwisted.internet.interfaces;

import org.jspecify.annotations.NullMarked;
