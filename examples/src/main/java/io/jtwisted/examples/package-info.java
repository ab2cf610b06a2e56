/**
 * What {@code bin/run-example} runs: the {@link io.jtwisted.examples.Example} annotation each example carries and the launcher that lists and starts them.
 */
@NullMarked
package io.jtwisted.examples;

import org.jspecify.annotations.NullMarked;
