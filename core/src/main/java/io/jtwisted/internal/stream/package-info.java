/**
 * What every connected stream transport shares, TCP and UNIX sockets alike: buffering, flow control and half-close.
 */
@NullMarked
package io.jtwisted.internal.stream;

import org.jspecify.annotations.NullMarked;
