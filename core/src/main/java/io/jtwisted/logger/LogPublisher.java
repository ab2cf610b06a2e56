package io.jtwisted.logger;

import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fans events out to observers. {@link #globalLogPublisher()} is where every {@link Logger}
 * emits; by default it forwards to SLF4J when a provider is on the class path, and otherwise
 * writes warnings and errors to standard error.
 */
public final class LogPublisher implements ILogObserver {
    private static final LogPublisher GLOBAL = new LogPublisher();

    static {
        GLOBAL.addObserver(DefaultObserver.create());
    }

    private final CopyOnWriteArrayList<ILogObserver> observers = new CopyOnWriteArrayList<>();

    /** The publisher every {@link Logger} emits to. */
    public static LogPublisher globalLogPublisher() {
        return GLOBAL;
    }

    /** Adds {@code observer}; it receives every event emitted from now on. Adding it twice has no effect. */
    public void addObserver(ILogObserver observer) {
        observers.addIfAbsent(observer);
    }

    /** Removes {@code observer}; events already being dispatched may still reach it. */
    public void removeObserver(ILogObserver observer) {
        observers.remove(observer);
    }

    @Override
    public void observe(LogEvent event) {
        for (ILogObserver observer : observers) {
            try {
                observer.observe(event);
            } catch (RuntimeException broken) {
                // An observer that cannot take events would fail again on every event: drop it and say so.
                observers.remove(observer);
                System.err.println("Removed log observer " + observer + " which raised " + broken);
            }
        }
    }
}
