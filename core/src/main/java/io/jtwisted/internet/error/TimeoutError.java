package io.jtwisted.internet.error;

/** The connection attempt did not complete within the {@code timeout} given to {@code connectTCP}. As Twisted's {@code twisted.internet.error.TimeoutError}. */
public class TimeoutError extends ConnectError {
    public TimeoutError() {
        super();
    }

    public TimeoutError(String detail) {
        super(detail);
    }

    public TimeoutError(String detail, Throwable cause) {
        super(detail, cause);
    }

    @Override
    protected String describe() {
        return "User timeout caused connection failure";
    }
}
