package io.jtwisted.logger;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fans events out to observers, as Twisted's {@code LogPublisher}. {@link #globalLogPublisher()} is where
 * every {@link Logger} emits; until {@link LogBeginner#beginLoggingTo} chooses the observers, it keeps the
 * latest events for replay and forwards them to SLF4J when a provider is on the class path, or else writes
 * warnings and errors to standard error.
 *
 * <p>Safe to use from any thread. An observer that throws is removed (it would throw again on every event),
 * and the removal is reported to the remaining observers.
 */
public final class LogPublisher implements ILogObserver {
    private static final LogPublisher GLOBAL = new LogPublisher();

    static {
        // The global publisher buffers and forwards from its first event; null: System.err as it is at each write.
        LogBeginner.global = new LogBeginner(GLOBAL, null);
    }

    private final CopyOnWriteArrayList<ILogObserver> observers = new CopyOnWriteArrayList<>();

    /** A publisher with {@code observers}. */
    public LogPublisher(ILogObserver... observers) {
        for (ILogObserver observer : observers) {
            addObserver(observer);
        }
    }

    /** The publisher every {@link Logger} emits to. */
    public static LogPublisher globalLogPublisher() {
        return GLOBAL;
    }

    /** Adds {@code observer}; it receives every event emitted from now on. Adding it twice has no effect. */
    public void addObserver(ILogObserver observer) {
        observers.addIfAbsent(observer);
    }

    /** Removes {@code observer}; events already being dispatched may still reach it. Unknown observers are ignored. */
    public void removeObserver(ILogObserver observer) {
        observers.remove(observer);
    }

    /** The observers, in the order they were added (a copy). */
    public List<ILogObserver> observers() {
        return List.copyOf(observers);
    }

    @Override
    public void observe(LogEvent event) {
        for (ILogObserver observer : observers) {
            try {
                observer.observe(event);
            } catch (RuntimeException broken) {
                if (observers.remove(observer)) {
                    observe(LogEvent.ofMessage(LogLevel.CRITICAL, LogPublisher.class.getName(),
                            "Removed log observer " + observer + ", which raised an exception",
                            new io.jtwisted.python.failure.Failure(broken), System.currentTimeMillis()));
                }
            }
        }
    }
}
