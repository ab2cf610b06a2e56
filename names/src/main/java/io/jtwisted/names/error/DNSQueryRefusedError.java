package io.jtwisted.names.error;

import io.jtwisted.names.dns.Message;

/** A server's response said REFUSED: the server refused to answer (Twisted's {@code DNSQueryRefusedError}); {@link #response()} is that response. */
public class DNSQueryRefusedError extends DomainError {
    public DNSQueryRefusedError(String name, Message response) {
        super(name, response);
    }
}
