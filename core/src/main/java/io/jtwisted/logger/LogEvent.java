package io.jtwisted.logger;

import io.jtwisted.python.failure.Failure;

/**
 * One log event.
 *
 * @param level how serious it is
 * @param namespace who emitted it (usually a class name)
 * @param message the formatted message
 * @param failure the failure it reports, or {@code null}
 * @param timeMillis when it was emitted, in milliseconds since the epoch
 */
public record LogEvent(LogLevel level, String namespace, String message, Failure failure, long timeMillis) {
    /** The message, followed by the failure's traceback when there is one. */
    public String formatWithTraceback() {
        return failure == null ? message : message + System.lineSeparator() + failure.getTraceback();
    }
}
