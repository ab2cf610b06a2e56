package io.jtwisted.logger;

import io.jtwisted.python.failure.Failure;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Emits log events, as Twisted's {@code twisted.logger.Logger}: to the
 * {@link LogPublisher#globalLogPublisher() global publisher} unless given another observer.
 *
 * <p>Formats take their values in order: {@code {}} takes the next argument, and {@code {name}} takes the
 * next argument and records it as the field {@code name}, so {@code log.info("{count} connections from
 * {host}", n, host)} reads the same in a text log and keeps {@code count} and {@code host} as fields in a JSON
 * one. An event is only turned into text when an observer that takes its level reads it.
 */
public final class Logger {
    private static final StackWalker CALLER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private final String namespace;
    private final ILogObserver observer;

    /** A logger whose namespace is the name of the class that creates it (Twisted infers the module). */
    public Logger() {
        this(CALLER.getCallerClass().getName());
    }

    /** A logger emitting events in {@code namespace} to the global publisher. */
    public Logger(String namespace) {
        this(namespace, LogPublisher.globalLogPublisher());
    }

    /** A logger emitting events in {@code namespace} to {@code observer}. */
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

    /** The observer this logger emits to. */
    public ILogObserver observer() {
        return observer;
    }

    /** Emits a {@link LogLevel#DEBUG} event; the placeholders of {@code format} take {@code arguments} in order. */
    public void debug(String format, @Nullable Object... arguments) {
        emit(LogLevel.DEBUG, null, format, arguments);
    }

    /** Emits a {@link LogLevel#INFO} event. */
    public void info(String format, @Nullable Object... arguments) {
        emit(LogLevel.INFO, null, format, arguments);
    }

    /** Emits a {@link LogLevel#WARN} event. */
    public void warn(String format, @Nullable Object... arguments) {
        emit(LogLevel.WARN, null, format, arguments);
    }

    /** Emits a {@link LogLevel#ERROR} event (use {@link #failure} when there is an exception to report). */
    public void error(String format, @Nullable Object... arguments) {
        emit(LogLevel.ERROR, null, format, arguments);
    }

    /** Emits a {@link LogLevel#CRITICAL} event. */
    public void critical(String format, @Nullable Object... arguments) {
        emit(LogLevel.CRITICAL, null, format, arguments);
    }

    /** Logs {@code failure} with its traceback at {@link LogLevel#CRITICAL}, as Twisted's {@code log.failure}. */
    public void failure(String format, Failure failure, @Nullable Object... arguments) {
        emit(LogLevel.CRITICAL, failure, format, arguments);
    }

    /** Logs {@code error} with its traceback at {@link LogLevel#CRITICAL}. */
    public void failure(String format, Throwable error, @Nullable Object... arguments) {
        emit(LogLevel.CRITICAL, new Failure(error), format, arguments);
    }

    /** Emits one event at {@code level}; {@code failure} may be {@code null}. */
    public void emit(
            LogLevel level, @Nullable Failure failure, @Nullable String format, @Nullable Object... arguments) {
        observer.observe(new LogEvent(level, namespace, format, arguments, failure, System.currentTimeMillis()));
    }

    /**
     * Emits one event whose {@code {name}} placeholders take their values from {@code fields}, as Twisted's
     * {@code log.emit(level, format, **kwargs)}; {@code failure} may be {@code null}.
     */
    public void emit(LogLevel level, @Nullable Failure failure, @Nullable String format, Map<String, ?> fields) {
        observer.observe(LogEvent.withFields(level, namespace, format, fields, failure, System.currentTimeMillis()));
    }
}
