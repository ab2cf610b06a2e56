package io.jtwisted.names.dns;

/**
 * A PTR record (Twisted's {@code Record_PTR}).
 *
 * @param name the name the record points to
 */
public record RecordPTR(Name name) implements Record {
    /** The record pointing to {@code name}. */
    public static RecordPTR of(String name) {
        return new RecordPTR(Name.of(name));
    }

    @Override
    public int type() {
        return Dns.PTR;
    }

    @Override
    public String toString() {
        return "<PTR name=" + name + ">";
    }
}
