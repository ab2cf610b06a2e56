package io.jtwisted.logger;

/**
 * Receives log events, as Twisted's {@code ILogObserver}. Observers should not throw: a
 * {@link LogPublisher} removes one that does. An observer may be called from any thread.
 */
@FunctionalInterface
public interface ILogObserver {
    /** Takes one event. */
    void observe(LogEvent event);
}
