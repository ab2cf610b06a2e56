package io.jtwisted.internet.address;

import java.net.Inet6Address;

/**
 * An IPv6 socket address.
 *
 * @param type {@code "TCP"} or {@code "UDP"}
 * @param host the address in its compressed text form, without brackets
 * @param port the port number
 */
public record IPv6Address(String type, String host, int port) implements IPAddress {
    @Override
    public String toString() {
        return "IPv6Address(type='" + type + "', host='" + host + "', port=" + port + ")";
    }

    /**
     * The compressed text form of an IPv6 address ({@code "::1"}), with its scope ({@code "fe80::1%eth0"}),
     * as Twisted shows IPv6 hosts: the longest run of zero groups becomes {@code ::}.
     */
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
}
