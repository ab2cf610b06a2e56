package io.jtwisted.python.failure;

import org.jspecify.annotations.Nullable;

/**
 * A supplier that may throw, used by {@code Deferred.maybeDeferred} and by calls scheduled
 * for later whose result is wanted in a {@code Deferred}.
 *
 * @param <R> the result type (a {@code @Nullable} type when it may return null)
 */
@FunctionalInterface
public interface ThrowingSupplier<R extends @Nullable Object> {
    /** Computes the value; may throw, which the caller turns into a {@link Failure}. */
    R get() throws Exception;
}
