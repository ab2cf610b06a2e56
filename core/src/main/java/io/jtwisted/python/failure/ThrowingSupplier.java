package io.jtwisted.python.failure;

/**
 * A supplier that may throw, used by {@code Deferred.maybeDeferred} and by calls scheduled
 * for later whose result is wanted in a {@code Deferred}.
 *
 * @param <R> the result type
 */
@FunctionalInterface
public interface ThrowingSupplier<R> {
    /** Computes the value; may throw, which the caller turns into a {@link Failure}. */
    R get() throws Exception;
}
