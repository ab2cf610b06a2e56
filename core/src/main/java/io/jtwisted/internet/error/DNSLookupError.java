package io.jtwisted.internet.error;

/** The host name could not be resolved to an address (in Java, a {@link ConnectError} so that one type catches every connect failure). As Twisted's {@code twisted.internet.error.DNSLookupError}. */
public class DNSLookupError extends ConnectError {
    public DNSLookupError() {
        super();
    }

    public DNSLookupError(String detail) {
        super(detail);
    }

    public DNSLookupError(String detail, Throwable cause) {
        super(detail, cause);
    }

    @Override
    protected String describe() {
        return "DNS lookup failed";
    }
}
