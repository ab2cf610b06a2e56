package io.jtwisted.protocols.basic;

import io.jtwisted.internet.interfaces.ITransport;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.logger.Logger;
import java.nio.charset.StandardCharsets;

/**
 * Sends and receives netstrings ({@code 5:hello,}), as Twisted's
 * {@code twisted.protocols.basic.NetstringReceiver}; see http://cr.yp.to/proto/netstrings.txt.
 * Each payload received goes to {@link #stringReceived(byte[])}.
 *
 * <p>The length is decimal without leading zeros ({@code 0:} is the empty string); a length over
 * {@link #MAX_LENGTH} (99999 by default), a missing length or colon, or a missing comma after the
 * payload is a {@link NetstringParseError}: the reason is logged, the connection is closed and
 * {@link #brokenPeer()} becomes true. Errors are found as early as Twisted finds them: a length too
 * long as soon as its digits arrive, before the colon.
 */
public abstract class NetstringReceiver extends Protocol {
    private static final Logger LOG = Logger.forClass(NetstringReceiver.class);

    static final String MISSING_LENGTH = "The received netstring does not start with a length specification.";
    static final String TOO_LONG = "The received netstring is longer than the maximum %s specified by MAX_LENGTH";
    static final String MISSING_COMMA = "The received netstring is not terminated by a comma.";

    /** Twisted's default limit on a netstring's length. */
    public static final int DEFAULT_MAX_LENGTH = 99999;

    /** The longest payload accepted (Twisted's {@code MAX_LENGTH}). */
    protected int MAX_LENGTH = DEFAULT_MAX_LENGTH;

    private final ReceiveBuffer remaining = new ReceiveBuffer();
    private boolean parsingPayload;
    /** The payload being read; the empty array when none is. */
    private byte[] payload = ReceiveBuffer.EMPTY;

    private int payloadFilled;
    private boolean brokenPeer;

    @Override
    public void makeConnection(ITransport transport) {
        super.makeConnection(transport);
        remaining.clear();
        parsingPayload = false;
        payload = ReceiveBuffer.EMPTY;
        payloadFilled = 0;
        brokenPeer = false;
    }

    @Override
    public void dataReceived(byte[] data) {
        if (remaining.isEmpty()) {
            remaining.adopt(data, 0);
        } else {
            remaining.append(data);
        }
        try {
            while (!remaining.isEmpty()) {
                try {
                    if (!consume()) {
                        break;
                    }
                } catch (NetstringParseError error) {
                    handleParseError(error);
                    break;
                }
            }
        } finally {
            remaining.trim();
        }
    }

    /** Consumes one step; false when more data is needed. */
    private boolean consume() {
        if (!parsingPayload) {
            if (!consumeLength()) {
                return false;
            }
        }
        return consumePayload();
    }

    private boolean consumeLength() {
        byte[] array = remaining.array;
        int start = remaining.start;
        int end = remaining.end;
        int digitsEnd = start;
        if (array[start] == '0') {
            digitsEnd = start + 1;
        } else if (array[start] >= '1' && array[start] <= '9') {
            digitsEnd = start + 1;
            while (digitsEnd < end && array[digitsEnd] >= '0' && array[digitsEnd] <= '9') {
                digitsEnd++;
            }
        }
        if (digitsEnd > start && digitsEnd < end && array[digitsEnd] == ':') {
            int length = extractLength(digitsEnd - start);
            remaining.start = digitsEnd + 1;
            parsingPayload = true;
            payload = new byte[length];
            payloadFilled = 0;
            return true;
        }
        // No complete length: what arrived must be the beginning of one. (Like Python's "$",
        // Twisted's pattern also accepts one newline after the digits here.)
        boolean partial = digitsEnd > start && (digitsEnd == end || (digitsEnd == end - 1 && array[digitsEnd] == '\n'));
        if (!partial) {
            throw new NetstringParseError(MISSING_LENGTH);
        }
        extractLength(digitsEnd - start);
        return false;
    }

    /** Checks the digits at the buffer's start and returns their value. */
    private int extractLength(int digits) {
        if (digits > maxLengthSize()) {
            throw new NetstringParseError(String.format(TOO_LONG, MAX_LENGTH));
        }
        long length = 0;
        for (int i = 0; i < digits; i++) {
            length = length * 10 + (remaining.array[remaining.start + i] - '0');
        }
        if (length > MAX_LENGTH) {
            throw new NetstringParseError(String.format(TOO_LONG, MAX_LENGTH));
        }
        return (int) length;
    }

    /** How many digits a length may have before it is certainly too long, as Twisted computes it. */
    private double maxLengthSize() {
        return Math.ceil(Math.log10(MAX_LENGTH)) + 1;
    }

    private boolean consumePayload() {
        int missing = payload.length - payloadFilled;
        int take = Math.min(missing, remaining.size());
        System.arraycopy(remaining.array, remaining.start, payload, payloadFilled, take);
        payloadFilled += take;
        remaining.start += take;
        if (payloadFilled < payload.length || remaining.isEmpty()) {
            return false;
        }
        if (remaining.array[remaining.start] != ',') {
            throw new NetstringParseError(MISSING_COMMA);
        }
        remaining.start++;
        parsingPayload = false;
        byte[] string = payload;
        payload = ReceiveBuffer.EMPTY;
        stringReceived(string);
        return true;
    }

    private void handleParseError(NetstringParseError error) {
        if (!brokenPeer) {
            LOG.warn(
                    "Closing the connection to {}: invalid netstring: {}",
                    transport == null ? null : transport.getPeer(),
                    error.getMessage());
        }
        brokenPeer = true;
        transport.loseConnection();
    }

    /** True once invalid data was received (Twisted's {@code brokenPeer}). */
    public boolean brokenPeer() {
        return brokenPeer;
    }

    /**
     * Called with each netstring's payload. The default decodes it as UTF-8 and calls
     * {@link #stringReceived(String)}.
     */
    public void stringReceived(byte[] string) {
        stringReceived(new String(string, StandardCharsets.UTF_8));
    }

    /**
     * Called with each payload decoded as UTF-8 when {@link #stringReceived(byte[])} is not
     * overridden.
     *
     * @throws UnsupportedOperationException unless overridden (Twisted's NotImplementedError)
     */
    public void stringReceived(String string) {
        throw new UnsupportedOperationException(getClass().getName() + " must override stringReceived");
    }

    /** Sends {@code string} as a netstring, in one write. */
    public void sendString(byte[] string) {
        transport.write(format(string));
    }

    /** Sends {@code string}, encoded as UTF-8, as a netstring. */
    public void sendString(String string) {
        sendString(string.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code string} in netstring form: {@code <decimal length>:<string>,}. */
    public static byte[] format(byte[] string) {
        byte[] length = Integer.toString(string.length).getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[length.length + 1 + string.length + 1];
        System.arraycopy(length, 0, out, 0, length.length);
        out[length.length] = ':';
        System.arraycopy(string, 0, out, length.length + 1, string.length);
        out[out.length - 1] = ',';
        return out;
    }

    /** The longest payload accepted. */
    public int maxLength() {
        return MAX_LENGTH;
    }

    /** Sets the longest payload accepted. */
    public void setMaxLength(int maxLength) {
        MAX_LENGTH = maxLength;
    }

    /** The bytes kept alive between calls, buffer and payload (for tests of the memory bound). */
    int retainedBytes() {
        return remaining.retained() + payload.length;
    }
}
