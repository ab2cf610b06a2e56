package io.jtwisted.names.dns;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 address record (Twisted's {@code Record_A}).
 *
 * @param address the address as a 32-bit big-endian integer
 */
public record RecordA(int address) implements Record {
    /**
     * The record for a dotted-quad address.
     *
     * @throws IllegalArgumentException unless {@code dottedQuad} is four decimal octets
     */
    public static RecordA of(String dottedQuad) {
        return new RecordA(parse(dottedQuad));
    }

    /** Whether {@code text} is a dotted-quad IPv4 address. */
    public static boolean isDottedQuad(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int parse(String text) {
        int value = 0;
        int octets = 0;
        int i = 0;
        int length = text.length();
        while (octets < 4) {
            int start = i;
            int octet = 0;
            while (i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9' && i - start < 3) {
                octet = octet * 10 + (text.charAt(i) - '0');
                i++;
            }
            if (i == start || octet > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + text);
            }
            value = (value << 8) | octet;
            octets++;
            if (octets < 4) {
                if (i >= length || text.charAt(i) != '.') {
                    throw new IllegalArgumentException("not an IPv4 address: " + text);
                }
                i++;
            }
        }
        if (i != length) {
            throw new IllegalArgumentException("not an IPv4 address: " + text);
        }
        return value;
    }

    @Override
    public int type() {
        return Dns.A;
    }

    /** The address in dotted-quad form ({@code "10.0.0.1"}). */
    public String dottedQuad() {
        return ((address >>> 24) & 0xFF) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "."
                + (address & 0xFF);
    }

    /** The address as an {@link Inet4Address} (no lookup happens). */
    public Inet4Address toInetAddress() {
        byte[] raw = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
        try {
            return (Inet4Address) InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new AssertionError("four octets are always an address", e);
        }
    }

    @Override
    public String toString() {
        return "<A address=" + dottedQuad() + ">";
    }
}
