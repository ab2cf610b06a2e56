package io.jtwisted.internet.error;

import org.jspecify.annotations.Nullable;

/**
 * A child process ended without apparent error (it exited with code 0), as Twisted's {@code
 * twisted.internet.error.ProcessDone}: the reason {@code processExited} and {@code processEnded}
 * get for a clean exit. {@link #exitCode()} is 0 and {@link #signal()} is {@code null}.
 */
public class ProcessDone extends ConnectionDone {
    private final int status;

    /** @param status the POSIX wait status of the child (0 for a clean exit) */
    public ProcessDone(int status) {
        super("A process has ended without apparent errors: process finished with exit code 0.");
        this.status = status;
    }

    /** Always 0. */
    public Integer exitCode() {
        return 0;
    }

    /** Always {@code null}: the process was not killed by a signal. */
    public @Nullable Integer signal() {
        return null;
    }

    /** The POSIX wait status, as {@code os.waitpid} gives it (0 here). */
    public int status() {
        return status;
    }
}
