package io.jtwisted.protocols.basic;

/**
 * A string is too long for the length prefix of a length-prefixed protocol, as Twisted's
 * {@code twisted.protocols.basic.StringTooLongError}; nothing was sent.
 */
public class StringTooLongError extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public StringTooLongError(String message) {
        super(message);
    }
}
