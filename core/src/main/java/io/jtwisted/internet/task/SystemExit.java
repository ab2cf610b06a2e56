package io.jtwisted.internet.task;

/**
 * Ends {@link Task#react} with a chosen exit code: when the Deferred returned by the main
 * function fails with this exception, the process exits with {@link #code()} (and nothing is
 * logged), as a {@code SystemExit} raised under Twisted's {@code react}.
 */
public class SystemExit extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int code;

    public SystemExit(int code) {
        super("exit code " + code);
        this.code = code;
    }

    /** The exit code. */
    public int code() {
        return code;
    }
}
