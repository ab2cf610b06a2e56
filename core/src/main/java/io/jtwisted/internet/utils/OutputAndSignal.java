package io.jtwisted.internet.utils;

/**
 * The failure of {@link Utils#getProcessOutputAndValue} for a child killed by a signal: what it
 * wrote to stdout and stderr before, and the signal (Twisted errbacks with the tuple {@code
 * (out, err, signal)}).
 */
public class OutputAndSignal extends RuntimeException {
    private final transient byte[] out;
    private final transient byte[] err;
    private final int signal;

    public OutputAndSignal(byte[] out, byte[] err, int signal) {
        super("process ended by signal " + signal);
        this.out = out;
        this.err = err;
        this.signal = signal;
    }

    /** The bytes written to stdout. */
    public byte[] out() {
        return out;
    }

    /** The bytes written to stderr. */
    public byte[] err() {
        return err;
    }

    /** The number of the signal that killed the child. */
    public int signal() {
        return signal;
    }
}
