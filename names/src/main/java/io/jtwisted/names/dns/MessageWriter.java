package io.jtwisted.names.dns;

import java.util.Arrays;

/**
 * Writes the wire form of a message into a growing array, compressing names (RFC 1035 section
 * 4.1.4): every name written in full leaves the offsets of its labels in a small table, and a later
 * name whose suffix matches one of them ends with a pointer to it. Pointers only point backwards,
 * so cutting the message at a record boundary (truncation) never leaves one dangling. Suffixes
 * match octet for octet, case included, so every name reads back exactly as it was written (a
 * resolver checking the case of its randomised question, "0x20", relies on that).
 */
final class MessageWriter {
    private static final int MAX_POINTER = 0x3FFF;

    private byte[] buffer;
    private int position;
    private int[] labelOffsets = new int[32];
    private int labelCount;

    MessageWriter(int initialCapacity) {
        buffer = new byte[initialCapacity];
    }

    int position() {
        return position;
    }

    byte[] toBytes(int length) {
        return Arrays.copyOf(buffer, length);
    }

    /** Forgets names written at or after {@code length} and moves back there. */
    void truncate(int length) {
        position = length;
        int kept = 0;
        for (int i = 0; i < labelCount; i++) {
            if (labelOffsets[i] < length) {
                labelOffsets[kept++] = labelOffsets[i];
            }
        }
        labelCount = kept;
    }

    private void ensure(int extra) {
        if (position + extra > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, position + extra));
        }
    }

    void writeU8(int value) {
        ensure(1);
        buffer[position++] = (byte) value;
    }

    void writeU16(int value) {
        ensure(2);
        buffer[position++] = (byte) (value >>> 8);
        buffer[position++] = (byte) value;
    }

    void putU16(int at, int value) {
        buffer[at] = (byte) (value >>> 8);
        buffer[at + 1] = (byte) value;
    }

    void writeU32(long value) {
        ensure(4);
        buffer[position++] = (byte) (value >>> 24);
        buffer[position++] = (byte) (value >>> 16);
        buffer[position++] = (byte) (value >>> 8);
        buffer[position++] = (byte) value;
    }

    void writeBytes(byte[] data) {
        writeBytes(data, 0, data.length);
    }

    void writeBytes(byte[] data, int offset, int length) {
        ensure(length);
        System.arraycopy(data, offset, buffer, position, length);
        position += length;
    }

    /** A character-string: one length octet, then at most 255 octets. */
    void writeCharacterString(byte[] data) {
        if (data.length > 255) {
            throw new IllegalArgumentException("character-string longer than 255 octets");
        }
        writeU8(data.length);
        writeBytes(data);
    }

    /** Writes {@code name} uncompressed (SRV targets, NAPTR replacements: RFC 2782, 3597 say so). */
    void writeNameUncompressed(Name name) {
        ensure(name.wireLength());
        name.copyWire(buffer, position);
        position += name.wireLength();
    }

    /** Writes {@code name}, ending with a pointer to the longest suffix already written. */
    void writeName(Name name) {
        int length = name.wireLength();
        int label = 0;
        while (name.wireAt(label) != 0) {
            int match = findSuffix(name, label);
            if (match >= 0) {
                ensure(label + 2);
                copyPrefix(name, label);
                writeU16(0xC000 | match);
                return;
            }
            label += 1 + name.wireAt(label);
        }
        int start = position;
        ensure(length);
        name.copyWire(buffer, position);
        position += length;
        for (int at = 0; name.wireAt(at) != 0; at += 1 + name.wireAt(at)) {
            remember(start + at);
        }
    }

    private void copyPrefix(Name name, int prefixLength) {
        int start = position;
        for (int i = 0; i < prefixLength; i++) {
            buffer[position++] = name.wireAt(i);
        }
        for (int at = 0; at < prefixLength; at += 1 + name.wireAt(at)) {
            remember(start + at);
        }
    }

    private void remember(int offset) {
        if (offset > MAX_POINTER) {
            return;
        }
        if (labelCount == labelOffsets.length) {
            labelOffsets = Arrays.copyOf(labelOffsets, labelCount * 2);
        }
        labelOffsets[labelCount++] = offset;
    }

    private int findSuffix(Name name, int from) {
        for (int i = 0; i < labelCount; i++) {
            if (matches(name, from, labelOffsets[i])) {
                return labelOffsets[i];
            }
        }
        return -1;
    }

    /** Whether the labels of {@code name} from {@code from} equal those in the buffer at {@code at}. */
    private boolean matches(Name name, int from, int at) {
        int n = from;
        int b = at;
        while (true) {
            int octet = buffer[b] & 0xFF;
            if ((octet & 0xC0) == 0xC0) {
                b = ((octet & 0x3F) << 8) | (buffer[b + 1] & 0xFF);
                continue;
            }
            int length = name.wireAt(n);
            if (octet != length) {
                return false;
            }
            if (length == 0) {
                return true;
            }
            for (int k = 1; k <= length; k++) {
                if (buffer[b + k] != name.wireAt(n + k)) {
                    return false;
                }
            }
            n += 1 + length;
            b += 1 + length;
        }
    }
}
