package io.jtwisted.internet.error;

/** The file descriptor was bad. As Twisted's {@code twisted.internet.error.BadFileError}. */
public class BadFileError extends ConnectError {
    public BadFileError() {
        super();
    }

    public BadFileError(String detail) {
        super(detail);
    }

    public BadFileError(String detail, Throwable cause) {
        super(detail, cause);
    }

    @Override
    protected String describe() {
        return "File used for UNIX socket is no good";
    }
}
