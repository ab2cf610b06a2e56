package io.jtwisted.protocols.basic;

/**
 * The data received is not a valid netstring, as Twisted's
 * {@code twisted.protocols.basic.NetstringParseError}: a missing or malformed length, a length over
 * {@code MAX_LENGTH}, or a missing trailing comma. {@link NetstringReceiver} logs it and closes the
 * connection.
 */
public class NetstringParseError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NetstringParseError(String message) {
        super(message);
    }
}
