package io.jtwisted.names.error;

import io.jtwisted.names.dns.RRHeader;
import java.util.List;

/**
 * An authority for the name's zone says the name does not exist (NXDOMAIN): Twisted's
 * {@code AuthoritativeDomainError}. It carries the authority records (the zone's SOA) to send
 * with the answer and to time negative caching by (RFC 2308).
 */
public class AuthoritativeDomainError extends DomainError {
    private final transient List<RRHeader> authority;

    public AuthoritativeDomainError(String name) {
        this(name, List.of());
    }

    public AuthoritativeDomainError(String name, List<RRHeader> authority) {
        super(name);
        this.authority = List.copyOf(authority);
    }

    /** The records for the answer's authority section (usually the zone's SOA). */
    public List<RRHeader> authority() {
        return authority;
    }
}
