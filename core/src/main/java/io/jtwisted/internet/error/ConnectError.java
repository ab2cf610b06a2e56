package io.jtwisted.internet.error;

import org.jspecify.annotations.Nullable;

/**
 * A connection attempt failed, as Twisted's {@code twisted.internet.error.ConnectError}: the base of
 * every reason a {@link io.jtwisted.internet.protocol.ClientFactory#clientConnectionFailed} gets.
 * The message is {@code "<what went wrong>: <detail>."}, as Twisted's.
 */
public class ConnectError extends RuntimeException {
    private final @Nullable String detail;

    public ConnectError() {
        this(null, null);
    }

    public ConnectError(@Nullable String detail) {
        this(detail, null);
    }

    public ConnectError(@Nullable String detail, @Nullable Throwable cause) {
        super(null, cause);
        this.detail = detail;
    }

    /** The fixed description of this kind of failure. */
    protected String describe() {
        return "An error occurred while connecting";
    }

    /** The detail given when the error was raised, or {@code null}. */
    public @Nullable String detail() {
        return detail;
    }

    @Override
    public String getMessage() {
        String text = describe();
        if (detail != null && !detail.isEmpty()) {
            text = text + ": " + detail;
        } else if (getCause() != null && getCause().getMessage() != null) {
            text = text + ": " + getCause().getMessage();
        }
        return text + ".";
    }
}
