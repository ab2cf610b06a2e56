package io.jtwisted.python.failure;

/**
 * A function that may throw: the shape of every callback and errback. An exception thrown by
 * a callback becomes the {@link Failure} that the rest of the chain sees.
 *
 * @param <A> the argument type
 * @param <R> the result type
 */
@FunctionalInterface
public interface ThrowingFunction<A, R> {
    /** Applies this function; may throw anything, which the caller turns into a {@link Failure}. */
    R apply(A argument) throws Exception;
}
