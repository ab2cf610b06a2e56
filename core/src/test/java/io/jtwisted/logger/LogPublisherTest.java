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
        publisher.removeObserver(e -> {});
        publisher.observe(event("x"));
        assertThat(seen).isEmpty();
    }

    @Test
    void anObserverThatThrowsStaysAndEachFailureIsToldToTheOthersAfterTheEvent() {
        List<LogEvent> seen = new ArrayList<>();
        ILogObserver broken = e -> {
            throw new IllegalStateException("observer broke");
        };
        ILogObserver good = seen::add;
        LogPublisher publisher = new LogPublisher(broken, good);
        publisher.observe(event("first"));
        publisher.observe(event("second"));
        assertThat(publisher.observers()).containsExactly(broken, good);
        String disabled = "Temporarily disabling observer " + broken + " due to exception";
        assertThat(seen).extracting(LogEvent::message).containsExactly("first", disabled, "second", disabled);
        assertThat(seen.get(1).failure().value()).hasMessage("observer broke");
        assertThat(seen.get(1).level()).isEqualTo(LogLevel.CRITICAL);
    }

    @Test
    void anObserverThatRecoversSeesTheEventsAfterItRecovered() {
        List<String> written = new ArrayList<>();
        boolean[] diskFull = {true};
        ILogObserver file = e -> {
            if (diskFull[0]) {
                throw new IllegalStateException("No space left on device");
            }
            written.add(e.message());
        };
        LogPublisher publisher = new LogPublisher(file, e -> {});
        publisher.observe(event("lost"));
        diskFull[0] = false;
        publisher.observe(event("kept"));
        assertThat(written).containsExactly("kept");
    }

    @Test
    void twoBrokenObserversEachHearOfTheOthersFailureAndTheReportsEnd() {
        List<LogEvent> seen = new ArrayList<>();
        ILogObserver first = e -> {
            throw new IllegalStateException("first broke");
        };
        ILogObserver second = e -> {
            throw new IllegalStateException("second broke");
        };
        LogPublisher publisher = new LogPublisher(first, second, seen::add);
        publisher.observe(event("x"));
        // Each failure is reported to the observers but the one that failed; the report's own failure
        // (the other broken observer) is reported to the observers left, which is only the good one.
        assertThat(seen)
                .extracting(LogEvent::message)
                .containsExactly(
                        "x",
                        "Temporarily disabling observer " + first + " due to exception",
                        "Temporarily disabling observer " + second + " due to exception",
                        "Temporarily disabling observer " + second + " due to exception",
                        "Temporarily disabling observer " + first + " due to exception");
    }
}
