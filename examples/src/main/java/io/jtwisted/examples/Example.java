package io.jtwisted.examples;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a runnable example for {@code bin/run-example}: the one line its listing shows, the
 * arguments it takes, and the port it uses when none is given.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Example {
    /** One line saying what the example shows. */
    String value();

    /** The arguments, as a usage line shows them ({@code "[PORT] [HOST]"}); empty when it takes none. */
    String usage() default "";

    /** The port it listens on or connects to by default; 0 when it uses none. */
    int port() default 0;
}
