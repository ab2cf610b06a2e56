package io.jtwisted.names.error;

import io.jtwisted.names.dns.Message;

/** A server's response said FORMERR: the server could not read the query (Twisted's {@code DNSFormatError}); {@link #response()} is that response. */
public class DNSFormatError extends DomainError {
    public DNSFormatError(String name, Message response) {
        super(name, response);
    }
}
