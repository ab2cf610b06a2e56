/**
 * UDP echo: JTwisted's server against Netty's and the real Twisted's, under one closed-loop load.
 */
@NullMarked
package io.jtwisted.benchmarks.udp;

import org.jspecify.annotations.NullMarked;
