/**
 * Line parsing: LineOnlyReceiver and LineReceiver against Netty's LineBasedFrameDecoder, measured with JMH.
 */
@NullMarked
package io.jtwisted.benchmarks.protocols;

import org.jspecify.annotations.NullMarked;
