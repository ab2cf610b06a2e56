package io.jtwisted.scripts.twistd;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.testing.ExternalCommands;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * twistd run as a child process on this module's class path, in a directory of the test's, its output
 * collected line by line. Closing it kills what is still running.
 */
final class TwistdProcess implements AutoCloseable {
    /** How long a test waits for twistd to say or do something. */
    static final long WAIT_SECONDS = 30;

    private final Process process;
    private final List<String> out = new CopyOnWriteArrayList<>();
    private final List<String> err = new CopyOnWriteArrayList<>();
    private final BlockingQueue<String> fresh = new LinkedBlockingQueue<>();
    private final Thread outReader;
    private final Thread errReader;

    private TwistdProcess(Process process) {
        this.process = process;
        outReader = collect(process.getInputStream(), out, fresh);
        errReader = collect(process.getErrorStream(), err, null);
    }

    /**
     * Starts {@code java ... Twistd args} in {@code dir}, with its compile cache in {@code dir/.cache}, and
     * SIGHUP's disposition reset to the default where {@code env --default-signal} exists: a test run started
     * under {@code nohup} would otherwise hand its ignored SIGHUP down to twistd.
     */
    static TwistdProcess start(Path dir, String... args) throws IOException {
        return startUnder(List.of(), dir, args);
    }

    /**
     * As {@link #start}, with {@code launcher} (a command that ends by executing its arguments, such as
     * {@code sh -c 'exec "$@"' sh}) between the SIGHUP reset and {@code java}.
     */
    static TwistdProcess startUnder(List<String> launcher, Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        if (ExternalCommands.envResetsSighup()) {
            command.addAll(List.of("env", "--default-signal=HUP"));
        }
        command.addAll(launcher);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED"); // as bin/twistd: junixsocket loads a native library
        command.add("-Djtwisted.twistd.cache=" + dir.resolve(".cache"));
        command.add("-cp");
        command.add(classPath());
        command.add(Twistd.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().remove(Daemon.STATUS_FD);
        return new TwistdProcess(builder.start());
    }

    /** Whether this JVM ignores SIGHUP (bit 0 of SigIgn in /proc/self/status): its children inherit that. */
    static boolean thisProcessIgnoresSighup() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(
                                        line.substring("SigIgn:".length()).strip(), 16)
                                & 1)
                        != 0;
            }
        }
        return false;
    }

    /** The module's runtime class path: its classes and what target/classpath.txt lists. */
    static String classPath() throws IOException {
        Path module = Path.of("").toAbsolutePath();
        String dependencies =
                Files.readString(module.resolve("target/classpath.txt")).strip();
        return module.resolve("target/classes") + (dependencies.isEmpty() ? "" : ":" + dependencies);
    }

    private static Thread collect(InputStream stream, List<String> lines, BlockingQueue<String> queue) {
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader in =
                            new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = in.readLine()) != null) {
                            lines.add(line);
                            if (queue != null) {
                                queue.add(line);
                            }
                        }
                    } catch (IOException closed) {
                        // the process ended
                    }
                    if (queue != null) {
                        queue.add(END);
                    }
                },
                "twistd-output");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    @SuppressWarnings("StringCopy") // a distinct instance: the reader compares it by identity to know the output ended
    private static final String END = new String("end of output");

    @SuppressWarnings("ReferenceEquality") // END is told from a real line "end of output" by identity
    private static boolean isEnd(String line) {
        return line == END;
    }

    /** The next output line matching {@code test}, waiting for it; fails the test when none comes. */
    String awaitLine(Predicate<String> test) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left > 0 ? fresh.poll(left, TimeUnit.NANOSECONDS) : null;
            if (line == null) {
                throw new AssertionError("no such line within " + WAIT_SECONDS + " s; out=" + out + " err=" + err);
            }
            if (isEnd(line)) {
                fresh.add(END);
                throw new AssertionError("twistd's output ended without the line; out=" + out + " err=" + err);
            }
            if (test.test(line)) {
                return line;
            }
        }
    }

    /** The port twistd said a factory listens on ("... starting on PORT"). */
    int awaitListeningPort() throws InterruptedException {
        String line = awaitLine(l -> l.contains(" starting on "));
        Matcher m = Pattern.compile("starting on (\\d+)").matcher(line);
        assertThat(m.find()).as(line).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** Waits for the exit and returns the status. */
    int waitFor() throws InterruptedException {
        assertThat(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS))
                .as("twistd exits; out=%s err=%s", out, err)
                .isTrue();
        outReader.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        errReader.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        return process.exitValue();
    }

    Process process() {
        return process;
    }

    List<String> out() {
        return out;
    }

    List<String> err() {
        return err;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
