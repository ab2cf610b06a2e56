package io.jtwisted.logger;

import io.jtwisted.python.failure.Failure;

/**
 * Emits log events to the {@link LogPublisher#globalLogPublisher() global publisher}, as Twisted's
 * {@code twisted.logger.Logger}. Messages use SLF4J's {@code {}} placeholders.
 */
public final class Logger {
    private final String namespace;
    private final ILogObserver observer;

    public Logger(String namespace) {
        this(namespace, LogPublisher.globalLogPublisher());
    }

    public Logger(String namespace, ILogObserver observer) {
        this.namespace = namespace;
        this.observer = observer;
    }

    /** A logger named after {@code type}. */
    public static Logger forClass(Class<?> type) {
        return new Logger(type.getName());
    }

    /** The namespace events from this logger carry (usually a class name). */
    public String namespace() {
        return namespace;
    }

    /** Emits a {@link LogLevel#DEBUG} event; each {@code {}} in {@code format} takes the next argument. */
    public void debug(String format, Object... arguments) {
        emit(LogLevel.DEBUG, null, format, arguments);
    }

    /** Emits a {@link LogLevel#INFO} event. */
    public void info(String format, Object... arguments) {
        emit(LogLevel.INFO, null, format, arguments);
    }

    /** Emits a {@link LogLevel#WARN} event. */
    public void warn(String format, Object... arguments) {
        emit(LogLevel.WARN, null, format, arguments);
    }

    /** Emits a {@link LogLevel#ERROR} event (use {@link #failure} when there is an exception to report). */
    public void error(String format, Object... arguments) {
        emit(LogLevel.ERROR, null, format, arguments);
    }

    /** Logs {@code failure} with its traceback at {@link LogLevel#CRITICAL}, as Twisted's {@code log.failure}. */
    public void failure(String format, Failure failure, Object... arguments) {
        emit(LogLevel.CRITICAL, failure, format, arguments);
    }

    /** Logs {@code error} with its traceback at {@link LogLevel#CRITICAL}. */
    public void failure(String format, Throwable error, Object... arguments) {
        emit(LogLevel.CRITICAL, new Failure(error), format, arguments);
    }

    /** Emits one event at {@code level}. */
    public void emit(LogLevel level, Failure failure, String format, Object... arguments) {
        observer.observe(new LogEvent(level, namespace, format(format, arguments), failure, System.currentTimeMillis()));
    }

    static String format(String format, Object... arguments) {
        if (arguments.length == 0) {
            return format;
        }
        StringBuilder out = new StringBuilder(format.length() + 16 * arguments.length);
        int argument = 0;
        int from = 0;
        int at;
        while (argument < arguments.length && (at = format.indexOf("{}", from)) >= 0) {
            out.append(format, from, at).append(arguments[argument++]);
            from = at + 2;
        }
        return out.append(format, from, format.length()).toString();
    }
}
