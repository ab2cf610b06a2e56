package io.jtwisted.protocols.basic;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test helpers for byte strings. */
final class Bytes {
    private Bytes() {}

    static byte[] b(String ascii) {
        return ascii.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String s(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    static List<String> strings(List<byte[]> list) {
        List<String> out = new ArrayList<>();
        for (byte[] bytes : list) {
            out.add(s(bytes));
        }
        return out;
    }

    static byte[] repeat(char c, int n) {
        return b(String.valueOf(c).repeat(n));
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    /** Feeds {@code data} in packets of {@code size} bytes, as Twisted's tests do (an empty last packet included). */
    static void feedInPackets(java.util.function.Consumer<byte[]> receiver, byte[] data, int size) {
        for (int i = 0; i < data.length / size + 1; i++) {
            int from = Math.min(i * size, data.length);
            int to = Math.min((i + 1) * size, data.length);
            receiver.accept(java.util.Arrays.copyOfRange(data, from, to));
        }
    }

    /** Feeds {@code data} one byte at a time. */
    static void feedBytewise(java.util.function.Consumer<byte[]> receiver, byte[] data) {
        for (byte value : data) {
            receiver.accept(new byte[] {value});
        }
    }
}
