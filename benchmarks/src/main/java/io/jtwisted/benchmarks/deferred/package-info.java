/**
 * Deferred chains and await against CompletableFuture, suasync's Deferred and Vert.x's Future.await, measured with JMH.
 */
@NullMarked
package io.jtwisted.benchmarks.deferred;

import org.jspecify.annotations.NullMarked;
