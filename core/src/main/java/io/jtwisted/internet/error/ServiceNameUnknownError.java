package io.jtwisted.internet.error;

/** The service name is unknown. As Twisted's {@code twisted.internet.error.ServiceNameUnknownError}. */
public class ServiceNameUnknownError extends ConnectError {
    public ServiceNameUnknownError() {
        super();
    }

    public ServiceNameUnknownError(String detail) {
        super(detail);
    }

    public ServiceNameUnknownError(String detail, Throwable cause) {
        super(detail, cause);
    }

    @Override
    protected String describe() {
        return "Service name given as port is unknown";
    }
}
