package io.jtwisted.protocols.basic;

/**
 * Strings prefixed by their length as a 16-bit unsigned big-endian integer (2 bytes), as
 * Twisted's {@code twisted.protocols.basic.Int16StringReceiver}. Override {@link #stringReceived}.
 */
public abstract class Int16StringReceiver extends IntNStringReceiver {
    protected Int16StringReceiver() {
        super(2);
    }
}
