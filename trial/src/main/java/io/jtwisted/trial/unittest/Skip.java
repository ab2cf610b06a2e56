package io.jtwisted.trial.unittest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Skips a {@link TestCase} test method, or all tests of a class, as trial's {@code skip}
 * attribute: the test is not run (nor its {@code setUp}/{@code tearDown}) and is reported as
 * skipped with the reason. A test can also skip itself while running by throwing
 * {@link SkipTest}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Skip {
    /** Why the test is skipped; shown in the report. */
    String value();
}
