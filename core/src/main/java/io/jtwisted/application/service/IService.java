package io.jtwisted.application.service;

import io.jtwisted.internet.defer.Deferred;
import org.jspecify.annotations.Nullable;

/**
 * Something that can be started and stopped, as Twisted's {@code IService}: a server listening on a port, a
 * client keeping a connection, a timer. Services form a tree under an {@link Application}; {@code twistd}
 * starts the tree when the reactor runs and stops it, in reverse, when the reactor shuts down. Services are
 * used on the reactor thread.
 */
public interface IService {
    /** The service's name, or {@code null}. */
    @Nullable
    String name();

    /**
     * Names the service.
     *
     * @throws IllegalStateException if the service already has a parent (its name is how the parent finds it)
     */
    void setName(String name);

    /** The collection holding this service, or {@code null}. */
    @Nullable
    IServiceCollection parent();

    /** True between {@link #startService()} and {@link #stopService()}. */
    boolean running();

    /**
     * Makes {@code parent} hold this service (leaving the previous parent first); when {@code parent} is
     * running, this service starts now.
     *
     * @throws IllegalStateException if {@code parent} already holds a service of the same name
     */
    void setServiceParent(IServiceCollection parent);

    /**
     * Leaves the parent; a running service is stopped.
     *
     * @return what {@link #stopService()} returned when the service was stopped, else {@code null}
     */
    @Nullable
    Deferred<?> disownServiceParent();

    /** Work to do before privileges are dropped (binding a port below 1024); called before {@link #startService()}. */
    void privilegedStartService();

    /** Starts the service. */
    void startService();

    /**
     * Stops the service.
     *
     * @return a Deferred that fires once the service has finished stopping, or {@code null} when it stopped at once
     */
    @Nullable
    Deferred<?> stopService();
}
