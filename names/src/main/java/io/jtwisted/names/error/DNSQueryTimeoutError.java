package io.jtwisted.names.error;

import io.jtwisted.names.dns.Query;

/** No server answered a query within every timeout (Twisted's {@code DNSQueryTimeoutError}). */
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
