package io.jtwisted.names.error;

import io.jtwisted.names.dns.Message;

/** A server's response said NOTIMP: the server does not support the query (Twisted's {@code DNSNotImplementedError}); {@link #response()} is that response. */
public class DNSNotImplementedError extends DomainError {
    public DNSNotImplementedError(String name, Message response) {
        super(name, response);
    }
}
