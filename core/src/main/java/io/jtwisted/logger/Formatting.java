package io.jtwisted.logger;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turning events into text, as Twisted's {@code formatEvent}, {@code formatTime} and
 * {@code formatEventAsClassicLogText}.
 *
 * <p>A format holds placeholders in braces: {@code {}} takes the event's next argument and {@code {name}}
 * takes the field {@code name} (given as a field, or else bound to the next argument). A doubled brace,
 * <code>&#123;&#123;</code> or <code>&#125;&#125;</code>, stands for a literal one. A suffix after {@code !} or {@code :} inside a placeholder (Python's
 * conversions and format specs) is accepted and ignored.
 */
public final class Formatting {
    /** Twisted's default time format for log files: {@code 2024-05-01T13:04:05+0000}, in local time. */
    public static final DateTimeFormatter TIME_FORMAT_RFC3339 =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ").withZone(ZoneId.systemDefault());

    private Formatting() {}

    /**
     * The text of {@code event}: its format with the placeholders filled in, {@code ""} when it has no
     * format, or a message starting {@code "Unable to format event"} when a placeholder has no value or the
     * format is malformed (a broken event is reported, never thrown).
     */
    public static String formatEvent(LogEvent event) {
        return event.message();
    }

    /**
     * {@code when} (seconds since the epoch) in {@code format}, or {@code "-"} when either is missing, as
     * Twisted's {@code formatTime}.
     */
    public static String formatTime(@Nullable Double when, @Nullable DateTimeFormatter format) {
        if (when == null || format == null) {
            return "-";
        }
        return format.format(Instant.ofEpochMilli(Math.round(when * 1000)));
    }

    /**
     * {@code event} as a line of Twisted's classic log text: {@code "<time> [<system>] <text>\n"}, where the
     * system is the field {@code log_system} or else {@code namespace#level}, the text is followed by the
     * failure's traceback, and every line after the first is indented by a tab.
     *
     * @return the line, or {@code null} when the event has neither text nor failure (nothing to write)
     */
    public static @Nullable String formatEventAsClassicLogText(LogEvent event, @Nullable DateTimeFormatter timeFormat) {
        String text = event.message();
        if (event.failure() != null) {
            String traceback = event.failure().getTraceback().stripTrailing();
            text = text.isEmpty() ? traceback : text + "\n" + traceback;
        }
        if (text.isEmpty()) {
            return null;
        }
        Object system = event.get("log_system");
        String systemText = system != null
                ? String.valueOf(system)
                : (event.namespace() == null ? "-" : event.namespace()) + "#"
                        + event.level().levelName();
        String body = text.replace("\r\n", "\n").replace("\n", "\n\t");
        return formatTime(event.time(), timeFormat) + " [" + systemText + "] " + body + "\n";
    }

    /** {@link #formatEventAsClassicLogText(LogEvent, DateTimeFormatter)} with {@link #TIME_FORMAT_RFC3339}. */
    public static @Nullable String formatEventAsClassicLogText(LogEvent event) {
        return formatEventAsClassicLogText(event, TIME_FORMAT_RFC3339);
    }

    /** Renders the event's text (called once per event, by {@link LogEvent#message()}). */
    static String render(LogEvent event) {
        String format = event.format();
        if (format == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(format.length() + 32);
        String problem = expand(event, out, null, null);
        return problem == null
                ? out.toString()
                : "Unable to format event " + event.namespace() + " \"" + format + "\": " + problem;
    }

    /** The fields of the event: the explicit ones, then those bound to named placeholders. */
    static Map<String, Object> bindFields(LogEvent event) {
        Map<String, Object> fields = new LinkedHashMap<>(event.explicitFields());
        if (event.format() != null) {
            expand(event, null, fields, null);
        }
        return Collections.unmodifiableMap(fields);
    }

    /** The arguments the event's bare {@code {}} placeholders take, in order. */
    static List<Object> bareArguments(LogEvent event) {
        List<Object> bare = new ArrayList<>();
        if (event.format() != null) {
            expand(event, null, null, bare);
        }
        return bare;
    }

    /**
     * Walks the format once, appending the text to {@code out} and/or binding named placeholders in
     * {@code fields} and/or collecting what bare placeholders take in {@code bare} (each may be null).
     * Returns null, or what is wrong with the format.
     */
    private static @Nullable String expand(
            LogEvent event,
            @Nullable StringBuilder out,
            @Nullable Map<String, Object> fields,
            @Nullable List<Object> bare) {
        String format = java.util.Objects.requireNonNull(event.format(), "expand is called for events with a format");
        @Nullable Object[] arguments = event.arguments();
        Map<String, Object> explicit = event.explicitFields();
        Map<String, Object> bound = fields != null ? fields : new LinkedHashMap<>();
        int next = 0;
        int length = format.length();
        for (int i = 0; i < length; i++) {
            char c = format.charAt(i);
            if (c == '}') {
                if (i + 1 < length && format.charAt(i + 1) == '}') {
                    i++;
                } else if (out != null) {
                    return "single '}' at " + i;
                }
                append(out, '}');
                continue;
            }
            if (c != '{') {
                append(out, c);
                continue;
            }
            if (i + 1 < length && format.charAt(i + 1) == '{') {
                i++;
                append(out, '{');
                continue;
            }
            int close = format.indexOf('}', i + 1);
            if (close < 0) {
                return "unclosed '{' at " + i;
            }
            String name = fieldName(format.substring(i + 1, close));
            i = close;
            Object value;
            if (name.isEmpty()) {
                if (next >= arguments.length) {
                    return "no argument for placeholder " + (next + 1);
                }
                value = arguments[next++];
                if (bare != null) {
                    bare.add(value);
                }
            } else if (explicit.containsKey(name)) {
                value = explicit.get(name);
            } else if (bound.containsKey(name)) {
                value = bound.get(name);
            } else if (next < arguments.length) {
                value = arguments[next++];
                bound.put(name, value);
            } else {
                return "no value for {" + name + "}";
            }
            if (out != null) {
                out.append(text(value));
            }
        }
        return null;
    }

    private static String fieldName(String placeholder) {
        int end = placeholder.length();
        int bang = placeholder.indexOf('!');
        int colon = placeholder.indexOf(':');
        if (bang >= 0) {
            end = bang;
        }
        if (colon >= 0 && colon < end) {
            end = colon;
        }
        return placeholder.substring(0, end).strip();
    }

    private static void append(@Nullable StringBuilder out, char c) {
        if (out != null) {
            out.append(c);
        }
    }

    /** How a value reads in a message: arrays show their elements. */
    static String text(@Nullable Object value) {
        if (value instanceof Object[] array) {
            return Arrays.deepToString(array);
        }
        if (value instanceof byte[] bytes) {
            return Arrays.toString(bytes);
        }
        if (value instanceof int[] ints) {
            return Arrays.toString(ints);
        }
        if (value instanceof long[] longs) {
            return Arrays.toString(longs);
        }
        return String.valueOf(value);
    }
}
