package io.jtwisted.names.dns;

/**
 * One question of a message (Twisted's {@code dns.Query}).
 *
 * @param name the name asked about
 * @param type the record type asked for ({@link Dns#A}, {@link Dns#ALL_RECORDS}, ...)
 * @param cls  the class, nearly always {@link Dns#IN}
 */
public record Query(Name name, int type, int cls) {
    public Query {
        Checks.u16(type, "query type");
        Checks.u16(cls, "query class");
    }

    /** A question for {@code name}, {@code type} in class IN. */
    public static Query of(String name, int type) {
        return new Query(Name.of(name), type, Dns.IN);
    }

    @Override
    public String toString() {
        return "<Query " + name + " " + Dns.typeName(type) + " " + Dns.className(cls) + ">";
    }
}
