package io.jtwisted.python.failure;

/** An action that may throw: what {@code callLater}, {@code callFromThread} and triggers run. */
@FunctionalInterface
public interface ThrowingRunnable {
    /** Runs the action; a thrown exception is logged by whoever runs it, never lost. */
    void run() throws Exception;
}
