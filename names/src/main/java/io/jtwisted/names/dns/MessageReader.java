package io.jtwisted.names.dns;

import java.util.Arrays;

/**
 * Reads a message's wire form with bounds checks on every field; each failure is a
 * {@link DNSDecodeError} naming what was wrong.
 */
final class MessageReader {
    private final byte[] data;
    private final int limit;
    private int position;
    private final byte[] scratch = new byte[Name.MAX_LENGTH];

    MessageReader(byte[] data, int offset, int length) {
        this.data = data;
        this.position = offset;
        this.limit = offset + length;
    }

    int position() {
        return position;
    }

    void seek(int to) {
        position = to;
    }

    int remaining() {
        return limit - position;
    }

    private void need(int count, String what) {
        if (limit - position < count) {
            throw new DNSDecodeError("message truncated in " + what);
        }
    }

    int readU8(String what) {
        need(1, what);
        return data[position++] & 0xFF;
    }

    int readU16(String what) {
        need(2, what);
        int value = ((data[position] & 0xFF) << 8) | (data[position + 1] & 0xFF);
        position += 2;
        return value;
    }

    long readU32(String what) {
        need(4, what);
        long value = ((long) (data[position] & 0xFF) << 24)
                | ((data[position + 1] & 0xFF) << 16)
                | ((data[position + 2] & 0xFF) << 8)
                | (data[position + 3] & 0xFF);
        position += 4;
        return value;
    }

    byte[] readBytes(int count, String what) {
        need(count, what);
        byte[] out = Arrays.copyOfRange(data, position, position + count);
        position += count;
        return out;
    }

    byte[] readCharacterString(String what) {
        int length = readU8(what);
        return readBytes(length, what);
    }

    /**
     * Reads a possibly compressed name. A pointer must point strictly before the start of the run
     * of labels it ends, so every jump goes backwards past everything read so far: loops and
     * forward pointers are rejected, and reading always terminates.
     */
    Name readName() {
        int at = position;
        int runStart = at;
        int out = 0;
        boolean jumped = false;
        while (true) {
            if (at >= limit) {
                throw new DNSDecodeError("message truncated in a name");
            }
            int octet = data[at] & 0xFF;
            if (octet == 0) {
                scratch[out++] = 0;
                if (!jumped) {
                    position = at + 1;
                }
                return out == 1 ? Name.ROOT : Name.ofWire(Arrays.copyOf(scratch, out));
            }
            int kind = octet & 0xC0;
            if (kind == 0xC0) {
                if (at + 1 >= limit) {
                    throw new DNSDecodeError("message truncated in a compression pointer");
                }
                int target = ((octet & 0x3F) << 8) | (data[at + 1] & 0xFF);
                if (target >= limit) {
                    throw new DNSDecodeError("compression pointer out of bounds: " + target);
                }
                if (target >= at) {
                    throw new DNSDecodeError("forward compression pointer: " + target + " at " + at);
                }
                if (target >= runStart) {
                    throw new DNSDecodeError("compression pointer loop at " + at);
                }
                if (!jumped) {
                    position = at + 2;
                    jumped = true;
                }
                at = target;
                runStart = target;
                continue;
            }
            if (kind != 0) {
                throw new DNSDecodeError("label longer than 63 octets (or an unknown label type): " + octet);
            }
            if (at + 1 + octet > limit) {
                throw new DNSDecodeError("message truncated in a label");
            }
            if (out + 1 + octet + 1 > Name.MAX_LENGTH) {
                throw new DNSDecodeError("name longer than 255 octets");
            }
            System.arraycopy(data, at, scratch, out, 1 + octet);
            out += 1 + octet;
            at += 1 + octet;
        }
    }
}
