package io.jtwisted.examples.scheduling;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an example's real {@code main} in a child JVM (the global reactor can run only once per
 * process), with this test's class path, and collects its output.
 */
final class ChildJvm {
    record Outcome(int exitCode, String stdout, String stderr, double elapsedSeconds) {}

    private ChildJvm() {}

    static Outcome run(Class<?> mainClass, long timeoutSeconds, String... args)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command =
                new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of(args));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError(mainClass.getSimpleName() + " did not end within " + timeoutSeconds + " s");
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Outcome(process.exitValue(), stdout, stderr, elapsed);
    }
}
