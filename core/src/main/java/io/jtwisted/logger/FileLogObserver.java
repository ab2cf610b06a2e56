package io.jtwisted.logger;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Writes each event as text to a {@link Writer} and flushes, as Twisted's {@code FileLogObserver}; events
 * whose formatter returns {@code null} are skipped. Safe from any thread (one event is written at a time).
 * The writer may be a {@link io.jtwisted.python.logfile.LogFile}, which rotates as it is written.
 */
public final class FileLogObserver implements ILogObserver {
    private final Writer out;
    private final Function<? super LogEvent, ? extends @Nullable String> formatEvent;

    /** An observer writing {@code formatEvent}'s text for each event to {@code out}. */
    public FileLogObserver(Writer out, Function<? super LogEvent, ? extends @Nullable String> formatEvent) {
        this.out = out;
        this.formatEvent = formatEvent;
    }

    /**
     * Twisted's {@code textFileLogObserver}: events as classic log lines ({@code <time> [<namespace>#<level>]
     * <text>}) with times in {@code timeFormat} ({@code null}: {@code "-"}).
     */
    public static FileLogObserver textFileLogObserver(Writer out, @Nullable DateTimeFormatter timeFormat) {
        return new FileLogObserver(out, event -> Formatting.formatEventAsClassicLogText(event, timeFormat));
    }

    /** {@link #textFileLogObserver(Writer, DateTimeFormatter)} with {@link Formatting#TIME_FORMAT_RFC3339}. */
    public static FileLogObserver textFileLogObserver(Writer out) {
        return textFileLogObserver(out, Formatting.TIME_FORMAT_RFC3339);
    }

    /** {@link #textFileLogObserver(Writer)} writing UTF-8 to {@code out} (for instance {@code System.out}). */
    public static FileLogObserver textFileLogObserver(OutputStream out) {
        return textFileLogObserver(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    }

    @Override
    public void observe(LogEvent event) {
        String text = formatEvent.apply(event);
        if (text == null) {
            return;
        }
        synchronized (out) {
            try {
                out.write(text);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the log: " + e.getMessage(), e);
            }
        }
    }
}
