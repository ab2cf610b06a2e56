package io.jtwisted.names.dns;

import java.nio.charset.StandardCharsets;

/** Range checks shared by the record constructors. */
final class Checks {
    private Checks() {}

    static void u8(int value, String what) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException(what + " out of range 0..255: " + value);
        }
    }

    static void u16(int value, String what) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException(what + " out of range 0..65535: " + value);
        }
    }

    static void u32(long value, String what) {
        if (value < 0 || value > 0xFFFFFFFFL) {
            throw new IllegalArgumentException(what + " out of range 0..4294967295: " + value);
        }
    }

    /** A string that must fit one character-string: each char one octet (ISO-8859-1), at most 255. */
    static void characterString(String value, String what) {
        if (value.length() > 255) {
            throw new IllegalArgumentException(what + " longer than 255 octets");
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > 0xFF) {
                throw new IllegalArgumentException(what + " has a character outside one octet: " + value);
            }
        }
    }

    static byte[] octets(String value) {
        return value.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String text(byte[] octets) {
        return new String(octets, StandardCharsets.ISO_8859_1);
    }
}
