package io.jtwisted.internet.error;

/**
 * A method that belongs to the reactor thread (of a transport, a port, a delayed call) was called
 * from another thread. Thrown at once, before anything changes: other threads reach the reactor
 * through {@code reactor.callFromThread}.
 */
public class WrongThreadError extends IllegalStateException {
    public WrongThreadError(String message) {
        super(message);
    }

    /** The error for a call from {@code caller} to a reactor running on {@code reactorThread}. */
    public static WrongThreadError of(Thread caller, Thread reactorThread) {
        return new WrongThreadError("called from thread '" + caller.getName() + "', but the reactor runs on thread '"
                + reactorThread.getName() + "': use reactor.callFromThread(...) to reach it from another thread");
    }
}
