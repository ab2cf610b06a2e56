package io.jtwisted.internet.error;

/**
 * An endpoint that can listen only once (one adopted socket) was asked to listen again, as
 * Twisted's {@code twisted.internet.error.AlreadyListened}.
 */
public class AlreadyListened extends RuntimeException {
    public AlreadyListened(String message) {
        super(message);
    }
}
