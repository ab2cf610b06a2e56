package io.jtwisted.examples.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.examples.ExampleProcess;
import org.junit.jupiter.api.Test;

/**
 * CancelCall never prints: after the 5 s at which the cancelled call would have run, the process is
 * still running with no output, and SIGTERM stops it cleanly.
 */
class CancelCallTest {
    @Test
    void cancelledCallNeverRunsAndSigtermStopsTheReactor() throws Exception {
        try (ExampleProcess example = ExampleProcess.start(CancelCall.class)) {
            assertThat(example.stillRunningAfter(6))
                    .as("still running past the cancelled call's time")
                    .isTrue();
            example.signal("TERM");
            assertThat(example.waitForExit(20))
                    .as("exit code after a clean stop")
                    .isZero();
            assertThat(example.allOutput()).isEmpty();
        }
    }
}
