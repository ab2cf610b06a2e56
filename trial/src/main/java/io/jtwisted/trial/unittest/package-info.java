/**
 * Trial's {@code TestCase} base class and its {@code Skip}, {@code SkipTest} and {@code Timeout}, as Twisted's {@code twisted.trial.unittest}.
 */
@NullMarked
package io.jtwisted.trial.unittest;

import org.jspecify.annotations.NullMarked;
