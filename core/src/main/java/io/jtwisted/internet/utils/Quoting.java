package io.jtwisted.internet.utils;

/** Bytes written the way Python's {@code repr} writes them, for messages that quote a child's output. */
final class Quoting {
    private Quoting() {}

    /** {@code b'...'} with printable ASCII as is and everything else escaped. */
    static String bytesLiteral(byte[] bytes) {
        StringBuilder s = new StringBuilder("b'");
        for (byte b : bytes) {
            int c = b & 0xff;
            switch (c) {
                case '\\' -> s.append("\\\\");
                case '\'' -> s.append("\\'");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        s.append((char) c);
                    } else {
                        s.append(String.format("\\x%02x", c));
                    }
                }
            }
        }
        return s.append('\'').toString();
    }
}
