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
}
