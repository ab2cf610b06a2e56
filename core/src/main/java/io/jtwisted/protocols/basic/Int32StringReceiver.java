package io.jtwisted.protocols.basic;

/**
 * Strings prefixed by their length as a 32-bit unsigned big-endian integer (4 bytes), as
 * Twisted's {@code twisted.protocols.basic.Int32StringReceiver}. Override {@link #stringReceived}.
 */
public abstract class Int32StringReceiver extends IntNStringReceiver {
    protected Int32StringReceiver() {
        super(4);
    }
}
