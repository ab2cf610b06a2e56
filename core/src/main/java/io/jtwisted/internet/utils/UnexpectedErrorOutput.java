package io.jtwisted.internet.utils;

import io.jtwisted.internet.defer.Deferred;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * The child wrote to its stderr where {@link Utils#getProcessOutput} did not expect it to, as
 * Twisted's {@code _UnexpectedErrorOutput} (an {@code IOError}): the message quotes the first
 * bytes written, and {@link #processEnded()} fires when the child has ended.
 */
public class UnexpectedErrorOutput extends IOException {
    private final transient Deferred<@Nullable Void> processEnded;

    /**
     * @param text the bytes the child wrote to stderr, as first received
     * @param processEnded fires (with the {@code processEnded} reason as its failure) when the child has ended
     */
    public UnexpectedErrorOutput(byte[] text, Deferred<@Nullable Void> processEnded) {
        super("got stderr: " + Quoting.bytesLiteral(text));
        this.processEnded = processEnded;
    }

    /**
     * Fires when the child has exited and its pipes are closed: always with a failure, the reason
     * {@code processEnded} got ({@code ProcessDone} for exit code 0), as in Twisted.
     */
    public Deferred<@Nullable Void> processEnded() {
        return processEnded;
    }
}
