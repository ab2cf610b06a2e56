/**
 * The echo servers of the connection-storm benchmark.
 */
@NullMarked
package io.jtwisted.benchmarks.storm;

import org.jspecify.annotations.NullMarked;
