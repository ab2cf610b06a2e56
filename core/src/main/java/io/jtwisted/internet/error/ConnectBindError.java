package io.jtwisted.internet.error;

import org.jspecify.annotations.Nullable;

/** The local address given as {@code bindAddress} could not be bound. As Twisted's {@code twisted.internet.error.ConnectBindError}. */
public class ConnectBindError extends ConnectError {
    public ConnectBindError() {
        super();
    }

    public ConnectBindError(@Nullable String detail) {
        super(detail);
    }

    public ConnectBindError(@Nullable String detail, Throwable cause) {
        super(detail, cause);
    }

    @Override
    protected String describe() {
        return "Couldn't bind";
    }
}
