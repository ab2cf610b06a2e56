package io.jtwisted.names.error;

import io.jtwisted.names.dns.Message;
import org.jspecify.annotations.Nullable;

/**
 * A resolver has no answer for a name: Twisted's {@code DomainError}. A resolver chain tries its
 * next resolver on this error; the server answers NXDOMAIN for it, or REFUSED when no resolver of
 * the chain is responsible for the name (see {@link NotResponsibleError}).
 */
public class DomainError extends Exception {
    private final transient @Nullable Message response;

    public DomainError(String name) {
        this(name, null);
    }

    /** An error about {@code name}, carrying the server {@code response} that reported it, if any. */
    public DomainError(String name, @Nullable Message response) {
        super(name);
        this.response = response;
    }

    /** The response a server sent with this error, or {@code null}. */
    public @Nullable Message response() {
        return response;
    }
}
