package io.jtwisted.names.dns;

import org.jspecify.annotations.Nullable;

/**
 * No server answered a query within its timeout (Twisted's {@code error.DNSQueryTimeoutError}; it
 * lives beside the protocols that raise it, so that {@code dns} needs nothing of the resolvers).
 */
public class DNSQueryTimeoutError extends Exception {
    private final transient @Nullable Query query;

    /** No answer to {@code query} ({@code null}: a query without a question). */
    public DNSQueryTimeoutError(@Nullable Query query) {
        super("no answer to " + query);
        this.query = query;
    }

    /** The query that timed out, or {@code null} if it had no question. */
    public @Nullable Query query() {
        return query;
    }
}
