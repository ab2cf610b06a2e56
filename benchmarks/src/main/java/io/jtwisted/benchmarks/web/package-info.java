/**
 * Static files over HTTP: JTwisted's Site(File(dir)) on one reactor and on a reactor group against Netty's static-file server.
 */
@NullMarked
package io.jtwisted.benchmarks.web;

import org.jspecify.annotations.NullMarked;
