package io.jtwisted.protocols.basic;

import io.jtwisted.logger.Logger;
import java.nio.charset.StandardCharsets;

/**
 * Sends and receives strings prefixed by their length as an unsigned big-endian integer of
 * {@link #prefixLength()} bytes, as Twisted's {@code twisted.protocols.basic.IntNStringReceiver}.
 * Use {@link Int8StringReceiver}, {@link Int16StringReceiver} or {@link Int32StringReceiver}.
 *
 * <p>A prefix announcing more than {@link #MAX_LENGTH} bytes (99999 by default) calls
 * {@link #lengthLimitExceeded}, which logs and closes the connection by default; the string is never
 * delivered. {@link #sendString} refuses a string the prefix cannot describe. Delivery can be paused
 * ({@link #pauseProducing()}), as Twisted's {@code _PauseableMixin}.
 */
public abstract class IntNStringReceiver extends PauseableReceiver {
    private static final Logger LOG = Logger.forClass(IntNStringReceiver.class);

    /** Twisted's default limit on a string's length. */
    public static final int DEFAULT_MAX_LENGTH = 99999;

    /** The longest string accepted (Twisted's {@code MAX_LENGTH}). */
    protected int MAX_LENGTH = DEFAULT_MAX_LENGTH;

    private final int prefixLength;
    private final ReceiveBuffer unprocessed = new ReceiveBuffer();

    /** A receiver whose prefix is {@code prefixLength} bytes long (1, 2 or 4). */
    protected IntNStringReceiver(int prefixLength) {
        if (prefixLength != 1 && prefixLength != 2 && prefixLength != 4) {
            throw new IllegalArgumentException("prefix length must be 1, 2 or 4, not " + prefixLength);
        }
        this.prefixLength = prefixLength;
    }

    /** The length of the prefix, in bytes. */
    public final int prefixLength() {
        return prefixLength;
    }

    @Override
    public void dataReceived(byte[] data) {
        if (unprocessed.isEmpty()) {
            unprocessed.adopt(data, 0);
        } else {
            unprocessed.append(data);
        }
        try {
            while (unprocessed.size() >= prefixLength && !paused) {
                long length = readPrefix(unprocessed.array, unprocessed.start);
                if (length > MAX_LENGTH) {
                    lengthLimitExceeded(length);
                    return;
                }
                int messageStart = unprocessed.start + prefixLength;
                if (unprocessed.end - messageStart < length) {
                    break;
                }
                int messageEnd = messageStart + (int) length;
                byte[] packet = unprocessed.copy(messageStart, messageEnd);
                unprocessed.start = messageEnd;
                stringReceived(packet);
            }
        } finally {
            unprocessed.trim();
        }
    }

    private long readPrefix(byte[] array, int at) {
        long value = 0;
        for (int i = 0; i < prefixLength; i++) {
            value = (value << 8) | (array[at + i] & 0xFF);
        }
        return value;
    }

    /**
     * The bytes received and not yet parsed, from the start of the next message (Twisted's
     * {@code recvd}). In {@link #stringReceived} that is what follows the current string; in
     * {@link #lengthLimitExceeded} it starts with the offending prefix.
     */
    public byte[] recvd() {
        return unprocessed.copyAll();
    }

    /**
     * Replaces the bytes not yet parsed (Twisted's {@code recvd = ...}): called from
     * {@link #stringReceived}, parsing goes on from {@code data}.
     */
    public void setRecvd(byte[] data) {
        unprocessed.clear();
        unprocessed.append(data);
    }

    /**
     * Called with each string received. The default decodes it as UTF-8 and calls
     * {@link #stringReceived(String)}.
     */
    public void stringReceived(byte[] string) {
        stringReceived(new String(string, StandardCharsets.UTF_8));
    }

    /**
     * Called with each string decoded as UTF-8 when {@link #stringReceived(byte[])} is not
     * overridden.
     *
     * @throws UnsupportedOperationException unless overridden (Twisted's NotImplementedError)
     */
    public void stringReceived(String string) {
        throw new UnsupportedOperationException(getClass().getName() + " must override stringReceived");
    }

    /** Called with a length prefix greater than {@link #MAX_LENGTH}; by default logs the reason and closes the connection. */
    public void lengthLimitExceeded(long length) {
        LOG.warn(
                "Closing the connection to {}: announced string length {} is over MAX_LENGTH ({})",
                transport.getPeer(),
                length,
                MAX_LENGTH);
        transport.loseConnection();
    }

    /**
     * Sends {@code string} after its length prefix, in one write.
     *
     * @throws StringTooLongError if the prefix cannot carry the length (255 bytes or more for
     *     Int8, 65535 or more for Int16, as Twisted's check)
     */
    public void sendString(byte[] string) {
        long limit = 1L << (8 * prefixLength);
        if (string.length >= limit) {
            throw new StringTooLongError("Try to send " + string.length + " bytes whereas maximum is " + limit);
        }
        byte[] out = new byte[prefixLength + string.length];
        long length = string.length;
        for (int i = prefixLength - 1; i >= 0; i--) {
            out[i] = (byte) length;
            length >>>= 8;
        }
        System.arraycopy(string, 0, out, prefixLength, string.length);
        transport.write(out);
    }

    /** Sends {@code string}, encoded as UTF-8, after its length prefix. */
    public void sendString(String string) {
        sendString(string.getBytes(StandardCharsets.UTF_8));
    }

    /** The longest string accepted. */
    public int maxLength() {
        return MAX_LENGTH;
    }

    /** Sets the longest string accepted. */
    public void setMaxLength(int maxLength) {
        MAX_LENGTH = maxLength;
    }

    /** The bytes the receive buffer keeps alive between calls (for tests of the memory bound). */
    int retainedBytes() {
        return unprocessed.retained();
    }
}
