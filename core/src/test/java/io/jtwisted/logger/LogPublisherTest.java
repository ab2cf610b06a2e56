package io.jtwisted.logger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ports of twisted/logger/test/test_observer.py (LogPublisherTests): test_addObservers, test_addObserverAgain,
 * test_removeObserver, test_removeObserverNotRegistered, test_fanOut, test_observerRaises (here the raising
 * observer is removed, since it would raise on every event, and the others are told). Not ported:
 * test_interface (zope.interface verification) and test_trace (log_trace is not kept).
 */
class LogPublisherTest {
    private static LogEvent event(String text) {
        return LogEvent.ofMessage(LogLevel.INFO, "ns", text, null, 0);
    }

    @Test
    void everyObserverSeesEveryEventInOrder() {
        List<String> seen = new ArrayList<>();
        LogPublisher publisher = new LogPublisher(e -> seen.add("a:" + e.message()));
        publisher.addObserver(e -> seen.add("b:" + e.message()));
        publisher.observe(event("1"));
        assertThat(seen).containsExactly("a:1", "b:1");
    }

    @Test
    void addingAnObserverTwiceKeepsOne() {
        List<LogEvent> seen = new ArrayList<>();
        ILogObserver observer = seen::add;
        LogPublisher publisher = new LogPublisher(observer);
        publisher.addObserver(observer);
        publisher.observe(event("x"));
        assertThat(seen).hasSize(1);
        assertThat(publisher.observers()).containsExactly(observer);
    }

    @Test
    void removedObserversSeeNothingAndRemovingAStrangerIsHarmless() {
        List<LogEvent> seen = new ArrayList<>();
        ILogObserver observer = seen::add;
        LogPublisher publisher = new LogPublisher(observer);
        publisher.removeObserver(observer);
        publisher.removeObserver(e -> { });
        publisher.observe(event("x"));
        assertThat(seen).isEmpty();
    }

    @Test
    void anObserverThatThrowsIsRemovedAndTheOthersAreTold() {
        List<LogEvent> seen = new ArrayList<>();
        ILogObserver broken = e -> {
            throw new IllegalStateException("observer broke");
        };
        LogPublisher publisher = new LogPublisher(broken, seen::add);
        publisher.observe(event("first"));
        publisher.observe(event("second"));
        assertThat(publisher.observers()).hasSize(1);
        assertThat(seen).extracting(LogEvent::message).containsExactly(
                "Removed log observer " + broken + ", which raised an exception", "first", "second");
        assertThat(seen.get(0).failure().value()).hasMessage("observer broke");
        assertThat(seen.get(0).level()).isEqualTo(LogLevel.CRITICAL);
    }
}
