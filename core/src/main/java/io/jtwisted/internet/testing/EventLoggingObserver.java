package io.jtwisted.internet.testing;

import io.jtwisted.logger.ILogObserver;
import io.jtwisted.logger.LogEvent;
import io.jtwisted.logger.LogPublisher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A log observer that keeps every event it sees, for tests to inspect, as Twisted's
 * {@code EventLoggingObserver}. Events may come from any thread.
 *
 * <pre>{@code
 * try (EventLoggingObserver events = EventLoggingObserver.observing(LogPublisher.globalLogPublisher())) {
 *     codeThatLogs();
 *     assertThat(events.events()).hasSize(1);
 * }
 * }</pre>
 */
public final class EventLoggingObserver implements ILogObserver, AutoCloseable {
    private final List<LogEvent> events = Collections.synchronizedList(new ArrayList<>());
    private @Nullable LogPublisher publisher;

    /** An observer that is not observing anything yet: add it to a publisher yourself. */
    public EventLoggingObserver() {}

    /**
     * An observer added to {@code publisher}; {@link #close()} removes it (Twisted's
     * {@code createWithCleanup}, with try-with-resources or an {@code @AfterEach} as the cleanup).
     */
    public static EventLoggingObserver observing(LogPublisher publisher) {
        EventLoggingObserver observer = new EventLoggingObserver();
        observer.publisher = publisher;
        publisher.addObserver(observer);
        return observer;
    }

    @Override
    public void observe(LogEvent event) {
        events.add(event);
    }

    /** The events seen so far, oldest first (a copy). */
    public List<LogEvent> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** How many events were seen. */
    public int size() {
        return events.size();
    }

    /** The {@code index}-th event seen. */
    public LogEvent get(int index) {
        return events.get(index);
    }

    /** Stops observing the publisher given to {@link #observing}; the events seen are kept. */
    @Override
    public void close() {
        if (publisher != null) {
            publisher.removeObserver(this);
            publisher = null;
        }
    }
}
