package io.jtwisted.logger;

import java.util.ArrayDeque;
import java.util.List;

/**
 * Keeps the latest {@code size} events, dropping the oldest, as Twisted's {@code LimitedHistoryLogObserver};
 * {@link #replayTo} hands them to another observer. Safe from any thread.
 */
public final class LimitedHistoryLogObserver implements ILogObserver {
    private final int size;
    private final ArrayDeque<LogEvent> events;

    /** An observer keeping at most {@code size} events. */
    public LimitedHistoryLogObserver(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be positive, not " + size);
        }
        this.size = size;
        this.events = new ArrayDeque<>(Math.min(size, 1024));
    }

    @Override
    public synchronized void observe(LogEvent event) {
        if (events.size() == size) {
            events.removeFirst();
        }
        events.addLast(event);
    }

    /** Sends the kept events, oldest first, to {@code observer}. */
    public void replayTo(ILogObserver observer) {
        for (LogEvent event : events()) {
            observer.observe(event);
        }
    }

    /** The kept events, oldest first (a copy). */
    public synchronized List<LogEvent> events() {
        return List.copyOf(events);
    }
}
