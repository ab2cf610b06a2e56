package io.jtwisted.web.http;

import java.util.Arrays;

/** A growable byte buffer for writing response heads: one array per head, no per-byte objects. */
final class ByteSink {
    private byte[] bytes;
    private int size;

    ByteSink(int capacity) {
        bytes = new byte[capacity];
    }

    void reset() {
        size = 0;
    }

    int size() {
        return size;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(size + more, bytes.length * 2));
        }
    }

    ByteSink put(byte[] b) {
        return put(b, 0, b.length);
    }

    ByteSink put(byte[] b, int offset, int length) {
        ensure(length);
        System.arraycopy(b, offset, bytes, size, length);
        size += length;
        return this;
    }

    /** Appends {@code s} as ISO-8859-1, turning CR and LF into spaces so that no value can split the head. */
    ByteSink putText(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            bytes[size++] = c == '\r' || c == '\n' ? (byte) ' ' : (byte) (c > 0xff ? '?' : c);
        }
        return this;
    }

    ByteSink crlf() {
        ensure(2);
        bytes[size++] = '\r';
        bytes[size++] = '\n';
        return this;
    }

    ByteSink putDecimal(long v) {
        return putText(Long.toString(v));
    }

    ByteSink putHex(long v) {
        return putText(Long.toHexString(v));
    }

    /** A copy of the contents, exactly as long as they are. */
    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }
}
