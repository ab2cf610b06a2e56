package io.jtwisted.internal.net;

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
    private Addresses() {}

    /** {@code address} as an {@link IPv4Address} or {@link IPv6Address} of {@code type} ("TCP", "UDP"). */
    public static IAddress toTwisted(String type, SocketAddress address) {
        InetSocketAddress inet = (InetSocketAddress) address;
        InetAddress ip = inet.getAddress();
        if (ip instanceof Inet6Address v6) {
            return new IPv6Address(type, IPv6Address.textOf(v6), inet.getPort());
        }
        return new IPv4Address(type, ip == null ? inet.getHostString() : ip.getHostAddress(), inet.getPort());
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
