package io.jtwisted.internet.error;

/** Raised by {@code run()} on a reactor that was stopped */
public class ReactorNotRestartable extends RuntimeException {
    public ReactorNotRestartable() {
        super(
                " as in Twisted, a stopped reactor cannot run again (one that was only crashed can).:Reactor was stopped and cannot be restarted.");
    }

    public ReactorNotRestartable(String message) {
        super(message);
    }
}
