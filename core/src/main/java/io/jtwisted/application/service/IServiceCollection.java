package io.jtwisted.application.service;

import io.jtwisted.internet.defer.Deferred;
import org.jspecify.annotations.Nullable;

/**
 * A collection of services, as Twisted's {@code IServiceCollection}: iterable in the order the services were
 * added, and searchable by name. Services join with {@link IService#setServiceParent} and leave with
 * {@link IService#disownServiceParent}, which call {@link #addService} and {@link #removeService}.
 */
public interface IServiceCollection extends Iterable<IService> {
    /**
     * The child named {@code name}.
     *
     * @throws java.util.NoSuchElementException when there is none
     */
    IService getServiceNamed(String name);

    /**
     * Adds a child (only {@link IService#setServiceParent} should call this); a running collection starts it.
     *
     * @throws IllegalStateException if a child of the same name is already there
     */
    void addService(IService service);

    /**
     * Removes a child (only {@link IService#disownServiceParent} should call this); a running collection stops it.
     *
     * @return what the child's {@code stopService} returned, or {@code null}
     * @throws IllegalArgumentException if {@code service} is not a child
     */
    @Nullable
    Deferred<?> removeService(IService service);
}
