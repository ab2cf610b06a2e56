/**
 * The {@code twistd web} plugin, as Twisted's {@code twisted.web.tap}.
 */
@NullMarked
package io.jtwisted.web.tap;

import org.jspecify.annotations.NullMarked;
