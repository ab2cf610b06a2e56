package io.jtwisted.protocols.basic;

/**
 * Strings prefixed by their length as a 8-bit unsigned big-endian integer (1 byte), as
 * Twisted's {@code twisted.protocols.basic.Int8StringReceiver}. Override {@link #stringReceived}.
 */
public abstract class Int8StringReceiver extends IntNStringReceiver {
    protected Int8StringReceiver() {
        super(1);
    }
}
