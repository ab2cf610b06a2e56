package io.jtwisted.names.dns;

/**
 * A naming authority pointer (RFC 3403, Twisted's {@code Record_NAPTR}). The three strings hold
 * octets, one per {@code char}.
 *
 * @param order       processing order, lower first
 * @param preference  preference among equal orders
 * @param flags       the flags string ({@code "U"}, {@code "S"}, ...)
 * @param service     the service string ({@code "E2U+sip"})
 * @param regexp      the substitution expression
 * @param replacement the replacement name (the root if the regexp is used)
 */
public record RecordNAPTR(int order, int preference, String flags, String service, String regexp, Name replacement)
        implements Record {
    public RecordNAPTR {
        Checks.u16(order, "NAPTR order");
        Checks.u16(preference, "NAPTR preference");
        Checks.characterString(flags, "NAPTR flags");
        Checks.characterString(service, "NAPTR service");
        Checks.characterString(regexp, "NAPTR regexp");
    }

    @Override
    public int type() {
        return Dns.NAPTR;
    }

    @Override
    public String toString() {
        return "<NAPTR order=" + order + " preference=" + preference + " flags=" + flags + " service=" + service
                + " regexp=" + regexp + " replacement=" + replacement + ">";
    }
}
