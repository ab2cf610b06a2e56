package io.jtwisted.logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fans events out to observers, as Twisted's {@code LogPublisher}. {@link #globalLogPublisher()} is where
 * every {@link Logger} emits; until {@link LogBeginner#beginLoggingTo} chooses the observers, it keeps the
 * latest events for replay and forwards them to SLF4J when a provider is on the class path, or else writes
 * warnings and errors to standard error.
 *
 * <p>Safe to use from any thread. An observer that throws does not stop the others from seeing the event,
 * and stays registered, as in Twisted: after the event has reached every observer, each failure is
 * published as a critical event ("Temporarily disabling observer ... due to exception") to every observer
 * but the one that failed. So a file observer on a disk that was full resumes when space is freed, and
 * while it fails, the others hear of every failure.
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
        publish(event, observers);
    }

    private static void publish(LogEvent event, List<ILogObserver> to) {
        List<ILogObserver> broken = null;
        List<RuntimeException> failures = null;
        for (ILogObserver observer : to) {
            try {
                observer.observe(event);
            } catch (RuntimeException failure) {
                if (broken == null || failures == null) {
                    broken = new ArrayList<>(1);
                    failures = new ArrayList<>(1);
                }
                broken.add(observer);
                failures.add(failure);
            }
        }
        if (broken == null || failures == null) {
            return;
        }
        for (int i = 0; i < broken.size(); i++) {
            ILogObserver observer = broken.get(i);
            List<ILogObserver> others = new ArrayList<>(to);
            others.remove(observer);
            // Reported to the others only, so each nested report has one observer fewer and ends.
            publish(
                    LogEvent.ofMessage(
                            LogLevel.CRITICAL,
                            LogPublisher.class.getName(),
                            "Temporarily disabling observer " + observer + " due to exception",
                            new io.jtwisted.python.failure.Failure(failures.get(i)),
                            System.currentTimeMillis()),
                    others);
        }
    }
}
