package io.jtwisted.protocols.policies;

import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.python.failure.Failure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The wrapper of {@link TrafficLoggingFactory}: writes one line per event to its log file, in
 * Twisted's format: {@code *} when connected, {@code C n: b'...'} for data received,
 * {@code S n: b'...'} for data sent, {@code SV n: [b'...', ...]} for a write sequence,
 * {@code S n: *} when this side closes and {@code C n: <reason>} when the connection is lost.
 * Data longer than the length limit is cut and ends with {@code <... elided>}.
 */
public class TrafficLoggingProtocol extends ProtocolWrapper {
    private final Writer logfile;
    private final @Nullable Integer lengthLimit;
    private final int number;

    /**
     * @param logfile where to write; flushed after each line, closed when the connection is lost
     * @param lengthLimit the longest data logged whole, or {@code null}
     * @param number the connection's number in the log lines
     */
    public TrafficLoggingProtocol(
            Registry registry, IProtocol wrappedProtocol, Writer logfile, @Nullable Integer lengthLimit, int number) {
        super(registry, wrappedProtocol);
        this.logfile = logfile;
        this.lengthLimit = lengthLimit;
        this.number = number;
    }

    private void log(String line) {
        try {
            logfile.write(line + "\n");
            logfile.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String munge(byte[] data) {
        if (lengthLimit != null && lengthLimit > 0 && data.length > lengthLimit) {
            String cut = PythonRepr.bytes(data, 0, Math.max(0, lengthLimit - 12));
            // Twisted appends the marker to the data itself; in repr it lands inside the quotes.
            return cut.substring(0, cut.length() - 1) + "<... elided>" + cut.charAt(cut.length() - 1);
        }
        return PythonRepr.bytes(data);
    }

    @Override
    public void connectionMade() {
        log("*");
        super.connectionMade();
    }

    @Override
    public void dataReceived(byte[] data) {
        log("C " + number + ": " + munge(data));
        super.dataReceived(data);
    }

    @Override
    public void connectionLost(Failure reason) {
        log("C " + number + ": " + reason);
        super.connectionLost(reason);
        try {
            logfile.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void write(byte[] data) {
        log("S " + number + ": " + munge(data));
        super.write(data);
    }

    @Override
    public void writeSequence(Iterable<byte[]> data) {
        List<String> parts = new ArrayList<>();
        for (byte[] chunk : data) {
            parts.add(munge(chunk));
        }
        log("SV " + number + ": [" + String.join(", ", parts) + "]");
        super.writeSequence(data);
    }

    @Override
    public void loseConnection() {
        log("S " + number + ": *");
        super.loseConnection();
    }
}
