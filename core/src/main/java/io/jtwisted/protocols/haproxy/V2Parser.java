package io.jtwisted.protocols.haproxy;

import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.address.IPv6Address;
import io.jtwisted.internet.address.UNIXAddress;
import java.io.ByteArrayOutputStream;
import java.net.Inet6Address;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Parses a version 2 PROXY header, as Twisted's {@code V2Parser}: the 12-byte signature, a
 * version/command byte, a family/transport byte, a 16-bit length, then that many bytes of addresses
 * (and optional TLVs, which are kept in {@link ProxyInfo#header()} but not interpreted).
 *
 * <p>{@code LOCAL} headers (the proxy's own health checks) and headers of an unspecified family or
 * transport carry no addresses. {@code UDP} transports give addresses of type {@code "UDP"};
 * {@code UNIX} ones give {@link UNIXAddress}es with the trailing NULs of the 108-byte fields removed.
 * IPv6 hosts are written as JTwisted writes them elsewhere ({@link IPv6Address#textOf}: {@code "::1"}),
 * where Twisted writes every group ({@code "0:0:0:0:0:0:0:1"}).
 *
 * <p>Unlike Twisted's, {@link #feed} accepts the header in pieces of any size (Twisted's needs the
 * first 16 bytes in one read) and refuses bytes that cannot start a version 2 header as soon as
 * they arrive.
 */
public final class V2Parser implements IProxyParser {
    /** The signature every version 2 header starts with. */
    static final byte[] SIGNATURE = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};

    static final int FIXED_LENGTH = 16;
    private static final int INET_ADDRESSES = 12;
    private static final int INET6_ADDRESSES = 36;
    private static final int UNIX_ADDRESSES = 216;

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    @Override
    public @Nullable Parsed feed(byte[] data) throws InvalidProxyHeader {
        buffer.writeBytes(data);
        byte[] all = buffer.toByteArray();
        int prefix = Math.min(all.length, SIGNATURE.length);
        if (!Arrays.equals(all, 0, prefix, SIGNATURE, 0, prefix)) {
            throw new InvalidProxyHeader("a version 2 PROXY header starts with its 12-byte signature");
        }
        if (all.length < FIXED_LENGTH) {
            return null;
        }
        int size = FIXED_LENGTH + length(all);
        if (all.length < size) {
            return null;
        }
        buffer.reset();
        ProxyInfo info = parse(Arrays.copyOf(all, size));
        return new Parsed(info, Arrays.copyOfRange(all, size, all.length));
    }

    /** Bytes kept from earlier feeds while the header is incomplete (for tests). */
    int buffered() {
        return buffer.size();
    }

    private static int length(byte[] header) {
        return ((header[14] & 0xff) << 8) | (header[15] & 0xff);
    }

    /**
     * Parses one whole binary header.
     *
     * @throws InvalidNetworkProtocol if the family or transport is not one the protocol defines
     * @throws MissingAddressData if the length leaves no room for the family's addresses
     * @throws InvalidProxyHeader if the signature, version or command is wrong, or the header is
     *     shorter than it says
     */
    @Override
    public ProxyInfo parse(byte[] header) throws InvalidProxyHeader {
        if (header.length < FIXED_LENGTH) {
            throw new InvalidProxyHeader(
                    "a version 2 PROXY header has at least " + FIXED_LENGTH + " bytes, not " + header.length);
        }
        if (!Arrays.equals(header, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            throw new InvalidProxyHeader("a version 2 PROXY header starts with its 12-byte signature");
        }
        int version = header[12] & 0xf0;
        int command = header[12] & 0x0f;
        if (version != 0x20) {
            throw new InvalidProxyHeader("unsupported PROXY protocol version " + (version >> 4) + " (2 expected)");
        }
        if (command > 1) {
            throw new InvalidProxyHeader("unknown command " + command + " (0 LOCAL or 1 PROXY expected)");
        }
        int length = length(header);
        if (header.length < FIXED_LENGTH + length) {
            throw new InvalidProxyHeader(
                    "the header says " + length + " bytes follow, but only " + (header.length - FIXED_LENGTH) + " do");
        }
        byte[] raw = Arrays.copyOf(header, FIXED_LENGTH + length);
        if (command == 0) { // LOCAL: the proxy speaks for itself; the connection's addresses stand
            return new ProxyInfo(raw, null, null);
        }
        int family = header[13] & 0xf0;
        int transport = header[13] & 0x0f;
        if (family > 0x30) {
            throw new InvalidNetworkProtocol("unknown address family 0x" + Integer.toHexString(family));
        }
        if (transport > 2) {
            throw new InvalidNetworkProtocol("unknown transport protocol " + transport);
        }
        if (family == 0 || transport == 0) {
            return new ProxyInfo(raw, null, null);
        }
        String type = transport == 2 ? "UDP" : "TCP";
        int at = FIXED_LENGTH;
        return switch (family) {
            case 0x10 -> {
                need(length, INET_ADDRESSES, "IPv4");
                yield new ProxyInfo(
                        raw,
                        new IPv4Address(type, ipv4(header, at), port(header, at + 8)),
                        new IPv4Address(type, ipv4(header, at + 4), port(header, at + 10)));
            }
            case 0x20 -> {
                need(length, INET6_ADDRESSES, "IPv6");
                yield new ProxyInfo(
                        raw,
                        new IPv6Address(type, ipv6(header, at), port(header, at + 32)),
                        new IPv6Address(type, ipv6(header, at + 16), port(header, at + 34)));
            }
            default -> {
                need(length, UNIX_ADDRESSES, "UNIX");
                yield new ProxyInfo(
                        raw, new UNIXAddress(unixPath(header, at)), new UNIXAddress(unixPath(header, at + 108)));
            }
        };
    }

    private static void need(int length, int needed, String family) throws MissingAddressData {
        if (length < needed) {
            throw new MissingAddressData(
                    "an " + family + " header needs " + needed + " bytes of addresses, it has " + length);
        }
    }

    private static String ipv4(byte[] b, int at) {
        return (b[at] & 0xff) + "." + (b[at + 1] & 0xff) + "." + (b[at + 2] & 0xff) + "." + (b[at + 3] & 0xff);
    }

    private static String ipv6(byte[] b, int at) {
        try {
            return IPv6Address.textOf(Inet6Address.getByAddress(null, Arrays.copyOfRange(b, at, at + 16), -1));
        } catch (UnknownHostException e) {
            throw new AssertionError("16 bytes are always an IPv6 address", e);
        }
    }

    private static int port(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    private static String unixPath(byte[] b, int at) {
        int end = at + 108;
        while (end > at && b[end - 1] == 0) {
            end--;
        }
        return new String(b, at, end - at, StandardCharsets.UTF_8);
    }
}
