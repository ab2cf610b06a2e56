package io.jtwisted.protocols.haproxy;

import io.jtwisted.internet.address.IPv6Address;
import java.net.Inet6Address;
import java.net.UnknownHostException;

/** Checks and normalises the literal addresses of version 1 headers; never consults a resolver. */
final class Literals {
    private Literals() {}

    /** {@code text} if it is a dotted-quad IPv4 address (four decimal octets, 0 to 255). */
    static String ipv4(String text) throws MissingAddressData {
        String[] octets = text.split("\\.", -1);
        if (octets.length != 4) {
            throw new MissingAddressData("invalid IPv4 address '" + V1Parser.printable(text) + "'");
        }
        for (String octet : octets) {
            if (octet.isEmpty()
                    || octet.length() > 3
                    || !octet.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(octet) > 255) {
                throw new MissingAddressData("invalid IPv4 address '" + V1Parser.printable(text) + "'");
            }
        }
        return text;
    }

    /**
     * {@code text} as JTwisted writes IPv6 hosts ({@link IPv6Address#textOf}), if it is an IPv6
     * literal; so that a client reads the same whether it reached us directly or through a proxy.
     */
    static String ipv6(String text) throws MissingAddressData {
        // Only ASCII hex digits, colons and dots (an embedded IPv4 part): no '%' scope, which would
        // name a local interface. In brackets, the JDK parses a literal and never looks a name up.
        boolean plausible = text.indexOf(':') >= 0
                && text.length() <= 45
                && text.chars()
                        .allMatch(c -> c == ':'
                                || c == '.'
                                || (c >= '0' && c <= '9')
                                || (c >= 'a' && c <= 'f')
                                || (c >= 'A' && c <= 'F'));
        if (plausible) {
            try {
                byte[] bytes = java.net.InetAddress.getByName("[" + text + "]").getAddress();
                if (bytes.length == 4) { // an IPv4-mapped literal: the JDK returns the IPv4 address
                    byte[] mapped = new byte[16];
                    mapped[10] = (byte) 0xff;
                    mapped[11] = (byte) 0xff;
                    System.arraycopy(bytes, 0, mapped, 12, 4);
                    bytes = mapped;
                }
                return IPv6Address.textOf(Inet6Address.getByAddress(null, bytes, -1));
            } catch (UnknownHostException e) {
                // fall through to the error
            }
        }
        throw new MissingAddressData("invalid IPv6 address '" + V1Parser.printable(text) + "'");
    }
}
