package io.jtwisted.examples.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code bin/twistd} started as a user starts it, in a directory of the test's, its standard output and
 * error going to files there ({@code out.txt}, {@code err.txt}). The examples module's build is the one
 * bin/twistd runs on, so the script is told not to check it ({@code JTWISTD_NO_BUILD}).
 */
final class BinTwistd implements AutoCloseable {
    static final long WAIT_SECONDS = 30;
    /** The repository, one level above this module. */
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    final Process process;
    final Path dir;

    private BinTwistd(Process process, Path dir) {
        this.process = process;
        this.dir = dir;
    }

    static BinTwistd start(Path dir, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("bin/twistd").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        builder.environment().putAll(env);
        builder.environment().put("JTWISTD_NO_BUILD", "1");
        builder.environment().put("XDG_CACHE_HOME", dir.resolve(".cache").toString());
        return new BinTwistd(builder.start(), dir);
    }

    /** A loopback port free a moment ago, for an example that listens on a fixed port. */
    static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    /** Waits until {@code file} has a line matching {@code test} and returns it. */
    static String awaitLine(Path file, Predicate<String> test, Process alive) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file)) {
                    if (test.test(line)) {
                        return line;
                    }
                }
            }
            if (alive != null && !alive.isAlive()) {
                throw new AssertionError("twistd exited (" + alive.exitValue() + "); " + file + ": " + read(file));
            }
            Thread.onSpinWait(); // the line comes from another process: there is nothing to be notified by
        }
        throw new AssertionError("no such line in " + file + " within " + WAIT_SECONDS + " s: " + read(file));
    }

    String awaitOutput(Predicate<String> test) throws IOException {
        return awaitLine(dir.resolve("out.txt"), test, process);
    }

    static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "(no file)";
    }

    static void signal(long pid, String name) throws IOException, InterruptedException {
        assertThat(new ProcessBuilder("kill", "-" + name, Long.toString(pid))
                        .start()
                        .waitFor())
                .isZero();
    }

    /** Sends SIGTERM and returns the exit status. */
    int terminate() throws IOException, InterruptedException {
        signal(process.pid(), "TERM");
        return waitFor();
    }

    int waitFor() throws InterruptedException, IOException {
        assertThat(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS))
                .as("twistd exits; err: %s", read(dir.resolve("err.txt")))
                .isTrue();
        return process.exitValue();
    }

    @Override
    public void close() {
        // bin/twistd execs the JVM, so this is the twistd process itself.
        process.destroyForcibly();
    }
}
