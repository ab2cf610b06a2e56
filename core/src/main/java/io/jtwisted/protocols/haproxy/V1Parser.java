package io.jtwisted.protocols.haproxy;

import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.address.IPv6Address;
import io.jtwisted.internet.interfaces.IAddress;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Parses a version 1 PROXY header, as Twisted's {@code V1Parser}: one text line,
 * {@code PROXY TCP4 <source> <destination> <source port> <destination port>\r\n} (or {@code TCP6},
 * or {@code PROXY UNKNOWN ...} for a connection whose addresses the proxy does not know).
 *
 * <p>Stricter than Twisted's, as the protocol's specification asks: the line, CRLF included, must
 * end within {@link #MAX_LENGTH} bytes whatever the reads look like; fields are separated by single
 * spaces; addresses must be literal addresses of the named family and ports decimal numbers up to
 * 65535.
 */
public final class V1Parser implements IProxyParser {
    /** The longest version 1 header, CRLF included (the specification's 107 bytes). */
    public static final int MAX_LENGTH = 107;

    static final byte[] SIGNATURE = "PROXY ".getBytes(StandardCharsets.US_ASCII);

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    @Override
    public @Nullable Parsed feed(byte[] data) throws InvalidProxyHeader {
        int searchFrom = Math.max(0, buffer.size() - 1); // a CR may be the last byte buffered
        buffer.writeBytes(data);
        byte[] all = buffer.toByteArray();
        int prefix = Math.min(all.length, SIGNATURE.length);
        if (!Arrays.equals(all, 0, prefix, SIGNATURE, 0, prefix)) {
            throw new InvalidProxyHeader("a version 1 PROXY header starts with \"PROXY \"");
        }
        int limit = Math.min(all.length, MAX_LENGTH);
        for (int i = searchFrom; i + 1 < limit; i++) {
            if (all[i] == '\r' && all[i + 1] == '\n') {
                buffer.reset();
                ProxyInfo info = parse(Arrays.copyOfRange(all, 0, i));
                return new Parsed(info, Arrays.copyOfRange(all, i + 2, all.length));
            }
        }
        if (all.length >= MAX_LENGTH) {
            throw new InvalidProxyHeader(
                    "no CRLF within the first " + MAX_LENGTH + " bytes of a version 1 PROXY header");
        }
        return null;
    }

    /** Bytes kept from earlier feeds while the header is incomplete (for tests: bounded by {@link #MAX_LENGTH}). */
    int buffered() {
        return buffer.size();
    }

    /**
     * Parses one header line, without its CRLF.
     *
     * @throws InvalidNetworkProtocol if the protocol is not {@code TCP4}, {@code TCP6} or {@code UNKNOWN}
     * @throws MissingAddressData if addresses or ports are missing or malformed
     * @throws InvalidProxyHeader if the line is not a PROXY header at all
     */
    @Override
    public ProxyInfo parse(byte[] line) throws InvalidProxyHeader {
        String text = new String(line, StandardCharsets.ISO_8859_1);
        String[] fields = text.split(" ", -1);
        if (!fields[0].equals("PROXY")) {
            throw new InvalidProxyHeader("a version 1 PROXY header starts with \"PROXY \"");
        }
        if (fields.length < 2) {
            throw new InvalidNetworkProtocol("the header names no network protocol");
        }
        String protocol = fields[1];
        if (protocol.equals("UNKNOWN")) {
            return new ProxyInfo(line.clone(), null, null); // the rest of the line is to be ignored
        }
        boolean v6;
        if (protocol.equals("TCP4")) {
            v6 = false;
        } else if (protocol.equals("TCP6")) {
            v6 = true;
        } else {
            throw new InvalidNetworkProtocol(
                    "unknown network protocol '" + printable(protocol) + "' (TCP4, TCP6 or UNKNOWN expected)");
        }
        if (fields.length < 6) {
            throw new MissingAddressData("a " + protocol + " header needs source and destination addresses and ports");
        }
        if (fields.length > 6) {
            throw new InvalidProxyHeader("unexpected fields after the destination port");
        }
        int sourcePort = port(fields[4]);
        int destinationPort = port(fields[5]);
        IAddress source;
        IAddress destination;
        if (v6) {
            source = new IPv6Address("TCP", Literals.ipv6(fields[2]), sourcePort);
            destination = new IPv6Address("TCP", Literals.ipv6(fields[3]), destinationPort);
        } else {
            source = new IPv4Address("TCP", Literals.ipv4(fields[2]), sourcePort);
            destination = new IPv4Address("TCP", Literals.ipv4(fields[3]), destinationPort);
        }
        return new ProxyInfo(line.clone(), source, destination);
    }

    private static int port(String text) throws MissingAddressData {
        if (text.isEmpty() || text.length() > 5) {
            throw new MissingAddressData("invalid port '" + printable(text) + "'");
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new MissingAddressData("invalid port '" + printable(text) + "'");
            }
            value = value * 10 + (c - '0');
        }
        if (value > 65535) {
            throw new MissingAddressData("port " + value + " is over 65535");
        }
        return value;
    }

    /** {@code text} with control and non-ASCII characters escaped, for error messages that end up in logs. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), 40));
        for (int i = 0; i < text.length() && i < 40; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                out.append(String.format("\\x%02x", (int) c));
            }
        }
        return text.length() > 40 ? out + "..." : out.toString();
    }
}
