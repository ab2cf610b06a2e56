package io.jtwisted.names.dns;

/**
 * A CNAME record (Twisted's {@code Record_CNAME}).
 *
 * @param name the name the record points to
 */
public record RecordCNAME(Name name) implements Record {
    /** The record pointing to {@code name}. */
    public static RecordCNAME of(String name) {
        return new RecordCNAME(Name.of(name));
    }

    @Override
    public int type() {
        return Dns.CNAME;
    }

    @Override
    public String toString() {
        return "<CNAME name=" + name + ">";
    }
}
