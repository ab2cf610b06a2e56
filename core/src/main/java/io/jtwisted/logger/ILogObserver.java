package io.jtwisted.logger;

/** Receives log events. Observers must not throw; one that does is removed from the publisher. */
@FunctionalInterface
public interface ILogObserver {
    void observe(LogEvent event);
}
