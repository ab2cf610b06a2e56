package io.jtwisted.internet.error;

/** A datagram was too long to send ({@code EMSGSIZE}), as Twisted's {@code MessageLengthError}. */
public class MessageLengthError extends RuntimeException {
    public MessageLengthError(String message) {
        super(message);
    }
}
