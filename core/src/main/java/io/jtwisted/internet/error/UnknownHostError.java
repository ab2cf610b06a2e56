package io.jtwisted.internet.error;

/** The host name could not be looked up. As Twisted's {@code twisted.internet.error.UnknownHostError}. */
public class UnknownHostError extends ConnectError {
    public UnknownHostError() {
        super();
    }

    public UnknownHostError(String detail) {
        super(detail);
    }

    public UnknownHostError(String detail, Throwable cause) {
        super(detail, cause);
    }

    @Override
    protected String describe() {
        return "Hostname couldn't be looked up";
    }
}
