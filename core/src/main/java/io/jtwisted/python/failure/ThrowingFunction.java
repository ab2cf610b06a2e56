package io.jtwisted.python.failure;

import org.jspecify.annotations.Nullable;

/**
 * A function that may throw: the shape of every callback and errback. An exception thrown by
 * a callback becomes the {@link Failure} that the rest of the chain sees.
 *
 * @param <A> the argument type (a {@code @Nullable} type when null may be passed)
 * @param <R> the result type (a {@code @Nullable} type when it may return null)
 */
@FunctionalInterface
public interface ThrowingFunction<A extends @Nullable Object, R extends @Nullable Object> {
    /** Applies this function; may throw anything, which the caller turns into a {@link Failure}. */
    R apply(A argument) throws Exception;
}
