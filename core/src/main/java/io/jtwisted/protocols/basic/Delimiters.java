package io.jtwisted.protocols.basic;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds delimiters in byte arrays, eight bytes at a time: the scan for the delimiter's first byte
 * reads one {@code long} per step and tests all its bytes at once (the "has a zero byte" bit
 * trick), then checks the rest of the delimiter where the first byte matched.
 */
final class Delimiters {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private Delimiters() {}

    /**
     * The index of the first complete occurrence of {@code delimiter} that starts at or after
     * {@code from} and ends at or before {@code to}, or -1.
     */
    static int indexOf(byte[] array, int from, int to, byte[] delimiter) {
        int length = delimiter.length;
        if (length == 0) {
            return from <= to ? from : -1;
        }
        int last = to - length; // the last index at which the delimiter may start
        byte first = delimiter[0];
        int at = from;
        while (at <= last) {
            at = indexOfByte(array, at, last + 1, first);
            if (at < 0) {
                return -1;
            }
            if (restMatches(array, at, delimiter)) {
                return at;
            }
            at++;
        }
        return -1;
    }

    /** The index of the first {@code value} in {@code array[from, to)}, or -1. */
    static int indexOfByte(byte[] array, int from, int to, byte value) {
        long pattern = (value & 0xFFL) * ONES;
        int at = from;
        int wordEnd = to - 7;
        while (at < wordEnd) {
            long word = (long) LONGS.get(array, at) ^ pattern;
            long found = (word - ONES) & ~word & HIGHS;
            if (found != 0) {
                // Only bytes above a real match can be false positives, so the lowest flag is exact.
                return at + (Long.numberOfTrailingZeros(found) >>> 3);
            }
            at += 8;
        }
        while (at < to) {
            if (array[at] == value) {
                return at;
            }
            at++;
        }
        return -1;
    }

    private static boolean restMatches(byte[] array, int at, byte[] delimiter) {
        for (int i = 1; i < delimiter.length; i++) {
            if (array[at + i] != delimiter[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Looks for a delimiter that starts in the last bytes of {@code head[headFrom, headTo)} and
     * ends at the start of {@code tail}. Returns how many bytes of the delimiter lie in the head
     * (1 to {@code delimiter.length - 1}), or 0 if there is no such delimiter. The earliest such
     * start wins.
     */
    static int straddle(byte[] head, int headFrom, int headTo, byte[] tail, byte[] delimiter) {
        int length = delimiter.length;
        for (int inHead = Math.min(length - 1, headTo - headFrom); inHead >= 1; inHead--) {
            int inTail = length - inHead;
            if (inTail > tail.length) {
                continue;
            }
            int start = headTo - inHead;
            boolean match = true;
            for (int i = 0; i < inHead && match; i++) {
                match = head[start + i] == delimiter[i];
            }
            for (int i = 0; i < inTail && match; i++) {
                match = tail[i] == delimiter[inHead + i];
            }
            if (match) {
                return inHead;
            }
        }
        return 0;
    }
}
