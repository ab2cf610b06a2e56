package io.jtwisted.examples.deferred;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What a program's console shows when a Deferred's failure is never handled, and that an async
 * body never finishing does not keep a program alive: real programs in child JVMs, with no SLF4J
 * provider (the default observer writes to standard error).
 */
class UnhandledErrorReportingTest {
    @Test
    void aProgramThatDropsAFailureAndHangsShowsItOnItsConsole() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process process = new ProcessBuilder(
                        java, "-cp", classPath, UnhandledErrorPrograms.DropsAFailureAndHangs.class.getName())
                .redirectErrorStream(true)
                .start();
        List<String> seen = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            // Bounded by the destroy below; readLine returns null once the child is gone.
            Thread watchdog = Thread.ofVirtual().start(() -> {
                try {
                    if (!process.waitFor(30, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException stop) {
                    process.destroyForcibly();
                }
            });
            String line;
            while ((line = out.readLine()) != null) {
                seen.add(line);
                if (line.contains("dropped and never handled")) {
                    break;
                }
            }
            watchdog.interrupt();
        } finally {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(String.join("\n", seen))
                .contains("Unhandled error in Deferred:")
                .contains("java.lang.IllegalStateException: dropped and never handled");
    }

    @Test
    void aFailureStillReferencedAtExitIsReportedByTheShutdownHook() throws Exception {
        ExampleOutput.Run run = ExampleOutput.subprocess(UnhandledErrorPrograms.KeepsAFailureAndExits.class, 30);
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("Unhandled error in Deferred:").contains("kept until exit");
    }

    @Test
    void anAsyncBodyThatNeverFinishesDoesNotKeepTheJvmAlive() throws Exception {
        ExampleOutput.Run run = ExampleOutput.subprocess(UnhandledErrorPrograms.BodyNeverFinishes.class, 30);
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).containsExactly("reactor stopped");
    }
}
