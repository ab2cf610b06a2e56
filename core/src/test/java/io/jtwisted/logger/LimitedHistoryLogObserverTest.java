package io.jtwisted.logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ports of twisted/logger/test/test_buffer.py (LimitedHistoryLogObserverTests: test_interface is moot,
 * test_order as "the latest events, oldest first").
 */
class LimitedHistoryLogObserverTest {
    @Test
    void keepsTheLatestEventsAndReplaysThemOldestFirst() {
        LimitedHistoryLogObserver history = new LimitedHistoryLogObserver(3);
        for (int i = 0; i < 5; i++) {
            history.observe(LogEvent.ofMessage(LogLevel.INFO, "n", Integer.toString(i), null, 0));
        }
        List<String> replayed = new ArrayList<>();
        history.replayTo(e -> replayed.add(e.message()));
        assertThat(replayed).containsExactly("2", "3", "4");
        assertThat(history.events()).hasSize(3);
    }

    @Test
    void aSizeBelowOneIsRefused() {
        assertThatThrownBy(() -> new LimitedHistoryLogObserver(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
