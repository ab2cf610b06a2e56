package io.jtwisted.logger;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * For tests that expect events on the global publisher: while open, it is the publisher's only observer,
 * so expected errors are kept for assertions instead of reaching the console; closing puts the previous
 * observers back.
 */
public final class CapturedGlobalLog implements ILogObserver, AutoCloseable {
    private final List<LogEvent> events = new CopyOnWriteArrayList<>();
    private final List<ILogObserver> previous;

    public CapturedGlobalLog() {
        LogPublisher global = LogPublisher.globalLogPublisher();
        previous = global.observers();
        global.addObserver(this);
        previous.forEach(global::removeObserver);
    }

    @Override
    public void observe(LogEvent event) {
        events.add(event);
    }

    /** The events seen so far (a copy). */
    public List<LogEvent> events() {
        return List.copyOf(events);
    }

    /** True when some event carried a failure whose message is {@code message}. */
    public boolean hasFailure(String message) {
        return events.stream()
                .anyMatch(e -> e.failure() != null && message.equals(e.failure().getErrorMessage()));
    }

    @Override
    public void close() {
        LogPublisher global = LogPublisher.globalLogPublisher();
        previous.forEach(global::addObserver);
        global.removeObserver(this);
    }
}
