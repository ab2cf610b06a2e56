/**
 * The examples of Twisted's TCP server and client howtos: echo, quote of the day, greeters, reconnecting clients and an echo on every core.
 */
@NullMarked
package io.jtwisted.examples.tcp;

import org.jspecify.annotations.NullMarked;
