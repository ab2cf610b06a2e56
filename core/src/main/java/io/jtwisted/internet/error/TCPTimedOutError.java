package io.jtwisted.internet.error;

/** The operating system timed the TCP connection attempt out. As Twisted's {@code twisted.internet.error.TCPTimedOutError}. */
public class TCPTimedOutError extends ConnectError {
    public TCPTimedOutError() {
        super();
    }

    public TCPTimedOutError(String detail) {
        super(detail);
    }

    public TCPTimedOutError(String detail, Throwable cause) {
        super(detail, cause);
    }

    @Override
    protected String describe() {
        return "TCP connection timed out";
    }
}
