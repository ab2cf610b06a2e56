package io.jtwisted.internet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.testing.ExternalCommands;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link Signals}: real signals raised in this JVM reach the handler, which can be taken back; a child JVM
 * started with SIGHUP ignored (as under {@code nohup}) is told that its SIGHUP handler will never run.
 */
class SignalsTest {
    @Test
    void aRaisedSignalRunsTheHandlerOnTheJvmsSignalThread() throws InterruptedException {
        CountDownLatch received = new CountDownLatch(1);
        String[] thread = new String[1];
        Signals.Installed installed = Signals.handle("USR2", () -> {
            thread[0] = Thread.currentThread().getName();
            received.countDown();
        });
        try {
            assertThat(installed.previouslyIgnored()).isFalse();
            Signals.raise("USR2");
            assertThat(received.await(10, TimeUnit.SECONDS))
                    .as("the handler ran")
                    .isTrue();
            assertThat(thread[0]).isNotEqualTo(Thread.currentThread().getName());
        } finally {
            installed.restore();
        }
    }

    @Test
    void restorePutsBackTheHandlerItReplaced() throws InterruptedException {
        AtomicInteger outer = new AtomicInteger();
        CountDownLatch outerRan = new CountDownLatch(1);
        Signals.Installed first = Signals.handle("USR2", () -> {
            outer.incrementAndGet();
            outerRan.countDown();
        });
        try {
            Signals.Installed second = Signals.handle("USR2", () -> {
                throw new AssertionError("the replaced handler must not run after restore");
            });
            second.restore();
            Signals.raise("USR2");
            assertThat(outerRan.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(outer).hasValue(1);
        } finally {
            first.restore();
        }
    }

    @Test
    void anUnknownSignalIsRefusedByName() {
        assertThatThrownBy(() -> Signals.handle("NOSUCHSIGNAL", () -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NOSUCHSIGNAL");
    }

    @Test
    void aSighupIgnoredAtStartStaysIgnoredAndSaysSo() throws Exception {
        // USR1 ignored too: the JVM takes that one over, so "previously ignored" alone is no verdict.
        List<String> out = runChild("trap '' HUP USR1; exec \"$@\"", "HUP", "USR1");
        assertThat(out)
                .contains("HUP previouslyIgnored=true stillIgnored=true")
                .contains("USR1 previouslyIgnored=true stillIgnored=false")
                .contains("ran USR1")
                .doesNotContain("ran HUP");
    }

    @Test
    void aSighupNotIgnoredAtStartRunsTheHandler() throws Exception {
        List<String> out = runChild("exec \"$@\"", "HUP");
        assertThat(out)
                .contains("HUP previouslyIgnored=false stillIgnored=false")
                .contains("ran HUP");
    }

    /**
     * Runs {@link Child} handling {@code signals} in a JVM started by {@code sh -c script}, sends it each
     * signal in turn with kill(1), and returns its output once the last handler that can run has run.
     * SIGHUP's disposition is first reset, before {@code sh}, to the default with {@code env --default-signal} where that
     * exists, so that a test run started under {@code nohup} does not hand its SIG_IGN down.
     */
    private static List<String> runChild(String script, String... signals) throws Exception {
        List<String> command = new ArrayList<>();
        if (ExternalCommands.envResetsSighup()) {
            command.addAll(List.of("env", "--default-signal=HUP"));
        }
        command.addAll(List.of("sh", "-c", script, "sh"));
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Child.class.getName()));
        command.addAll(List.of(signals));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        List<String> out = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the child is gone
            }
        });
        reader.start();
        try {
            String expectedLast = null;
            for (String line = next(lines, out); !line.equals("ready"); line = next(lines, out)) {
                if (line.endsWith("stillIgnored=false")) {
                    expectedLast = "ran " + line.substring(0, line.indexOf(' '));
                }
            }
            for (String signal : signals) {
                assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid()))
                                .start()
                                .waitFor())
                        .isZero();
            }
            // Signals are handled in the order sent, on one thread: once the last that can run has run, the
            // earlier ones have either run or been dropped by the kernel.
            if (expectedLast != null) {
                while (!next(lines, out).equals(expectedLast)) {
                    // earlier handlers' lines
                }
            }
            child.getOutputStream().close(); // Child exits at the end of its standard input
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child exited").isTrue();
            reader.join(TimeUnit.SECONDS.toMillis(30));
            lines.drainTo(out);
            return out;
        } finally {
            child.destroyForcibly();
        }
    }

    private static String next(BlockingQueue<String> lines, List<String> out) throws InterruptedException {
        String line = lines.poll(30, TimeUnit.SECONDS);
        assertThat(line).as("the child's next line after %s", out).isNotNull();
        out.add(line);
        return line;
    }

    /** The child JVM: handles each signal named in its arguments, says how, runs until its input ends. */
    static final class Child {
        private Child() {}

        public static void main(String[] args) throws IOException {
            for (String name : args) {
                Signals.Installed installed = Signals.handle(name, () -> {
                    System.out.println("ran " + name);
                    System.out.flush();
                });
                System.out.println(name + " previouslyIgnored=" + installed.previouslyIgnored() + " stillIgnored="
                        + installed.stillIgnored());
            }
            System.out.println("ready");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the end of input
            }
        }
    }
}
