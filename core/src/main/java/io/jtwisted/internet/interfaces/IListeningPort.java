package io.jtwisted.internet.interfaces;

import io.jtwisted.internet.defer.Deferred;
import org.jspecify.annotations.Nullable;

/** A listening port, as returned by {@link IReactorTCP#listenTCP}. Used on the reactor thread. */
public interface IListeningPort {
    /**
     * Starts listening (listenTCP already did).
     *
     * @throws io.jtwisted.internet.error.CannotListenError if the port cannot be bound
     */
    void startListening();

    /**
     * Stops listening: no new connection is accepted; connections already accepted go on. The
     * factory's {@code doStop} runs once the socket is closed.
     *
     * @return a Deferred that fires with {@code null} once the port is closed
     */
    Deferred<@Nullable Void> stopListening();

    /** Same as {@link #stopListening()}. */
    default Deferred<@Nullable Void> loseConnection() {
        return stopListening();
    }

    /** The address this port is bound to; with port 0, the port the system picked. */
    IAddress getHost();
}
