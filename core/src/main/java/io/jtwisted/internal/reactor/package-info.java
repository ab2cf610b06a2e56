/**
 * The default reactor: the event loop with every transport's support on top.
 */
@NullMarked
package io.jtwisted.internal.reactor;

import org.jspecify.annotations.NullMarked;
