/**
 * The servers of the reliability benchmarks (idle connections, slow readers, soak) and the probe that questions them.
 */
@NullMarked
package io.jtwisted.benchmarks.reliability;

import org.jspecify.annotations.NullMarked;
