package io.jtwisted.examples.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.examples.ExampleProcess;
import org.junit.jupiter.api.Test;

/** CallLater prints its line after 3.5 s, keeps running, and stops cleanly on Ctrl-C (SIGINT). */
class CallLaterTest {
    @Test
    void printsTheLineAfterThreeAndAHalfSecondsAndStopsOnSigint() throws Exception {
        try (ExampleProcess example = ExampleProcess.start(CallLater.class)) {
            long start = System.nanoTime();
            assertThat(example.nextLine(30))
                    .isEqualTo("this will run 3.5 seconds after it was scheduled: hello, world");
            assertThat((System.nanoTime() - start) / 1e9).isGreaterThanOrEqualTo(3.5);
            assertThat(example.stillRunningAfter(0))
                    .as("the reactor keeps running, as in Twisted")
                    .isTrue();
            example.signal("INT");
            assertThat(example.waitForExit(20))
                    .as("exit code after a clean stop")
                    .isZero();
            assertThat(example.allOutput())
                    .containsExactly("this will run 3.5 seconds after it was scheduled: hello, world");
        }
    }
}
