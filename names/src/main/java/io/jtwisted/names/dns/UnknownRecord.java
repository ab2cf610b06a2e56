package io.jtwisted.names.dns;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A record of a type this codec does not interpret, kept as its raw data (RFC 3597; Twisted's
 * {@code UnknownRecord}). It is written back unchanged and never compressed.
 *
 * @param type the record type
 * @param data the record data, as on the wire
 */
@SuppressWarnings("ArrayRecordComponent") // equals, hashCode and toString below compare and show the contents
public record UnknownRecord(int type, byte[] data) implements Record {
    public UnknownRecord {
        Checks.u16(type, "record type");
        if (data.length > 0xFFFF) {
            throw new IllegalArgumentException("record data longer than 65535 octets");
        }
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    int length() {
        return data.length;
    }

    void writeTo(MessageWriter writer) {
        writer.writeBytes(data);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UnknownRecord u && u.type == type && Arrays.equals(u.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(data);
    }

    /** RFC 3597's generic form: {@code \# <length> <hex>}. */
    @Override
    public String toString() {
        return "<" + Dns.typeName(type) + " \\# " + data.length + " "
                + HexFormat.of().formatHex(data) + ">";
    }
}
