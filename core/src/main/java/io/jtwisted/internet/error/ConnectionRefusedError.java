package io.jtwisted.internet.error;

/** The peer refused the connection: nothing listens on that port. As Twisted's {@code twisted.internet.error.ConnectionRefusedError}. */
public class ConnectionRefusedError extends ConnectError {
    public ConnectionRefusedError() {
        super();
    }

    public ConnectionRefusedError(String detail) {
        super(detail);
    }

    public ConnectionRefusedError(String detail, Throwable cause) {
        super(detail, cause);
    }

    @Override
    protected String describe() {
        return "Connection was refused by other side";
    }
}
