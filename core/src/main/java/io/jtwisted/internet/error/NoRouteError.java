package io.jtwisted.internet.error;

/** There is no route to the host. As Twisted's {@code twisted.internet.error.NoRouteError}. */
public class NoRouteError extends ConnectError {
    public NoRouteError() {
        super();
    }

    public NoRouteError(String detail) {
        super(detail);
    }

    public NoRouteError(String detail, Throwable cause) {
        super(detail, cause);
    }

    @Override
    protected String describe() {
        return "No route to host";
    }
}
