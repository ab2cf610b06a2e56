package io.jtwisted.examples.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.task.Clock;
import io.jtwisted.internet.task.LoopingCall;
import io.jtwisted.trial.Trial;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The scheduling examples of the seed (DeferLater, LoopingCallExample with and without
 * failInTheEnd, LoopingCallInterval), driven by a {@link Clock}; and their real {@code main},
 * end to end on the global reactor in a child JVM.
 */
class SchedulingExamplesTest {
    private final Clock clock = new Clock();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private List<String> lines() {
        String text = bytes.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\\R"));
    }

    @Test
    void deferLaterPrintsTheResultAfterThreeAndAHalfSeconds() {
        Deferred<@Nullable Object> d = DeferLater.schedule(clock, out);
        clock.advance(3.4);
        assertThat(lines()).isEmpty();
        Trial.assertNoResult(d);
        clock.advance(0.1);
        assertThat(lines()).containsExactly("This will run 3.5 seconds after it was scheduled: hello, world");
        Trial.successResultOf(d);
    }

    @Test
    void loopingCallExamplePrintsThreeSecondsThenLoopDone() {
        int[] stops = {0};
        Deferred<LoopingCall> d = new LoopingCallExample(false, out).start(clock, () -> stops[0]++);
        assertThat(lines()).containsExactly("A new second has passed.");
        clock.advance(1);
        clock.advance(1);
        assertThat(lines())
                .containsExactly("A new second has passed.", "A new second has passed.", "A new second has passed.");
        assertThat(stops[0]).isZero();
        clock.advance(1);
        assertThat(lines())
                .containsExactly(
                        "A new second has passed.",
                        "A new second has passed.",
                        "A new second has passed.",
                        "Loop done.");
        assertThat(stops[0]).isEqualTo(1);
        assertThat(clock.getDelayedCalls()).isEmpty();
        Trial.successResultOf(d);
    }

    @Test
    void loopingCallExampleFailingInTheEndPrintsTheBriefTraceback() {
        int[] stops = {0};
        Deferred<LoopingCall> d = new LoopingCallExample(true, out).start(clock, () -> stops[0]++);
        clock.pump(1, 1, 1);
        assertThat(lines())
                .containsExactly(
                        "A new second has passed.",
                        "A new second has passed.",
                        "A new second has passed.",
                        "java.lang.Exception: Failure during loop execution.");
        assertThat(stops[0]).isEqualTo(1);
        assertThat(clock.getDelayedCalls()).isEmpty();
        // The errback handled the failure: the chain ends with a value.
        assertThat(Trial.successResultOf(d)).isNull();
    }

    @Test
    void loopingCallIntervalSaysHelloEverySecondThenEveryFiveSeconds() {
        LoopingCall loopCall = LoopingCallInterval.start(clock, out);
        int[] expectedCounts = {1, 2, 3, 4, 5, 6, 6, 6, 6, 6, 7, 7, 7, 7, 7, 8};
        for (int second = 0; second < expectedCounts.length; second++) {
            if (second > 0) {
                clock.advance(1);
            }
            assertThat(lines())
                    .as("lines at %s s", second)
                    .hasSize(expectedCounts[second])
                    .containsOnly("hello");
        }
        assertThat(loopCall.interval()).isEqualTo(5.0);
        loopCall.stop();
    }

    @Test
    @Timeout(60)
    void loopingCallExampleMainRunsOnTheRealReactor() throws Exception {
        ChildJvm.Outcome outcome = ChildJvm.run(LoopingCallExample.class, 50);
        assertThat(outcome.stdout().split("\\R"))
                .containsExactly(
                        "A new second has passed.",
                        "A new second has passed.",
                        "A new second has passed.",
                        "Loop done.");
        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        // Timers never fire early: three one-second intervals passed before "Loop done.".
        assertThat(outcome.elapsedSeconds()).isGreaterThanOrEqualTo(3.0);
    }

    @Test
    @Timeout(60)
    void deferLaterMainRunsOnTheRealReactor() throws Exception {
        ChildJvm.Outcome outcome = ChildJvm.run(DeferLater.class, 50);
        assertThat(outcome.stdout().split("\\R"))
                .containsExactly("This will run 3.5 seconds after it was scheduled: hello, world");
        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        assertThat(outcome.elapsedSeconds()).isGreaterThanOrEqualTo(3.5);
    }

    @Test
    @Timeout(60)
    void loopingCallIntervalMainStopsAfterTheGivenSeconds() throws Exception {
        ChildJvm.Outcome outcome = ChildJvm.run(LoopingCallInterval.class, 50, "1.5");
        // Calls at 0 and 1 s; the reactor stops at 1.5 s.
        assertThat(outcome.stdout().split("\\R")).containsExactly("hello", "hello");
        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
    }
}
