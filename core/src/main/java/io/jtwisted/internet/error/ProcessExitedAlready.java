package io.jtwisted.internet.error;

/**
 * The process has already exited, so the operation asked for (sending it a signal) can no longer
 * be done, as Twisted's {@code twisted.internet.error.ProcessExitedAlready}.
 */
public class ProcessExitedAlready extends RuntimeException {
    public ProcessExitedAlready() {
        super("The process has already exited and the operation requested can no longer be performed.");
    }
}
