package io.jtwisted.internet.error;

/** Raised by {@code run()} when the reactor is already running. */
public class ReactorAlreadyRunning extends RuntimeException {
    public ReactorAlreadyRunning() {
        super("Reactor is already running.");
    }

    public ReactorAlreadyRunning(String message) {
        super(message);
    }
}
