package io.jtwisted.internet.error;

/** The connection attempt was stopped by the user ({@link io.jtwisted.internet.interfaces.IConnector#stopConnecting()}). As Twisted's {@code twisted.internet.error.UserError}. */
public class UserError extends ConnectError {
    public UserError() {
        super();
    }

    public UserError(String detail) {
        super(detail);
    }

    public UserError(String detail, Throwable cause) {
        super(detail, cause);
    }

    @Override
    protected String describe() {
        return "User aborted connection";
    }
}
