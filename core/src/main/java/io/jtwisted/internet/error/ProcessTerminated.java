package io.jtwisted.internet.error;

/**
 * A child process ended with a probable error: it exited with a non-zero code, or a signal killed
 * it, as Twisted's {@code twisted.internet.error.ProcessTerminated}. Exactly one of {@link
 * #exitCode()} and {@link #signal()} is non-null.
 */
public class ProcessTerminated extends ConnectionLost {
    private final Integer exitCode;
    private final Integer signal;
    private final int status;

    /**
     * @param exitCode the code the process exited with, or {@code null} if a signal killed it
     * @param signal the number of the signal that killed it, or {@code null} if it exited
     * @param status the POSIX wait status combining both ({@code exitCode << 8}, or the signal number)
     */
    public ProcessTerminated(Integer exitCode, Integer signal, int status) {
        super(message(exitCode, signal));
        this.exitCode = exitCode;
        this.signal = signal;
        this.status = status;
    }

    private static String message(Integer exitCode, Integer signal) {
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
    public Integer exitCode() {
        return exitCode;
    }

    /** The signal that killed the child, or {@code null} if it exited. */
    public Integer signal() {
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
