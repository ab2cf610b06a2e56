/**
 * UNIX-domain stream echo on an abstract-namespace name against a socket file, measured with JMH.
 */
@NullMarked
package io.jtwisted.benchmarks.unix;

import org.jspecify.annotations.NullMarked;
