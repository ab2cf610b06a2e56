package io.jtwisted.names.dns;

import io.jtwisted.internet.address.IPv6Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv6 address record (Twisted's {@code Record_AAAA}).
 *
 * @param high the first 64 bits of the address
 * @param low  the last 64 bits of the address
 */
public record RecordAAAA(long high, long low) implements Record {
    /**
     * The record for an IPv6 literal ({@code "::1"}, {@code "2001:db8::5"}); no lookup happens.
     *
     * @throws IllegalArgumentException unless {@code literal} is an IPv6 address
     */
    public static RecordAAAA of(String literal) {
        if (literal.indexOf(':') < 0) {
            throw new IllegalArgumentException("not an IPv6 address: " + literal);
        }
        byte[] raw;
        try {
            raw = InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv6 address: " + literal, e);
        }
        if (raw.length != 16) {
            throw new IllegalArgumentException("not an IPv6 address: " + literal);
        }
        return ofBytes(raw);
    }

    /** The record for 16 address octets. */
    public static RecordAAAA ofBytes(byte[] raw) {
        if (raw.length != 16) {
            throw new IllegalArgumentException("an IPv6 address has 16 octets, not " + raw.length);
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (raw[i] & 0xFF);
            low = (low << 8) | (raw[i + 8] & 0xFF);
        }
        return new RecordAAAA(high, low);
    }

    @Override
    public int type() {
        return Dns.AAAA;
    }

    /** The 16 address octets. */
    public byte[] toBytes() {
        byte[] raw = new byte[16];
        for (int i = 0; i < 8; i++) {
            raw[i] = (byte) (high >>> (56 - 8 * i));
            raw[i + 8] = (byte) (low >>> (56 - 8 * i));
        }
        return raw;
    }

    /** The address as an {@link Inet6Address} (an IPv4-mapped one, {@code ::ffff:a.b.c.d}, included). */
    public Inet6Address toInetAddress() {
        try {
            // Not InetAddress.getByAddress: it turns an IPv4-mapped address into an Inet4Address.
            return Inet6Address.getByAddress(null, toBytes(), -1);
        } catch (UnknownHostException e) {
            throw new AssertionError("sixteen octets are always an address", e);
        }
    }

    /** The address in the canonical text form of RFC 5952 ({@code "2001:db8::1"}), as core's {@link IPv6Address#textOf}. */
    public String compressed() {
        return IPv6Address.textOf(toInetAddress());
    }

    @Override
    public String toString() {
        return "<AAAA address=" + compressed() + ">";
    }
}
