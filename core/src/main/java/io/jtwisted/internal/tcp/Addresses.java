package io.jtwisted.internal.tcp;

import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.address.IPv6Address;
import io.jtwisted.internet.interfaces.IAddress;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;

/** Conversions between Java socket addresses and Twisted's address records. */
public final class Addresses {
    private Addresses() {
    }

    /** {@code address} as an {@link IPv4Address} or {@link IPv6Address} of {@code type} ("TCP"). */
    public static IAddress toTwisted(String type, SocketAddress address) {
        InetSocketAddress inet = (InetSocketAddress) address;
        InetAddress ip = inet.getAddress();
        if (ip instanceof Inet6Address v6) {
            return new IPv6Address(type, textOf(v6), inet.getPort());
        }
        return new IPv4Address(type, ip == null ? inet.getHostString() : ip.getHostAddress(), inet.getPort());
    }

    /** The compressed text form of an IPv6 address ({@code "::1"}), with its scope ({@code "fe80::1%eth0"}). */
    public static String textOf(Inet6Address address) {
        byte[] b = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength && j - i >= 2) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        if (address.getScopedInterface() != null) {
            out.append('%').append(address.getScopedInterface().getName());
        } else if (address.getScopeId() != 0) {
            out.append('%').append(address.getScopeId());
        }
        return out.toString();
    }

    /** True if {@code host} is an IPv4 dotted quad. */
    public static boolean isIPv4Literal(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3) {
                return false;
            }
            for (int i = 0; i < part.length(); i++) {
                if (!Character.isDigit(part.charAt(i))) {
                    return false;
                }
            }
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /** True if {@code host} looks like an IPv6 literal (it has a colon; names never do). */
    public static boolean isIPv6Literal(String host) {
        return host.indexOf(':') >= 0;
    }

    /** True if {@code host} is an IP literal: it can be turned into an address without a lookup. */
    public static boolean isLiteral(String host) {
        return isIPv4Literal(host) || isIPv6Literal(host);
    }

    /**
     * The address of the literal {@code host}, without any name lookup.
     *
     * @throws UnknownHostException if it is not a valid literal
     */
    public static InetAddress literal(String host) throws UnknownHostException {
        if (!isLiteral(host)) {
            throw new UnknownHostException(host + " is not an IP address");
        }
        String text = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return InetAddress.getByName(text); // no lookup for a literal
    }

    /** True if {@code address} is an IPv4 address. */
    public static boolean isIPv4(InetAddress address) {
        return address instanceof Inet4Address;
    }
}
