package io.jtwisted.trial.unittest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How long, in seconds, each step of a {@link TestCase} test (its {@code setUp}, the test method,
 * its {@code tearDown}) may wait for the Deferred or CompletionStage it returned, as trial's
 * {@code timeout} attribute. On a test method it sets that test's timeout; on a class, the
 * timeout of all its tests (and its subclasses' tests) without their own. Without it, the
 * {@code jtwisted.trial.timeout} configuration parameter applies, else
 * {@value TestCase#DEFAULT_TIMEOUT_SECONDS} seconds. A step still waiting when it expires fails
 * the test with a {@link io.jtwisted.internet.defer.TimeoutError}, and its Deferred is cancelled.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Timeout {
    /** The timeout in seconds (fractions allowed); must be positive. */
    double value();
}
