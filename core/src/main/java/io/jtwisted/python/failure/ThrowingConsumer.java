package io.jtwisted.python.failure;

import org.jspecify.annotations.Nullable;

/**
 * A consumer that may throw: the shape of a callback that uses a result and returns nothing.
 * An exception it throws becomes the {@link Failure} that the rest of the chain sees.
 *
 * @param <A> the argument type (a {@code @Nullable} type when null may be passed)
 */
@FunctionalInterface
public interface ThrowingConsumer<A extends @Nullable Object> {
    /** Uses {@code argument}; may throw anything, which the caller turns into a {@link Failure}. */
    void accept(A argument) throws Exception;
}
