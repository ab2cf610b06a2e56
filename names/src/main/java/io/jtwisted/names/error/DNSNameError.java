package io.jtwisted.names.error;

import io.jtwisted.names.dns.Message;

/** A server's response said NXDOMAIN: the name does not exist (Twisted's {@code DNSNameError}); {@link #response()} is that response. */
public class DNSNameError extends DomainError {
    public DNSNameError(String name, Message response) {
        super(name, response);
    }
}
