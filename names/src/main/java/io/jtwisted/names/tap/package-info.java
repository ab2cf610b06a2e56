/**
 * The {@code twistd dns} plugin, as Twisted's {@code twisted.names.tap}.
 */
@NullMarked
package io.jtwisted.names.tap;

import org.jspecify.annotations.NullMarked;
