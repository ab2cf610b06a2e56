package io.jtwisted.internet.defer;

import io.jtwisted.python.failure.Failure;
import org.jspecify.annotations.Nullable;

/**
 * The failure of a {@link DeferredList} built with {@link DeferredList.Option#FIRE_ON_ONE_ERRBACK}
 * (and of {@link Deferred#gatherResults}): the first of its Deferreds to fail, which one it was,
 * and that Deferred's failure. Two FirstErrors are equal when their indexes are equal and their
 * failures are {@linkplain Failure#equals equal}, as Twisted's compare; a FirstError equals nothing else.
 */
public class FirstError extends RuntimeException {
    private final transient Failure subFailure;
    private final int index;

    /**
     * @param subFailure the failure of the Deferred that failed first
     * @param index that Deferred's position in the list
     */
    public FirstError(Failure subFailure, int index) {
        super("FirstError[#" + index + ", " + subFailure + "]", subFailure.value());
        this.subFailure = subFailure;
        this.index = index;
    }

    /** The failure of the Deferred that failed first. */
    public Failure subFailure() {
        return subFailure;
    }

    /** The position, in the list given, of the Deferred that failed first. */
    public int index() {
        return index;
    }

    /** True when {@code other} is a FirstError with the same index and an equal sub-failure. */
    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof FirstError that
                && that.index == index
                && java.util.Objects.equals(that.subFailure, subFailure);
    }

    /** Consistent with {@link #equals}: combines the index and the sub-failure's hash. */
    @Override
    public int hashCode() {
        return 31 * index + java.util.Objects.hashCode(subFailure);
    }
}
