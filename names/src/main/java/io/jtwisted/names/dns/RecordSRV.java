package io.jtwisted.names.dns;

/**
 * A service location record (RFC 2782, Twisted's {@code Record_SRV}).
 *
 * @param priority lower is tried first
 * @param weight   relative weight among equal priorities
 * @param port     the service's port
 * @param target   the host providing the service
 */
public record RecordSRV(int priority, int weight, int port, Name target) implements Record {
    public RecordSRV {
        Checks.u16(priority, "SRV priority");
        Checks.u16(weight, "SRV weight");
        Checks.u16(port, "SRV port");
    }

    @Override
    public int type() {
        return Dns.SRV;
    }

    @Override
    public String toString() {
        return "<SRV priority=" + priority + " weight=" + weight + " port=" + port + " target=" + target + ">";
    }
}
