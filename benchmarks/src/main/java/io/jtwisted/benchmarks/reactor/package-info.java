/**
 * The reactor's timers and callFromThread against Netty's event loop, measured with JMH.
 */
@NullMarked
package io.jtwisted.benchmarks.reactor;

import org.jspecify.annotations.NullMarked;
