package io.jtwisted.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs an example's {@code main} in a JVM of its own (as {@code bin/run-example} does), so that it
 * gets a fresh global reactor and real signals can stop it. Standard output is read line by line;
 * standard error is kept for failure messages.
 */
public final class ExampleProcess implements AutoCloseable {
    private static final String END = "\u0000end-of-output";

    private final Process process;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final Path stderr;

    private ExampleProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader out = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = out.readLine()) != null) {
                            lines.add(line);
                        }
                    } catch (IOException ignored) {
                        // the process went away: END below says so
                    }
                    lines.add(END);
                },
                "example-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code mainClass} with {@code args} on the examples module's run-time class path. */
    public static ExampleProcess start(Class<?> mainClass, String... args) throws IOException {
        return start(List.of(), List.of(), mainClass, args);
    }

    /**
     * Starts {@code mainClass} as {@link #start(Class, String...)} does, with {@code jvmOptions}, the
     * whole command run by {@code launcher} (such as {@code systemd-socket-activate -l PORT}) when that
     * is not empty.
     */
    public static ExampleProcess start(
            List<String> launcher, List<String> jvmOptions, Class<?> mainClass, String... args) throws IOException {
        Path target = Path.of("target");
        String classpath = target.resolve("classes")
                + java.io.File.pathSeparator
                + Files.readString(target.resolve("classpath.txt")).strip();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(launcher);
        command.add(java);
        // as bin/run-example: junixsocket (UNIX datagrams) loads a native library
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, mainClass.getName()));
        command.addAll(List.of(args));
        Path stderr = Files.createTempFile("example-stderr", ".txt");
        Process process =
                new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        process.getOutputStream().close();
        return new ExampleProcess(process, stderr);
    }

    /** The next line of standard output, waiting for it at most {@code seconds}. */
    public String nextLine(double seconds) throws InterruptedException {
        String line = lines.poll((long) (seconds * 1000), TimeUnit.MILLISECONDS);
        assertThat(line)
                .as("a line of output within %s s (stderr: %s)", seconds, stderr())
                .isNotNull();
        assertThat(line).as("output ended (stderr: %s)", stderr()).isNotEqualTo(END);
        seen.add(line);
        return line;
    }

    /** Sends {@code signal} ("INT", "TERM") to the process. */
    public void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                .inheritIO()
                .start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }

    /** Waits for the process to exit (at most {@code seconds}); returns its exit code. */
    public int waitForExit(double seconds) throws InterruptedException {
        boolean exited = process.waitFor((long) (seconds * 1000), TimeUnit.MILLISECONDS);
        assertThat(exited)
                .as("example exited within %s s (stderr: %s)", seconds, stderr())
                .isTrue();
        return process.exitValue();
    }

    /** True if the process is still running after waiting {@code seconds} for it to exit. */
    public boolean stillRunningAfter(double seconds) throws InterruptedException {
        return !process.waitFor((long) (seconds * 1000), TimeUnit.MILLISECONDS);
    }

    /** Every line of standard output read after the process has exited (those read already included). */
    public List<String> allOutput() throws InterruptedException {
        List<String> all = new ArrayList<>(seen);
        String line;
        while ((line = lines.poll(10, TimeUnit.SECONDS)) != null && !line.equals(END)) {
            all.add(line);
        }
        return all;
    }

    public String stderr() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            return "<" + e + ">";
        }
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        Files.deleteIfExists(stderr);
    }
}
