package io.jtwisted.examples.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Task.react and Task.cooperate on the process-wide global reactor, which can run only once per
 * JVM: each case runs {@link GlobalReactorTaskMain} in a child JVM.
 *
 * <p>Covers Twisted's test_task ReactTests.test_defaultReactor (react uses the global reactor and
 * exits with the Deferred's outcome) and test_cooperator AliasTests.test_cooperate (the global
 * cooperator runs the iterator given to {@code cooperate}).
 */
class GlobalReactorTaskTest {
    @Test
    @Timeout(60)
    void reactRunsTheGlobalReactorAndExitsWithZeroOnSuccess() throws Exception {
        ChildJvm.Outcome outcome = ChildJvm.run(GlobalReactorTaskMain.class, 50, "ok");
        assertThat(outcome.stdout().split("\\R")).containsExactly("same reactor: true", "one", "two", "three", "done");
        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
    }

    @Test
    @Timeout(60)
    void reactExitsWithOneAndLogsTheFailure() throws Exception {
        ChildJvm.Outcome outcome = ChildJvm.run(GlobalReactorTaskMain.class, 50, "fail");
        assertThat(outcome.stdout().split("\\R")).containsExactly("same reactor: true", "one", "two", "three", "done");
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.stderr()).contains("main function encountered error").contains("main failed");
    }

    @Test
    @Timeout(60)
    void reactExitsWithTheCodeOfSystemExit() throws Exception {
        ChildJvm.Outcome outcome = ChildJvm.run(GlobalReactorTaskMain.class, 50, "exit7");
        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(7);
        assertThat(outcome.stderr()).doesNotContain("main function encountered error");
    }
}
