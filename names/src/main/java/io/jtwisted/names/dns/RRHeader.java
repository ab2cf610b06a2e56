package io.jtwisted.names.dns;

/**
 * A resource record as it appears in a message (Twisted's {@code dns.RRHeader}): owner name,
 * type, class, TTL and data, plus whether it comes from an authority for its zone. The
 * {@code auth} flag is local knowledge (it decides the response's AA bit); it is not on the wire.
 *
 * @param name    the owner name
 * @param type    the record type; equals {@code payload.type()}
 * @param cls     the class
 * @param ttl     seconds the record may be cached (32 bits)
 * @param payload the record data
 * @param auth    whether an authority for the owner's zone produced this record
 */
public record RRHeader(Name name, int type, int cls, long ttl, Record payload, boolean auth) {
    public RRHeader {
        Checks.u16(cls, "record class");
        Checks.u32(ttl, "TTL");
        if (payload.type() != type) {
            throw new IllegalArgumentException("type " + type + " does not match the payload's " + payload.type());
        }
    }

    /** A non-authoritative record of class IN. */
    public RRHeader(Name name, Record payload, long ttl) {
        this(name, payload.type(), Dns.IN, ttl, payload, false);
    }

    /** A non-authoritative record of class IN owned by {@code name}. */
    public static RRHeader of(String name, Record payload, long ttl) {
        return new RRHeader(Name.of(name), payload, ttl);
    }

    /** This record with another TTL. */
    public RRHeader withTtl(long newTtl) {
        return new RRHeader(name, type, cls, newTtl, payload, auth);
    }

    /** This record with the given authority flag. */
    public RRHeader withAuth(boolean authoritative) {
        return authoritative == auth ? this : new RRHeader(name, type, cls, ttl, payload, authoritative);
    }

    /** This record owned by another name (a wildcard's synthesised answer). */
    public RRHeader withName(Name owner) {
        return new RRHeader(owner, type, cls, ttl, payload, auth);
    }

    @Override
    public String toString() {
        return "<RR name=" + name + " type=" + Dns.typeName(type) + " class=" + Dns.className(cls) + " ttl=" + ttl
                + "s auth=" + auth + " " + payload + ">";
    }
}
