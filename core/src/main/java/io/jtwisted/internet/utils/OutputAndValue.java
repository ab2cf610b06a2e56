package io.jtwisted.internet.utils;

/**
 * What {@link Utils#getProcessOutputAndValue} gives for a child that exited: all it wrote to
 * stdout and to stderr, and its exit code (Twisted's {@code (out, err, code)} tuple).
 */
public final class OutputAndValue {
    private final byte[] out;
    private final byte[] err;
    private final int code;

    public OutputAndValue(byte[] out, byte[] err, int code) {
        this.out = out;
        this.err = err;
        this.code = code;
    }

    /** The bytes written to stdout. */
    public byte[] out() {
        return out;
    }

    /** The bytes written to stderr. */
    public byte[] err() {
        return err;
    }

    /** The exit code. */
    public int code() {
        return code;
    }

    @Override
    public String toString() {
        return "OutputAndValue(out=" + Quoting.bytesLiteral(out) + ", err=" + Quoting.bytesLiteral(err) + ", code="
                + code + ")";
    }
}
