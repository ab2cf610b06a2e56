package io.jtwisted.names.dns;

/**
 * A NS record (Twisted's {@code Record_NS}).
 *
 * @param name the name the record points to
 */
public record RecordNS(Name name) implements Record {
    /** The record pointing to {@code name}. */
    public static RecordNS of(String name) {
        return new RecordNS(Name.of(name));
    }

    @Override
    public int type() {
        return Dns.NS;
    }

    @Override
    public String toString() {
        return "<NS name=" + name + ">";
    }
}
