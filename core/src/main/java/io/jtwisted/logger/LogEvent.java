package io.jtwisted.logger;

import io.jtwisted.python.failure.Failure;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One log event: who emitted it, how serious it is, when, a format with {@code {name}} and {@code {}}
 * placeholders, the values that fill them, and an optional failure.
 *
 * <p>An event is cheap to make: its text is produced only when something asks for {@link #message()}
 * (an observer that takes the event's level), and at most once. Events are immutable and may be read
 * from any thread.
 */
public final class LogEvent {
    private static final Object[] NO_ARGUMENTS = {};

    private final LogLevel level;
    private final @Nullable String namespace;
    private final @Nullable String format;
    private final @Nullable Object[] arguments;
    private final Map<String, Object> explicitFields;
    private final @Nullable Failure failure;
    private final long timeMillis;
    private volatile @Nullable String message;
    private volatile @Nullable Map<String, Object> fields;

    /**
     * An event whose placeholders take {@code arguments} in order: {@code {}} takes the next one and
     * {@code {name}} takes the next one and records it as the field {@code name} (a name seen before reuses
     * its value).
     *
     * @param format the message format, or {@code null} for an event that only carries fields
     * @param failure the failure the event reports, or {@code null}
     * @param timeMillis when it was emitted, in milliseconds since the epoch
     */
    public LogEvent(
            LogLevel level,
            @Nullable String namespace,
            @Nullable String format,
            @Nullable Object @Nullable [] arguments,
            @Nullable Failure failure,
            long timeMillis) {
        this(level, namespace, format, arguments == null ? NO_ARGUMENTS : arguments, Map.of(), failure, timeMillis);
    }

    private LogEvent(
            LogLevel level,
            @Nullable String namespace,
            @Nullable String format,
            @Nullable Object[] arguments,
            Map<String, Object> explicitFields,
            @Nullable Failure failure,
            long timeMillis) {
        this.level = level;
        this.namespace = namespace;
        this.format = format;
        this.arguments = arguments;
        this.explicitFields = explicitFields;
        this.failure = failure;
        this.timeMillis = timeMillis;
    }

    /** An event whose {@code {name}} placeholders take their values from {@code fields} (Twisted's keyword arguments). */
    public static LogEvent withFields(
            LogLevel level,
            @Nullable String namespace,
            @Nullable String format,
            Map<String, ?> fields,
            @Nullable Failure failure,
            long timeMillis) {
        Map<String, Object> copy = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        return new LogEvent(level, namespace, format, NO_ARGUMENTS, copy, failure, timeMillis);
    }

    /** An event read back from a log file: named fields in {@code fields}, bare placeholders' values in {@code arguments}. */
    static LogEvent restored(
            LogLevel level,
            @Nullable String namespace,
            @Nullable String format,
            List<Object> arguments,
            Map<String, Object> fields,
            @Nullable Failure failure,
            long timeMillis) {
        return new LogEvent(
                level,
                namespace,
                format,
                arguments.toArray(),
                Collections.unmodifiableMap(new LinkedHashMap<>(fields)),
                failure,
                timeMillis);
    }

    /** An event whose message is {@code message} as it is (no placeholders are read). */
    public static LogEvent ofMessage(
            LogLevel level, @Nullable String namespace, String message, @Nullable Failure failure, long timeMillis) {
        LogEvent event = new LogEvent(level, namespace, null, NO_ARGUMENTS, Map.of(), failure, timeMillis);
        event.message = message;
        return event;
    }

    /** How serious the event is. */
    public LogLevel level() {
        return level;
    }

    /** Who emitted it (usually a class name), Twisted's {@code log_namespace}. */
    public @Nullable String namespace() {
        return namespace;
    }

    /** The format as given (Twisted's {@code log_format}), or {@code null}. */
    public @Nullable String format() {
        return format;
    }

    /** The failure it reports (Twisted's {@code log_failure}), or {@code null}. */
    public @Nullable Failure failure() {
        return failure;
    }

    /** When it was emitted, in milliseconds since the epoch. */
    public long timeMillis() {
        return timeMillis;
    }

    /** When it was emitted, in seconds since the epoch (Twisted's {@code log_time}). */
    public double time() {
        return timeMillis / 1000.0;
    }

    /**
     * The named values of the event, in order: those given as fields and those bound to {@code {name}}
     * placeholders. Unmodifiable.
     */
    public Map<String, Object> fields() {
        Map<String, Object> computed = fields;
        if (computed == null) {
            computed = explicitFields.isEmpty() && format == null ? Map.of() : Formatting.bindFields(this);
            fields = computed;
        }
        return computed;
    }

    /** The value of field {@code name}, or {@code null}. */
    public @Nullable Object get(String name) {
        return fields().get(name);
    }

    /** The text of the event (its format with the placeholders filled in), made on first use. */
    public String message() {
        String text = message;
        if (text == null) {
            text = Formatting.render(this);
            message = text;
        }
        return text;
    }

    /** The message, followed by the failure's traceback when there is one. */
    public String formatWithTraceback() {
        return failure == null ? message() : message() + System.lineSeparator() + failure.getTraceback();
    }

    @Nullable
    Object[] arguments() {
        return arguments;
    }

    Map<String, Object> explicitFields() {
        return explicitFields;
    }

    @Override
    public String toString() {
        return "LogEvent[" + level.levelName() + " " + namespace + ": " + message() + "]";
    }
}
