package io.jtwisted.names.dns;

/**
 * No server answered a query within its timeout (Twisted's {@code error.DNSQueryTimeoutError}; it
 * lives beside the protocols that raise it, so that {@code dns} needs nothing of the resolvers).
 */
public class DNSQueryTimeoutError extends Exception {
    private final transient Query query;

    public DNSQueryTimeoutError(Query query) {
        super("no answer to " + query);
        this.query = query;
    }

    /** The query that timed out. */
    public Query query() {
        return query;
    }
}
