package io.jtwisted.internal.loop;

import io.jtwisted.internet.interfaces.IFileDescriptor;
import java.nio.channels.SelectionKey;

/**
 * What a transport registers with {@link EventLoop#register}, the one way a transport takes part
 * in the loop: the key's attachment, called when its channel is ready, and told (through {@link
 * #connectionLost}) when the reactor shuts down or a janitor removes it. The loop knows nothing
 * else of transports, so a new transport is a new package, not new lines in the loop.
 */
public interface Selectable extends IFileDescriptor {
    /**
     * Handles the ready operations of {@code key} ({@code key.readyOps()}). Called on the reactor
     * thread, at most once per loop turn per key. An exception escaping it is logged and the
     * selectable closed with it as the reason ({@link #connectionLost}).
     */
    void handleIo(SelectionKey key);
}
