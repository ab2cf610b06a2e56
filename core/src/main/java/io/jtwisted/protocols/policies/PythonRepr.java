package io.jtwisted.protocols.policies;

/** Python's {@code repr()} of bytes, so logs read as Twisted's do: {@code b'abc\r\n'}. */
final class PythonRepr {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private PythonRepr() {}

    static String bytes(byte[] data) {
        return bytes(data, 0, data.length);
    }

    static String bytes(byte[] data, int from, int to) {
        boolean hasSingle = false;
        boolean hasDouble = false;
        for (int i = from; i < to; i++) {
            hasSingle |= data[i] == '\'';
            hasDouble |= data[i] == '"';
        }
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        StringBuilder out = new StringBuilder(to - from + 3);
        out.append('b').append(quote);
        for (int i = from; i < to; i++) {
            int b = data[i] & 0xFF;
            if (b == quote || b == '\\') {
                out.append('\\').append((char) b);
            } else if (b == '\t') {
                out.append("\\t");
            } else if (b == '\n') {
                out.append("\\n");
            } else if (b == '\r') {
                out.append("\\r");
            } else if (b < 0x20 || b >= 0x7f) {
                out.append("\\x").append(HEX[b >> 4]).append(HEX[b & 0xF]);
            } else {
                out.append((char) b);
            }
        }
        return out.append(quote).toString();
    }
}
