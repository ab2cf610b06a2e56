package io.jtwisted.internet.error;

import org.jspecify.annotations.Nullable;

/**
 * A port could not be listened on (in use, no permission, bad interface), as Twisted's
 * {@code twisted.internet.error.CannotListenError}.
 */
public class CannotListenError extends RuntimeException {
    private final @Nullable String iface;
    private final int port;

    public CannotListenError(@Nullable String iface, int port, @Nullable Throwable cause) {
        super(
                "Couldn't listen on " + (iface == null || iface.isEmpty() ? "any" : iface) + ":" + port + ": "
                        + (cause == null ? "unknown error" : cause.getMessage()) + ".",
                cause);
        this.iface = iface;
        this.port = port;
    }

    /** The interface that was asked for ({@code ""} or {@code null} for all). */
    public @Nullable String iface() {
        return iface;
    }

    /** The port that was asked for. */
    public int port() {
        return port;
    }
}
