package io.jtwisted.names.dns;

/**
 * A mail exchange record (Twisted's {@code Record_MX}).
 *
 * @param preference lower is preferred (16 bits)
 * @param name       the mail exchanger
 */
public record RecordMX(int preference, Name name) implements Record {
    public RecordMX {
        Checks.u16(preference, "MX preference");
    }

    /** The record for {@code name} at {@code preference}. */
    public static RecordMX of(int preference, String name) {
        return new RecordMX(preference, Name.of(name));
    }

    @Override
    public int type() {
        return Dns.MX;
    }

    @Override
    public String toString() {
        return "<MX preference=" + preference + " name=" + name + ">";
    }
}
