package io.jtwisted.names.error;

import io.jtwisted.names.dns.Message;

/** A server's response said an unknown response code (Twisted's {@code DNSUnknownError}); {@link #response()} is that response. */
public class DNSUnknownError extends DomainError {
    public DNSUnknownError(String name, Message response) {
        super(name, response);
    }
}
