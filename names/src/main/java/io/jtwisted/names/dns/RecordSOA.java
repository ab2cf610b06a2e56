package io.jtwisted.names.dns;

/**
 * The start of a zone of authority (Twisted's {@code Record_SOA}). {@link #minimum()} is the TTL
 * of negative answers (RFC 2308).
 *
 * @param mname   the primary name server
 * @param rname   the responsible person's mailbox, as a name
 * @param serial  the zone's serial number (32 bits)
 * @param refresh seconds between refreshes of a secondary
 * @param retry   seconds between retries of a failed refresh
 * @param expire  seconds after which a secondary stops answering
 * @param minimum the negative-caching TTL
 */
public record RecordSOA(Name mname, Name rname, long serial, long refresh, long retry, long expire, long minimum)
        implements Record {
    public RecordSOA {
        Checks.u32(serial, "SOA serial");
        Checks.u32(refresh, "SOA refresh");
        Checks.u32(retry, "SOA retry");
        Checks.u32(expire, "SOA expire");
        Checks.u32(minimum, "SOA minimum");
    }

    @Override
    public int type() {
        return Dns.SOA;
    }

    @Override
    public String toString() {
        return "<SOA mname=" + mname + " rname=" + rname + " serial=" + serial + " refresh=" + refresh + " retry="
                + retry + " expire=" + expire + " minimum=" + minimum + ">";
    }
}
