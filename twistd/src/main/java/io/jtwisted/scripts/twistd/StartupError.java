package io.jtwisted.scripts.twistd;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Why twistd cannot start: a message of one line for standard error, and the exit status (2 for a usage
 * error, 1 for anything else).
 */
class StartupError extends Exception {
    private static final long serialVersionUID = 1L;

    /** The exit status of a command line twistd cannot use. */
    static final int USAGE = 2;
    /** The exit status of any other start-up failure. */
    static final int FAILED = 1;

    private final int status;

    StartupError(String message) {
        this(message, FAILED, null);
    }

    StartupError(String message, int status, @Nullable Throwable cause) {
        super(message, cause, false, false);
        this.status = status;
    }

    static StartupError usage(String message) {
        return new StartupError(message, USAGE, null);
    }

    /** The one-line message, which every StartupError has. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage());
    }

    int status() {
        return status;
    }
}
