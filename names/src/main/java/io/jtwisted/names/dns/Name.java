package io.jtwisted.names.dns;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A domain name, as Twisted's {@code dns.Name}: immutable, compared without regard to ASCII case
 * (RFC 4343), kept in wire form (length-prefixed labels ending with the root's zero octet) so that
 * encoding copies bytes and hashing never builds strings.
 *
 * <p>Every {@code Name} is valid: no label is empty or over 63 octets and the wire form is at most
 * 255 octets. {@link #toString()} gives the text form without the final dot ({@code ""} for the
 * root), escaping {@code .}, {@code \} and non-printable octets as BIND does.
 */
public final class Name implements Comparable<Name> {
    /** The longest wire form of a name (RFC 1035 section 2.3.4). */
    public static final int MAX_LENGTH = 255;
    /** The longest label. */
    public static final int MAX_LABEL = 63;

    /** The root name. */
    public static final Name ROOT = ofWire(new byte[] {0});

    private final byte[] wire;
    private final int hash;
    private @Nullable String text; // the text form, made on first use

    private Name(byte[] wire, int hash) {
        this.wire = wire;
        this.hash = hash;
    }

    /** Wraps a checked wire form (the caller must not keep a reference that it changes). */
    static Name ofWire(byte[] wire) {
        return new Name(wire, hashOf(wire));
    }

    /**
     * Parses a text name: labels separated by dots, an optional final dot, {@code ""} or
     * {@code "."} for the root; {@code \.}, {@code \\} and {@code \DDD} escape as in zone files.
     *
     * @throws IllegalArgumentException for an empty label, a label over 63 or a name over 255 octets
     */
    public static Name of(String text) {
        int length = text.length();
        if (length == 0 || (length == 1 && text.charAt(0) == '.')) {
            return ROOT;
        }
        byte[] buffer = new byte[Math.min(length + 2, MAX_LENGTH + 64)];
        int out = 0;
        int labelStart = 0;
        buffer[0] = 0;
        int labelLength = 0;
        int i = 0;
        boolean sawChar = false;
        while (i < length) {
            char c = text.charAt(i++);
            int octet;
            if (c == '.') {
                if (labelLength == 0) {
                    throw new IllegalArgumentException("empty label in name: " + text);
                }
                buffer[labelStart] = (byte) labelLength;
                labelStart = out + 1 + labelLength;
                out = labelStart;
                labelLength = 0;
                sawChar = false;
                if (i == length) {
                    break;
                }
                continue;
            }
            if (c == '\\') {
                if (i >= length) {
                    throw new IllegalArgumentException("name ends with a backslash: " + text);
                }
                char next = text.charAt(i);
                if (next >= '0' && next <= '9') {
                    if (i + 3 > length) {
                        throw new IllegalArgumentException("bad \\DDD escape in name: " + text);
                    }
                    octet = 0;
                    for (int k = 0; k < 3; k++) {
                        char d = text.charAt(i + k);
                        if (d < '0' || d > '9') {
                            throw new IllegalArgumentException("bad \\DDD escape in name: " + text);
                        }
                        octet = octet * 10 + (d - '0');
                    }
                    if (octet > 255) {
                        throw new IllegalArgumentException("bad \\DDD escape in name: " + text);
                    }
                    i += 3;
                } else {
                    octet = next;
                    i++;
                }
            } else {
                octet = c;
            }
            if (octet > 255) {
                throw new IllegalArgumentException("non-ASCII character in name (use its A-label): " + text);
            }
            labelLength++;
            sawChar = true;
            if (labelLength > MAX_LABEL) {
                throw new IllegalArgumentException("label longer than 63 octets in name: " + text);
            }
            int at = labelStart + labelLength;
            if (at >= MAX_LENGTH) {
                throw new IllegalArgumentException("name longer than 255 octets: " + text);
            }
            buffer[at] = (byte) octet;
        }
        if (sawChar) {
            buffer[labelStart] = (byte) labelLength;
            out = labelStart + 1 + labelLength;
        }
        if (out + 1 > MAX_LENGTH) {
            throw new IllegalArgumentException("name longer than 255 octets: " + text);
        }
        buffer[out] = 0;
        return ofWire(Arrays.copyOf(buffer, out + 1));
    }

    /** The wire form's length, root octet included (1 for the root). */
    public int wireLength() {
        return wire.length;
    }

    /** Copies the uncompressed wire form into {@code target} at {@code offset}. */
    void copyWire(byte[] target, int offset) {
        System.arraycopy(wire, 0, target, offset, wire.length);
    }

    /** The octet at {@code index} of the wire form. */
    byte wireAt(int index) {
        return wire[index];
    }

    /** A copy of the uncompressed wire form. */
    public byte[] toWire() {
        return wire.clone();
    }

    /** Whether this is the root name. */
    public boolean isRoot() {
        return wire.length == 1;
    }

    /** The number of labels (0 for the root). */
    public int labelCount() {
        int count = 0;
        for (int i = 0; wire[i] != 0; i += 1 + wire[i]) {
            count++;
        }
        return count;
    }

    /** The first label, as text (escaped as in {@link #toString()}); {@code ""} for the root. */
    public String firstLabel() {
        if (isRoot()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        appendLabel(out, 0);
        return out.toString();
    }

    /** This name without its first label; the root's parent is {@code null}. */
    public @Nullable Name parent() {
        if (isRoot()) {
            return null;
        }
        int skip = 1 + wire[0];
        return ofWire(Arrays.copyOfRange(wire, skip, wire.length));
    }

    /**
     * This name followed by {@code origin}, as a relative name in a zone file is completed.
     *
     * @throws IllegalArgumentException if the result would exceed 255 octets
     */
    public Name concat(Name origin) {
        if (origin.isRoot()) {
            return this;
        }
        if (isRoot()) {
            return origin;
        }
        int length = wire.length - 1 + origin.wire.length;
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException("name longer than 255 octets: " + this + "." + origin);
        }
        byte[] joined = new byte[length];
        System.arraycopy(wire, 0, joined, 0, wire.length - 1);
        System.arraycopy(origin.wire, 0, joined, wire.length - 1, origin.wire.length);
        return ofWire(joined);
    }

    /** Whether this name equals {@code ancestor} or lies below it (case-insensitively). */
    public boolean isSubdomainOf(Name ancestor) {
        int offset = wire.length - ancestor.wire.length;
        if (offset < 0) {
            return false;
        }
        // The suffix must start on a label boundary.
        int i = 0;
        while (i < offset) {
            i += 1 + wire[i];
        }
        if (i != offset) {
            return false;
        }
        for (int k = 0; k < ancestor.wire.length; k++) {
            if (lower(wire[offset + k]) != lower(ancestor.wire[k])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Name name) || name.hash != hash || name.wire.length != wire.length) {
            return false;
        }
        for (int i = 0; i < wire.length; i++) {
            if (lower(wire[i]) != lower(name.wire[i])) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code other} is this name octet for octet, case included (equality ignores case). */
    public boolean isIdenticalTo(Name other) {
        return Arrays.equals(wire, other.wire);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** Orders by the lower-cased wire form; a stable order for maps and listings, not DNSSEC's. */
    @Override
    public int compareTo(Name other) {
        int n = Math.min(wire.length, other.wire.length);
        for (int i = 0; i < n; i++) {
            int c = Integer.compare(lower(wire[i]) & 0xFF, lower(other.wire[i]) & 0xFF);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(wire.length, other.wire.length);
    }

    /** The text form, without the final dot; {@code ""} for the root (as Twisted's {@code str(Name)}). */
    @Override
    public String toString() {
        String cached = text;
        if (cached == null) {
            StringBuilder out = new StringBuilder(wire.length);
            for (int i = 0; wire[i] != 0; i += 1 + wire[i]) {
                if (i > 0) {
                    out.append('.');
                }
                appendLabel(out, i);
            }
            cached = out.toString();
            text = cached;
        }
        return cached;
    }

    private void appendLabel(StringBuilder out, int at) {
        int length = wire[at];
        for (int k = at + 1; k <= at + length; k++) {
            int octet = wire[k] & 0xFF;
            if (octet == '.' || octet == '\\') {
                out.append('\\').append((char) octet);
            } else if (octet <= 0x20 || octet >= 0x7F) {
                out.append('\\');
                if (octet < 100) {
                    out.append('0');
                }
                if (octet < 10) {
                    out.append('0');
                }
                out.append(octet);
            } else {
                out.append((char) octet);
            }
        }
    }

    /** The text form as US-ASCII bytes, as Twisted's {@code Name.name}. */
    public byte[] toBytes() {
        return toString().getBytes(StandardCharsets.US_ASCII);
    }

    static byte lower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
    }

    private static int hashOf(byte[] wire) {
        int h = 1;
        for (byte b : wire) {
            h = 31 * h + lower(b);
        }
        return h;
    }
}
