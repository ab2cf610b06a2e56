package io.jtwisted.internal.reactor;

import java.nio.channels.SelectionKey;

/**
 * What a channel registered with {@link NioReactor#register} does when it is ready: the key's
 * attachment. Called on the reactor thread, at most once per loop turn per key.
 */
@FunctionalInterface
public interface IoHandler {
    /** Handles the ready operations of {@code key} ({@code key.readyOps()}). */
    void handleIo(SelectionKey key);

    /**
     * Called once for each registered channel while the reactor shuts down ("during shutdown",
     * Twisted's {@code disconnectAll}): a connection should close and report its loss. By default
     * nothing happens (listening ports stop through their own shutdown triggers).
     */
    default void disconnectForShutdown(SelectionKey key) {
    }
}
