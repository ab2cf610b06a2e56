package io.jtwisted.internet.interfaces;

import org.jspecify.annotations.Nullable;

/** Builds a protocol for each connection. */
public interface IProtocolFactory {
    /** A new protocol for a connection with {@code address}, or {@code null} to refuse it. */
    @Nullable
    IProtocol buildProtocol(IAddress address);

    /** Called by each port or connector that starts using this factory. */
    void doStart();

    /** Called by each port or connector that stops using this factory. */
    void doStop();
}
