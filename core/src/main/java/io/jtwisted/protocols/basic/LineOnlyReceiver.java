package io.jtwisted.protocols.basic;

import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.logger.Logger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A protocol that receives only lines, as Twisted's {@code twisted.protocols.basic.LineOnlyReceiver}:
 * the fast path when no raw mode is needed. Each line, without its {@link #delimiter}, goes to
 * {@link #lineReceived(byte[])}.
 *
 * <p>Guarantees, as in Twisted 22.4: the same lines whatever the segmentation; once the transport is
 * disconnecting no further line of the same data is delivered; a complete line longer than
 * {@link #MAX_LENGTH} goes to {@link #lineLengthExceeded} and ends the processing of that data, and
 * so does an unfinished line longer than {@code MAX_LENGTH} (which stays buffered). By default
 * {@code lineLengthExceeded} closes the connection.
 *
 * <p>Each line is copied exactly once, straight from the array given to {@code dataReceived}; only
 * the unfinished line at its end is kept. {@link #lineReceived} must not call {@code dataReceived}.
 */
public abstract class LineOnlyReceiver extends Protocol {
    private static final Logger LOG = Logger.forClass(LineOnlyReceiver.class);

    private static final byte[] CRLF = {'\r', '\n'};

    /** The line delimiter, {@code \r\n} by default. Assign a new array to change it; never mutate it. */
    protected byte[] delimiter = CRLF;

    /** The longest line accepted, 16384 by default (Twisted's {@code MAX_LENGTH}). */
    protected int MAX_LENGTH = LineReceiver.DEFAULT_MAX_LENGTH;

    private final ReceiveBuffer buffer = new ReceiveBuffer();

    @Override
    public void dataReceived(byte[] data) {
        byte[] delim = delimiter;
        try {
            if (buffer.isEmpty()) {
                process(null, data, 0, data.length, delim);
            } else if (buffer.fullyScanned(delim)) {
                acrossBoundary(data, delim);
            } else {
                // The delimiter changed since the buffer was scanned: parse buffer and data together.
                buffer.append(data);
                byte[] all = buffer.takeAll();
                process(null, all, 0, all.length, delim);
            }
        } finally {
            buffer.trim();
        }
    }

    private void acrossBoundary(byte[] data, byte[] delim) {
        int inHead = Delimiters.straddle(buffer.array, buffer.scanFrom(delim), buffer.end, data, delim);
        if (inHead > 0) {
            byte[] first = buffer.copy(buffer.start, buffer.end - inHead);
            buffer.clear();
            process(first, data, delim.length - inHead, data.length, delim);
            return;
        }
        int at = Delimiters.indexOf(data, 0, data.length, delim);
        if (at < 0) {
            buffer.append(data);
            buffer.markScanned(buffer.start, delim);
            checkUnfinished();
            return;
        }
        int head = buffer.size();
        byte[] first = new byte[head + at];
        System.arraycopy(buffer.array, buffer.start, first, 0, head);
        System.arraycopy(data, 0, first, head, at);
        buffer.clear();
        process(first, data, at + delim.length, data.length, delim);
    }

    /**
     * Delivers {@code first} (a line already cut, or null) and then the lines of
     * {@code source[from, to)}; keeps the unfinished rest.
     */
    private void process(byte @Nullable [] first, byte[] source, int from, int to, byte[] delim) {
        int position = from;
        byte[] line = first;
        while (true) {
            if (line == null) {
                int at = Delimiters.indexOf(source, position, to, delim);
                if (at < 0) {
                    break;
                }
                line = Arrays.copyOfRange(source, position, at);
                position = at + delim.length;
            }
            if (transport != null && transport.disconnecting()) {
                keepTail(source, position, to, delim);
                return;
            }
            if (line.length > MAX_LENGTH) {
                keepTail(source, position, to, delim);
                lineLengthExceeded(line);
                return;
            }
            lineReceived(line);
            line = null;
        }
        buffer.adopt(source, position);
        buffer.markScanned(buffer.start, delim);
        checkUnfinished();
    }

    private void checkUnfinished() {
        if (buffer.size() > MAX_LENGTH) {
            lineLengthExceeded(buffer.copyAll());
        }
    }

    /** Keeps what follows the last delimiter of {@code source[from, to)}, as Twisted's split does. */
    private void keepTail(byte[] source, int from, int to, byte[] delim) {
        int position = from;
        int at;
        while ((at = Delimiters.indexOf(source, position, to, delim)) >= 0) {
            position = at + delim.length;
        }
        buffer.adopt(source, position);
        buffer.markScanned(buffer.start, delim);
    }

    /**
     * Called with each line received, without its delimiter. The default decodes it as UTF-8 and
     * calls {@link #lineReceived(String)}.
     */
    public void lineReceived(byte[] line) {
        lineReceived(new String(line, StandardCharsets.UTF_8));
    }

    /**
     * Called with each line decoded as UTF-8 when {@link #lineReceived(byte[])} is not overridden.
     *
     * @throws UnsupportedOperationException unless overridden (Twisted's NotImplementedError)
     */
    public void lineReceived(String line) {
        throw new UnsupportedOperationException(getClass().getName() + " must override lineReceived");
    }

    /** Called when a line is too long; by default logs the reason and closes the connection. */
    public void lineLengthExceeded(byte[] line) {
        LOG.warn(
                "Closing the connection to {}: line longer than MAX_LENGTH ({} bytes)",
                transport.getPeer(),
                MAX_LENGTH);
        transport.loseConnection();
    }

    /** Sends {@code line} and the delimiter, as one {@code writeSequence}. */
    public void sendLine(byte[] line) {
        transport.writeSequence(List.of(line, delimiter));
    }

    /** Sends {@code line} encoded as UTF-8, and the delimiter. */
    public void sendLine(String line) {
        sendLine(line.getBytes(StandardCharsets.UTF_8));
    }

    /** The current delimiter. */
    public byte[] delimiter() {
        return delimiter.clone();
    }

    /** Sets the line delimiter for this instance. */
    public void setDelimiter(byte[] delimiter) {
        if (delimiter.length == 0) {
            throw new IllegalArgumentException("the delimiter cannot be empty");
        }
        this.delimiter = delimiter.clone();
    }

    /** The longest line accepted. */
    public int maxLength() {
        return MAX_LENGTH;
    }

    /** Sets the longest line accepted. */
    public void setMaxLength(int maxLength) {
        MAX_LENGTH = maxLength;
    }

    /** The bytes the receive buffer keeps alive between calls (for tests of the memory bound). */
    int retainedBytes() {
        return buffer.retained();
    }
}
