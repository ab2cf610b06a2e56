package io.jtwisted.examples.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.examples.ExampleProcess;
import org.junit.jupiter.api.Test;

/** The RunCommand example in its own JVM, with real commands. */
class RunCommandTest {
    @Test
    void streamsStdoutAndStderrAndExitsWithTheCommandsCode() throws Exception {
        try (ExampleProcess example =
                ExampleProcess.start(RunCommand.class, "/bin/sh", "-c", "echo one; echo two >&2; exit 3")) {
            assertThat(example.nextLine(30)).isEqualTo("one");
            assertThat(example.nextLine(30)).isEqualTo("[exited with code 3]");
            assertThat(example.waitForExit(20)).isEqualTo(3);
            assertThat(example.stderr()).isEqualTo("two\n");
        }
    }

    @Test
    void outputArrivesWhileTheCommandRunsAndSigtermIsPassedOnToIt() throws Exception {
        try (ExampleProcess example =
                ExampleProcess.start(RunCommand.class, "/bin/sh", "-c", "echo ready; exec sleep 60")) {
            assertThat(example.nextLine(30))
                    .isEqualTo("ready"); // the command is still running: streamed, not collected
            example.signal("TERM");
            assertThat(example.nextLine(30)).isEqualTo("[killed by signal 15]");
            assertThat(example.waitForExit(20)).isEqualTo(128 + 15);
            assertThat(example.stderr()).isEmpty(); // nothing logged: the shutdown waited for the child cleanly
        }
    }

    @Test
    void aCommandThatCannotBeStartedIsOneLineAndAFailure() throws Exception {
        try (ExampleProcess example = ExampleProcess.start(RunCommand.class, "/no/such/command")) {
            assertThat(example.waitForExit(30)).isEqualTo(1);
            assertThat(example.stderr())
                    .startsWith("Cannot run program \"/no/such/command\"")
                    .hasLineCount(1);
        }
    }
}
