package io.jtwisted.names.dns;

/**
 * A certification authority authorization (RFC 8659).
 *
 * @param flags the flags octet (128: issuer critical)
 * @param tag   the property tag ({@code "issue"}, {@code "iodef"}), 1 to 15 ASCII letters and digits
 * @param value the property value, one octet per {@code char}
 */
public record RecordCAA(int flags, String tag, String value) implements Record {
    public RecordCAA {
        Checks.u8(flags, "CAA flags");
        if (tag.isEmpty() || tag.length() > 255) {
            throw new IllegalArgumentException("CAA tag must have 1 to 255 octets");
        }
        Checks.characterString(tag, "CAA tag");
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > 0xFF) {
                throw new IllegalArgumentException("CAA value has a character outside one octet");
            }
        }
    }

    @Override
    public int type() {
        return Dns.CAA;
    }

    @Override
    public String toString() {
        return "<CAA flags=" + flags + " tag=" + tag + " value=" + value + ">";
    }
}
