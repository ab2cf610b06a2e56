package io.jtwisted.logger;

/** How serious a {@link LogEvent} is, as Twisted's {@code LogLevel}. */
public enum LogLevel {
    DEBUG, INFO, WARN, ERROR, CRITICAL
}
