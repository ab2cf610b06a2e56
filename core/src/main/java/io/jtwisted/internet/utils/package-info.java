/**
 * Running processes and collecting their output, as Twisted's {@code twisted.internet.utils}.
 */
@NullMarked
package io.jtwisted.internet.utils;

import org.jspecify.annotations.NullMarked;
