package io.jtwisted.examples.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.logger.LogEvent;
import io.jtwisted.logger.LogLevel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The logging chapter's tour: the text file holds what the levels let through, the JSON file everything. */
class LoggingTourTest {
    @TempDir
    Path dir;

    @Test
    void textLogKeepsInfoAndUpAndJsonReadsBackEveryEvent() throws Exception {
        List<LogEvent> events = LoggingTour.run(dir);
        List<String> text = Files.readAllLines(dir.resolve("text.log"));
        assertThat(text)
                .anyMatch(l -> l.endsWith("[tour#info] 3 connections from 127.0.0.1"))
                .anyMatch(l -> l.endsWith("[tour#warn] disk 91% full"))
                .anyMatch(l -> l.endsWith("[tour#critical] while saving"))
                .noneMatch(l -> l.contains("chatty detail"))
                .noneMatch(l -> l.contains("dropped"));
        assertThat(text).anyMatch(l -> l.equals("\tjava.io.IOException: disk full"));
        assertThat(events)
                .extracting(LogEvent::message)
                .containsExactly(
                        "3 connections from 127.0.0.1",
                        "chatty detail 42",
                        "disk 91% full",
                        "while saving",
                        "dropped: below noisy's level");
        assertThat(events.get(0).get("host")).isEqualTo("127.0.0.1");
        assertThat(events.get(3).level()).isEqualTo(LogLevel.CRITICAL);
        assertThat(events.get(3).failure().getErrorMessage()).isEqualTo("disk full");
    }
}
