/**
 * TCP echo: JTwisted's servers on one reactor and on a reactor group against Netty's, under one closed-loop load.
 */
@NullMarked
package io.jtwisted.benchmarks.echo;

import org.jspecify.annotations.NullMarked;
