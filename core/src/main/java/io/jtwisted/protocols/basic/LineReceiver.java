package io.jtwisted.protocols.basic;

import io.jtwisted.logger.Logger;
import java.nio.charset.StandardCharsets;

/**
 * A protocol that receives lines and/or raw data, as Twisted's
 * {@code twisted.protocols.basic.LineReceiver}: in line mode each line (without its
 * {@link #delimiter}) goes to {@link #lineReceived(byte[])}; in raw mode each chunk goes to
 * {@link #rawDataReceived}. {@link #setRawMode()} and {@link #setLineMode(byte[])} switch between
 * them, even in the middle of one {@code dataReceived}: the bytes not yet handed out go to the new
 * mode.
 *
 * <p>Guarantees, as in Twisted 22.4:
 * <ul>
 * <li>the same lines, and the same raw bytes (possibly cut differently), whatever the segmentation
 *     of the input;</li>
 * <li>a line longer than {@link #MAX_LENGTH} (or {@code MAX_LENGTH + delimiter.length} bytes
 *     without a delimiter) goes to {@link #lineLengthExceeded}, which closes the connection by
 *     default; the buffer is emptied first;</li>
 * <li>once the transport is {@link io.jtwisted.internet.interfaces.ITransport#disconnecting()
 *     disconnecting}, no further line of the same data is delivered;</li>
 * <li>while paused ({@link #pauseProducing()}), no line is delivered, not even one already
 *     buffered; {@link #resumeProducing()} delivers them.</li>
 * </ul>
 *
 * <p>Override {@link #lineReceived(String)} instead of {@link #lineReceived(byte[])} to receive
 * lines decoded as UTF-8. Not thread-safe: use it on the reactor thread.
 */
public abstract class LineReceiver extends PauseableReceiver {
    private static final Logger LOG = Logger.forClass(LineReceiver.class);

    /** Twisted's default line length limit. */
    public static final int DEFAULT_MAX_LENGTH = 16384;

    private static final byte[] CRLF = {'\r', '\n'};

    /**
     * The line delimiter, {@code \r\n} by default. Assign a new array (never mutate the current one)
     * to change it; {@link #setDelimiter} does that.
     */
    protected byte[] delimiter = CRLF;

    /** The longest line accepted, 16384 by default (Twisted's {@code MAX_LENGTH}). */
    protected int MAX_LENGTH = DEFAULT_MAX_LENGTH;

    private final ReceiveBuffer buffer = new ReceiveBuffer();
    private boolean lineMode = true;
    private boolean busyReceiving;

    @Override
    public void dataReceived(byte[] data) {
        if (busyReceiving) {
            buffer.append(data);
            return;
        }
        busyReceiving = true;
        try {
            if (buffer.isEmpty()) {
                buffer.adopt(data, 0);
            } else if (data.length > 0 && lineMode && !paused && buffer.fullyScanned(delimiter)) {
                if (!firstLineAcrossBoundary(data)) {
                    return;
                }
            } else {
                buffer.append(data);
            }
            deliver();
        } finally {
            busyReceiving = false;
            buffer.trim();
        }
    }

    /**
     * The buffer holds the start of a line and no delimiter; finds the line's end in {@code data}
     * without copying {@code data} into the buffer. Returns false when delivery must stop.
     */
    private boolean firstLineAcrossBoundary(byte[] data) {
        byte[] delim = delimiter;
        int inHead = Delimiters.straddle(buffer.array, buffer.scanFrom(delim), buffer.end, data, delim);
        byte[] line;
        int restFrom;
        if (inHead > 0) {
            line = buffer.copy(buffer.start, buffer.end - inHead);
            restFrom = delim.length - inHead;
        } else {
            int at = Delimiters.indexOf(data, 0, data.length, delim);
            if (at < 0) {
                buffer.append(data);
                buffer.markScanned(buffer.start, delim);
                return true;
            }
            int head = buffer.size();
            line = new byte[head + at];
            System.arraycopy(buffer.array, buffer.start, line, 0, head);
            System.arraycopy(data, 0, line, head, at);
            restFrom = at + delim.length;
        }
        buffer.adopt(data, restFrom);
        return lineFound(line);
    }

    /** Hands buffered bytes out until the buffer is empty, delivery is paused, or must stop. */
    private void deliver() {
        while (!buffer.isEmpty() && !paused) {
            if (lineMode) {
                byte[] delim = delimiter;
                int from = buffer.scanFrom(delim);
                int at = Delimiters.indexOf(buffer.array, from, buffer.end, delim);
                if (at < 0) {
                    buffer.markScanned(from, delim);
                    if (buffer.size() >= MAX_LENGTH + delim.length) {
                        lineLengthExceeded(buffer.takeAll());
                    }
                    return;
                }
                byte[] line = buffer.copy(buffer.start, at);
                buffer.start = at + delim.length;
                if (!lineFound(line)) {
                    return;
                }
            } else {
                rawDataReceived(buffer.takeAll());
            }
        }
    }

    /** A complete line was cut off the buffer: deliver it or report it too long. */
    private boolean lineFound(byte[] line) {
        if (line.length > MAX_LENGTH) {
            byte[] rest = buffer.takeAll();
            byte[] delim = delimiter;
            byte[] exceeded = new byte[line.length + delim.length + rest.length];
            System.arraycopy(line, 0, exceeded, 0, line.length);
            System.arraycopy(delim, 0, exceeded, line.length, delim.length);
            System.arraycopy(rest, 0, exceeded, line.length + delim.length, rest.length);
            lineLengthExceeded(exceeded);
            return false;
        }
        lineReceived(line);
        return transport == null || !transport.disconnecting();
    }

    /**
     * Called with each line received, without its delimiter. The default decodes it as UTF-8 and
     * calls {@link #lineReceived(String)}.
     */
    public void lineReceived(byte[] line) {
        lineReceived(new String(line, StandardCharsets.UTF_8));
    }

    /**
     * Called with each line received, decoded as UTF-8, when {@link #lineReceived(byte[])} is not
     * overridden.
     *
     * @throws UnsupportedOperationException unless overridden (Twisted's NotImplementedError)
     */
    public void lineReceived(String line) {
        throw new UnsupportedOperationException(getClass().getName() + " must override lineReceived");
    }

    /**
     * Called with raw data in raw mode.
     *
     * @throws UnsupportedOperationException unless overridden (Twisted's NotImplementedError)
     */
    public void rawDataReceived(byte[] data) {
        throw new UnsupportedOperationException(getClass().getName() + " must override rawDataReceived");
    }

    /**
     * Called when a line is too long, with the rest of the buffer starting with (at least part of)
     * that line; the buffer has been emptied. By default logs the reason and closes the connection.
     */
    public void lineLengthExceeded(byte[] line) {
        LOG.warn(
                "Closing the connection to {}: line longer than MAX_LENGTH ({} bytes)",
                transport.getPeer(),
                MAX_LENGTH);
        transport.loseConnection();
    }

    /** Sends {@code line} followed by the delimiter, in one write. */
    public void sendLine(byte[] line) {
        byte[] delim = delimiter;
        byte[] out = new byte[line.length + delim.length];
        System.arraycopy(line, 0, out, 0, line.length);
        System.arraycopy(delim, 0, out, line.length, delim.length);
        transport.write(out);
    }

    /** Sends {@code line} encoded as UTF-8, followed by the delimiter. */
    public void sendLine(String line) {
        sendLine(line.getBytes(StandardCharsets.UTF_8));
    }

    /** Further data goes to {@link #lineReceived}; no extra bytes. */
    public void setLineMode() {
        setLineMode(ReceiveBuffer.EMPTY);
    }

    /**
     * Further data goes to {@link #lineReceived}. From {@link #rawDataReceived}, pass the bytes it
     * did not consume as {@code extra}: they are parsed for lines (after any bytes still buffered).
     * Do not pass extra bytes from {@link #lineReceived}.
     */
    public void setLineMode(byte[] extra) {
        lineMode = true;
        if (extra.length > 0) {
            dataReceived(extra);
        }
    }

    /** Further data goes to {@link #rawDataReceived}, starting with whatever is still buffered. */
    public void setRawMode() {
        lineMode = false;
    }

    /** True in line mode. */
    public boolean lineMode() {
        return lineMode;
    }

    /** Empties the buffer and returns what it held; may be called from {@link #lineReceived}. */
    public byte[] clearLineBuffer() {
        return buffer.takeAll();
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
