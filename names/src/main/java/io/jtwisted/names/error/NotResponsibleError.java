package io.jtwisted.names.error;

/**
 * The resolver is not responsible for the name at all (an authority asked about a name outside its
 * zones, a hosts file without the name). A chain goes on to its next resolver; if none answers, the
 * server says REFUSED rather than NXDOMAIN, since no zone it serves contains the name. Twisted
 * raises a plain {@code DomainError} here and so wrongly answers NXDOMAIN.
 */
public class NotResponsibleError extends DomainError {
    public NotResponsibleError(String name) {
        super(name);
    }
}
