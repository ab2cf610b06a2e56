package io.jtwisted.names.dns;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One option of an EDNS OPT record (RFC 6891 section 6.1.2; Twisted's {@code _OPTVariableOption}).
 *
 * @param code the option code
 * @param data the option data
 */
@SuppressWarnings("ArrayRecordComponent") // equals, hashCode and toString below compare and show the contents
public record EdnsOption(int code, byte[] data) {
    public EdnsOption {
        Checks.u16(code, "EDNS option code");
        if (data.length > 0xFFFF) {
            throw new IllegalArgumentException("EDNS option longer than 65535 octets");
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

    byte[] raw() {
        return data;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EdnsOption o && o.code == code && Arrays.equals(o.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * code + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "<EdnsOption code=" + code + " data=" + HexFormat.of().formatHex(data) + ">";
    }
}
