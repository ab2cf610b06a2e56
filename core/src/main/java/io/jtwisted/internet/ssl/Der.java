package io.jtwisted.internet.ssl;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The little ASN.1 DER this package needs: reading the top-level fields of PKCS#1 / SEC1 keys
 * (to re-wrap them as PKCS#8, which the JDK's key factories read) and writing the fields of a
 * self-signed or CA-signed certificate.
 */
final class Der {
    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int OCTET_STRING = 0x04;
    static final int NULL = 0x05;
    static final int OID = 0x06;
    static final int UTF8_STRING = 0x0c;
    static final int SEQUENCE = 0x30;
    static final int SET = 0x31;
    static final int BOOLEAN = 0x01;
    static final int UTC_TIME = 0x17;
    static final int GENERALIZED_TIME = 0x18;

    /** One element read back: its tag and the bytes of its contents. */
    @SuppressWarnings("ArrayRecordComponent") // parsed once and read, never compared
    record Element(int tag, byte[] contents) {}

    private Der() {}

    /** The elements directly inside {@code contents} (the contents of a SEQUENCE, say). */
    static List<Element> children(byte[] contents) {
        List<Element> out = new ArrayList<>();
        int i = 0;
        while (i < contents.length) {
            int tag = contents[i++] & 0xff;
            if (i >= contents.length) {
                throw new IllegalArgumentException("truncated DER element");
            }
            int length = contents[i++] & 0xff;
            if (length >= 0x80) {
                int octets = length & 0x7f;
                if (octets == 0 || octets > 4 || i + octets > contents.length) {
                    throw new IllegalArgumentException("unsupported DER length encoding");
                }
                length = 0;
                for (int k = 0; k < octets; k++) {
                    length = (length << 8) | (contents[i++] & 0xff);
                }
            }
            if (length < 0 || i + length > contents.length) {
                throw new IllegalArgumentException("truncated DER element");
            }
            byte[] body = new byte[length];
            System.arraycopy(contents, i, body, 0, length);
            out.add(new Element(tag, body));
            i += length;
        }
        return out;
    }

    /** The single element {@code der} holds. */
    static Element read(byte[] der) {
        List<Element> all = children(der);
        if (all.size() != 1) {
            throw new IllegalArgumentException("expected one DER element, found " + all.size());
        }
        return all.get(0);
    }

    static byte[] tlv(int tag, byte[] contents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(contents.length + 6);
        out.write(tag);
        int n = contents.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else if (n < 0x10000) {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n);
        } else {
            out.write(0x83);
            out.write(n >> 16);
            out.write(n >> 8);
            out.write(n);
        }
        out.writeBytes(contents);
        return out.toByteArray();
    }

    static byte[] sequence(byte[]... elements) {
        return tlv(SEQUENCE, concat(elements));
    }

    static byte[] set(byte[]... elements) {
        return tlv(SET, concat(elements));
    }

    static byte[] integer(BigInteger value) {
        return tlv(INTEGER, value.toByteArray());
    }

    static byte[] octetString(byte[] contents) {
        return tlv(OCTET_STRING, contents);
    }

    static byte[] bitString(byte[] contents) {
        byte[] body = new byte[contents.length + 1]; // no unused bits
        System.arraycopy(contents, 0, body, 1, contents.length);
        return tlv(BIT_STRING, body);
    }

    static byte[] utf8(String text) {
        return tlv(UTF8_STRING, text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] bool(boolean value) {
        return tlv(BOOLEAN, new byte[] {(byte) (value ? 0xff : 0)});
    }

    static byte[] nul() {
        return new byte[] {NULL, 0};
    }

    /** Context-specific constructed tag {@code [n]} around {@code contents} (EXPLICIT tagging). */
    static byte[] explicit(int n, byte[] contents) {
        return tlv(0xa0 | n, contents);
    }

    static byte[] oid(String dotted) {
        String[] parts = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(parts[0]) * 40 + Integer.parseInt(parts[1]));
        for (int i = 2; i < parts.length; i++) {
            long v = Long.parseLong(parts[i]);
            int groups = 1;
            for (long t = v >> 7; t > 0; t >>= 7) {
                groups++;
            }
            for (int g = groups - 1; g >= 0; g--) {
                int b = (int) ((v >> (7 * g)) & 0x7f);
                out.write(g == 0 ? b : b | 0x80);
            }
        }
        return tlv(OID, out.toByteArray());
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
