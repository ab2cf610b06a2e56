package io.jtwisted.internet.defer;

/**
 * A supplier that may throw, used by {@link Deferred#maybeDeferred} and by calls scheduled
 * for later whose result is wanted in a {@link Deferred}.
 *
 * @param <R> the result type
 */
@FunctionalInterface
public interface ThrowingSupplier<R> {
    /** Computes the value; may throw, which the caller turns into a {@link Failure}. */
    R get() throws Exception;
}
