package io.jtwisted.logger;

import io.jtwisted.python.failure.Failure;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * Log events as JSON text, as Twisted's {@code jsonFileLogObserver} and {@code eventsFromJSONLogFile}: one
 * record per event, {@code RS JSON NL}, with RS the record separator ({@code \u001e} by default, as in
 * RFC 7464). The keys follow Twisted's: {@code log_format}, {@code log_namespace}, {@code log_level}
 * ({@code {"name": "info", ...}}), {@code log_time} (seconds), {@code log_failure}, and each named field
 * at the top level; the values bare {@code {}} placeholders took are kept in {@code log_arguments}.
 * Values other than strings, numbers, booleans, lists and maps are written as their text.
 */
public final class JsonLog {
    /** The record separator of JSON text sequences (RFC 7464). */
    public static final String RECORD_SEPARATOR = "\u001e";

    private static final String LEVEL_UUID = "02E59486-F24D-46AD-8224-3ACDF2A5732A";
    private static final String FAILURE_UUID = "E76887E2-20ED-49BF-A8F8-BA25CC586F2D";
    private static final Logger log = new Logger(JsonLog.class.getName());

    private JsonLog() {}

    /** An observer writing each event as one JSON record to {@code out}, after {@code recordSeparator}. */
    public static FileLogObserver jsonFileLogObserver(Writer out, String recordSeparator) {
        return new FileLogObserver(out, event -> recordSeparator + eventAsJSON(event) + "\n");
    }

    /** {@link #jsonFileLogObserver(Writer, String)} with {@link #RECORD_SEPARATOR}. */
    public static FileLogObserver jsonFileLogObserver(Writer out) {
        return jsonFileLogObserver(out, RECORD_SEPARATOR);
    }

    /** {@code event} as one line of JSON (no newline in it). */
    public static String eventAsJSON(LogEvent event) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.putAll(event.fields());
        record.put("log_format", event.format() != null ? event.format() : event.message());
        record.put("log_namespace", event.namespace());
        record.put("log_level", Map.of("name", event.level().levelName(), "__class_uuid__", LEVEL_UUID));
        record.put("log_time", event.time());
        List<Object> bare = Formatting.bareArguments(event);
        if (!bare.isEmpty()) {
            record.put("log_arguments", bare);
        }
        Failure failure = event.failure();
        if (failure != null) {
            Map<String, Object> saved = new LinkedHashMap<>();
            saved.put("__class_uuid__", FAILURE_UUID);
            saved.put(
                    "type",
                    Map.of(
                            "__module__",
                            packageOf(failure.type()),
                            "__name__",
                            failure.type().getSimpleName()));
            saved.put("value", failure.getErrorMessage());
            saved.put("traceback", failure.getTraceback());
            record.put("log_failure", saved);
        }
        StringBuilder out = new StringBuilder(128);
        Json.write(record, out);
        return out.toString();
    }

    /**
     * The event {@code text} (one record written by {@link #eventAsJSON}) describes. A failure comes back as
     * a {@link Failure} whose traceback is the saved text.
     *
     * @throws IllegalArgumentException when {@code text} is not a JSON object
     */
    public static LogEvent eventFromJSON(String text) {
        if (!(Json.parse(text) instanceof Map<?, ?> parsed)) {
            throw new IllegalArgumentException("a log record must be a JSON object");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        parsed.forEach((key, value) -> fields.put((String) key, value));
        String format = fields.remove("log_format") instanceof String s ? s : null;
        String namespace = fields.remove("log_namespace") instanceof String s ? s : null;
        LogLevel level = LogLevel.INFO;
        if (fields.remove("log_level") instanceof Map<?, ?> saved && saved.get("name") instanceof String name) {
            level = LogLevel.levelWithName(name);
        }
        long timeMillis =
                fields.remove("log_time") instanceof Number seconds ? Math.round(seconds.doubleValue() * 1000) : 0;
        List<Object> arguments =
                fields.remove("log_arguments") instanceof List<?> list ? new ArrayList<>(list) : List.of();
        Failure failure = null;
        if (fields.remove("log_failure") instanceof Map<?, ?> saved) {
            failure = new Failure(new RestoredError(saved));
        }
        return LogEvent.restored(level, namespace, format, arguments, fields, failure, timeMillis);
    }

    /**
     * The events of a file written by {@link #jsonFileLogObserver}, read as the iteration goes. Records that
     * are truncated or do not parse are skipped, each with a logged error, as Twisted does.
     *
     * @param recordSeparator the separator, or {@code null} to detect it: {@code \u001e} when the file starts
     *     with one, else records are lines
     */
    public static Iterable<LogEvent> eventsFromJSONLogFile(Reader in, @Nullable String recordSeparator) {
        return () -> new Records(in, recordSeparator);
    }

    /** {@link #eventsFromJSONLogFile(Reader, String)} detecting the separator. */
    public static Iterable<LogEvent> eventsFromJSONLogFile(Reader in) {
        return eventsFromJSONLogFile(in, null);
    }

    private static String packageOf(Class<?> type) {
        return type.getPackageName();
    }

    /** Reads records one by one: the text between separators. */
    private static final class Records implements Iterator<LogEvent> {
        private final Reader in;
        private final char[] chunk = new char[4096];
        private final StringBuilder buffer = new StringBuilder();
        private @Nullable String separator;
        private boolean lines;
        private boolean eof;
        private @Nullable LogEvent next;

        Records(Reader in, @Nullable String separator) {
            this.in = in;
            this.separator = separator;
        }

        @Override
        public boolean hasNext() {
            while (next == null) {
                String record = nextRecord();
                if (record == null) {
                    return false;
                }
                next = parse(record);
            }
            return true;
        }

        @Override
        public LogEvent next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            LogEvent event = java.util.Objects.requireNonNull(next, "hasNext() found the next event");
            next = null;
            return event;
        }

        private @Nullable LogEvent parse(String record) {
            if (record.isBlank()) {
                return null;
            }
            if (!lines && !record.endsWith("\n")) {
                log.error("Unable to read truncated JSON record: {record}", record);
                return null;
            }
            try {
                return eventFromJSON(record);
            } catch (IllegalArgumentException unreadable) {
                log.error("Unable to read JSON record: {record}", record);
                return null;
            }
        }

        /** The next record's text, or null at the end. */
        private @Nullable String nextRecord() {
            if (separator == null) {
                fill();
                separator = buffer.length() > 0 && buffer.charAt(0) == '\u001e' ? RECORD_SEPARATOR : "";
            }
            if (!lines && separator.isEmpty()) {
                lines = true;
                separator = "\n";
            }
            while (true) {
                int at = buffer.indexOf(separator);
                if (at >= 0) {
                    String record = buffer.substring(0, at);
                    buffer.delete(0, at + separator.length());
                    if (record.isEmpty()) {
                        continue;
                    }
                    return record;
                }
                if (eof) {
                    if (buffer.length() == 0) {
                        return null;
                    }
                    String record = buffer.toString();
                    buffer.setLength(0);
                    return record;
                }
                fill();
            }
        }

        private void fill() {
            try {
                int n = in.read(chunk);
                if (n < 0) {
                    eof = true;
                } else {
                    buffer.append(chunk, 0, n);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A failure read back from a log file: its type's name, message and traceback text. */
    static final class RestoredError extends Exception {
        private static final long serialVersionUID = 1L;
        private final String typeName;
        private final String traceback;

        RestoredError(Map<?, ?> saved) {
            super(saved.get("value") == null ? null : String.valueOf(saved.get("value")), null, false, false);
            String name = "Exception";
            if (saved.get("type") instanceof Map<?, ?> type) {
                Object module = type.get("__module__");
                name = (module == null || String.valueOf(module).isEmpty() ? "" : module + ".") + type.get("__name__");
            }
            this.typeName = name;
            this.traceback =
                    saved.get("traceback") instanceof String text ? text : typeName + ": " + getMessage() + "\n";
        }

        /** The name of the type of the exception that was logged. */
        String typeName() {
            return typeName;
        }

        @Override
        @SuppressWarnings("OverrideThrowableToString") // prints as the Python exception it stands for: "KeyError: 'x'"
        public String toString() {
            return typeName + (getMessage() == null ? "" : ": " + getMessage());
        }

        @Override
        public void printStackTrace(PrintWriter out) {
            out.print(traceback);
        }

        @Override
        public void printStackTrace(PrintStream out) {
            out.print(traceback);
        }
    }
}
