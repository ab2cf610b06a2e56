package io.jtwisted.examples.deferred;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs an example and returns what it printed. */
final class ExampleOutput {
    /** What a run printed, and how it ended. */
    record Run(String out, String err, int exitCode) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    private ExampleOutput() {}

    /** Runs {@code main} of a synchronous example in this JVM with System.out captured. */
    static synchronized String inProcess(ThrowingMain main) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            main.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    /**
     * Runs {@code mainClass} in a new JVM on this test's class path (examples that run the global
     * reactor, which can run once per process), waiting at most {@code timeoutSeconds}.
     */
    static Run subprocess(Class<?> mainClass, long timeoutSeconds, String... args)
            throws IOException, InterruptedException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-cp", classPath, mainClass.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(mainClass.getSimpleName() + " did not end within " + timeoutSeconds + " s");
        }
        return new Run(out.join(), err.join(), process.exitValue());
    }

    private static String drain(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    interface ThrowingMain {
        void run() throws Exception;
    }
}
