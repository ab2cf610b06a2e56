package io.jtwisted.names.error;

import io.jtwisted.names.dns.Message;

/** A server's response said SERVFAIL: the server failed (Twisted's {@code DNSServerError}); {@link #response()} is that response. */
public class DNSServerError extends DomainError {
    public DNSServerError(String name, Message response) {
        super(name, response);
    }
}
