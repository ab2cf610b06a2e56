package io.jtwisted.logger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * An output stream that logs each line written to it as one event (format {@code "{log_io}"}, the line in
 * the field {@code log_io}), as Twisted's {@code LoggingFile}: what {@link LogBeginner} puts behind
 * {@code System.out} and {@code System.err}. A line written while this thread is already logging through
 * this stream (an observer that prints) goes to the fallback stream instead, so it cannot loop.
 */
public final class LoggingFile extends OutputStream {
    private final Logger logger;
    private final LogLevel level;
    private final OutputStream fallback;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final ThreadLocal<Boolean> logging = ThreadLocal.withInitial(() -> false);

    /**
     * A stream logging to {@code logger} at {@code level}; {@code fallback} receives what observers print
     * while handling this stream's own events.
     */
    public LoggingFile(Logger logger, LogLevel level, OutputStream fallback) {
        this.logger = logger;
        this.level = level;
        this.fallback = fallback;
    }

    @Override
    public void write(int b) throws IOException {
        if (logging.get()) {
            fallback.write(b);
            return;
        }
        String complete = null;
        synchronized (line) {
            if (b == '\n') {
                complete = line.toString(StandardCharsets.UTF_8);
                line.reset();
            } else {
                line.write(b);
            }
        }
        if (complete != null) {
            emit(complete);
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (logging.get()) {
            fallback.write(bytes, offset, length);
            return;
        }
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    @Override
    public void flush() throws IOException {
        if (logging.get()) {
            fallback.flush();
        }
    }

    /** Logs what is left of an unfinished line. */
    @Override
    public void close() {
        String rest;
        synchronized (line) {
            rest = line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
            line.reset();
        }
        if (rest != null) {
            emit(rest);
        }
    }

    private void emit(String text) {
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        logging.set(true);
        try {
            logger.emit(level, null, "{log_io}", java.util.Map.of("log_io", text));
        } finally {
            logging.set(false);
        }
    }
}
