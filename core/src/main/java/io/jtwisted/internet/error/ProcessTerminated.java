package io.jtwisted.internet.error;

import org.jspecify.annotations.Nullable;

/**
 * A child process ended with a probable error: it exited with a non-zero code, or a signal killed
 * it, as Twisted's {@code twisted.internet.error.ProcessTerminated}. Exactly one of {@link
 * #exitCode()} and {@link #signal()} is non-null.
 */
public class ProcessTerminated extends ConnectionLost {
    private final @Nullable Integer exitCode;
    private final @Nullable Integer signal;
    private final int status;

    /**
     * @param exitCode the code the process exited with, or {@code null} if a signal killed it
     * @param signal the number of the signal that killed it, or {@code null} if it exited
     * @param status the POSIX wait status combining both ({@code exitCode << 8}, or the signal number)
     */
    public ProcessTerminated(@Nullable Integer exitCode, @Nullable Integer signal, int status) {
        super(message(exitCode, signal));
        this.exitCode = exitCode;
        this.signal = signal;
        this.status = status;
    }

    private static String message(@Nullable Integer exitCode, @Nullable Integer signal) {
        StringBuilder s = new StringBuilder("A process has ended with a probable error condition: process ended");
        if (exitCode != null) {
            s.append(" with exit code ").append(exitCode);
        }
        if (signal != null) {
            s.append(" by signal ").append(signal);
        }
        return s.append('.').toString();
    }

    /** The exit code (what the child passed to {@code exit}), or {@code null} if a signal killed it. */
    public @Nullable Integer exitCode() {
        return exitCode;
    }

    /** The signal that killed the child, or {@code null} if it exited. */
    public @Nullable Integer signal() {
        return signal;
    }

    /**
     * The POSIX wait status: {@code exitCode << 8} for an exit, the signal number for a death by
     * signal (so {@code os.WEXITSTATUS} and {@code os.WTERMSIG} read it as in Twisted).
     */
    public int status() {
        return status;
    }
}
