package io.jtwisted.protocols.basic;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The bytes a parser has received but not consumed yet: {@code array[start, end)}.
 *
 * <p>Arrays handed to {@code dataReceived} belong to the protocol, so an empty buffer adopts the
 * next array instead of copying it; each message is then copied out of it exactly once. What is
 * left at the end of a {@code dataReceived} call is moved to a small owned array so a large read
 * buffer is not kept alive for a few trailing bytes.
 *
 * <p>It also remembers how far it has been searched for a delimiter ({@link #scanFrom}), so a long
 * line arriving in small pieces is scanned once, not once per piece.
 */
final class ReceiveBuffer {
    static final byte[] EMPTY = new byte[0];
    private static final int MIN_CAPACITY = 128;

    byte[] array = EMPTY;
    int start;
    int end;
    /** True when {@link #array} is a caller's array (full to its length; never written into). */
    private boolean adopted;
    /** No delimiter {@link #scannedFor} starts in {@code [start, scanned)}. */
    private int scanned;

    private byte @Nullable [] scannedFor;

    int size() {
        return end - start;
    }

    boolean isEmpty() {
        return start == end;
    }

    /** The bytes this buffer keeps alive: its array's length (for tests of the memory bound). */
    int retained() {
        return array.length;
    }

    /** Replaces the contents with {@code data[from, data.length)}, without copying. */
    void adopt(byte[] data, int from) {
        array = data;
        start = from;
        end = data.length;
        adopted = true;
        scannedFor = null;
    }

    /** Appends {@code data[from, from + length)}, copying it. */
    void append(byte[] data, int from, int length) {
        if (length == 0) {
            return;
        }
        if (adopted || array.length - end < length) {
            int size = size();
            int needed = size + length;
            byte[] target = array;
            if (adopted || needed > array.length) {
                target = new byte[Math.max(MIN_CAPACITY, Math.max(needed, 2 * size))];
            }
            System.arraycopy(array, start, target, 0, size);
            shifted(start);
            array = target;
            start = 0;
            end = size;
            adopted = false;
        }
        System.arraycopy(data, from, array, end, length);
        end += length;
    }

    void append(byte[] data) {
        append(data, 0, data.length);
    }

    /** A fresh copy of {@code array[from, to)}. */
    byte[] copy(int from, int to) {
        return Arrays.copyOfRange(array, from, to);
    }

    /** A fresh copy of everything buffered. */
    byte[] copyAll() {
        return copy(start, end);
    }

    /** Everything buffered, which is then forgotten; the array itself is handed over when it fits exactly. */
    byte[] takeAll() {
        byte[] all = (start == 0 && end == array.length) ? array : copyAll();
        clear();
        return all;
    }

    void clear() {
        array = EMPTY;
        start = 0;
        end = 0;
        adopted = false;
        scannedFor = null;
    }

    /** Where to resume searching for {@code delimiter}. */
    int scanFrom(byte[] delimiter) {
        return scannedFor == delimiter ? Math.max(start, scanned) : start;
    }

    /** Records that {@code [from, end)} holds no complete {@code delimiter}. */
    void markScanned(int from, byte[] delimiter) {
        scanned = Math.max(from, end - delimiter.length + 1);
        scannedFor = delimiter;
    }

    /** True when everything buffered is known to hold no complete {@code delimiter}. */
    boolean fullyScanned(byte[] delimiter) {
        return scannedFor == delimiter && scanned >= end - delimiter.length + 1;
    }

    /** Drops a large array that holds few remaining bytes; call when a {@code dataReceived} call ends. */
    void trim() {
        int size = size();
        if (size == 0) {
            clear();
        } else if ((adopted && size <= array.length / 2) || (array.length > 65536 && size < array.length / 4)) {
            byte[] target = new byte[Math.max(MIN_CAPACITY, 2 * size)];
            System.arraycopy(array, start, target, 0, size);
            shifted(start);
            array = target;
            start = 0;
            end = size;
            adopted = false;
        }
    }

    private void shifted(int by) {
        scanned -= by;
    }
}
