package io.jtwisted.internet.utils;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internal.reactor.NioReactor;
import io.jtwisted.internal.tcp.Loop;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.error.ProcessDone;
import io.jtwisted.python.failure.Failure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * getProcessOutput, getProcessValue and getProcessOutputAndValue with real Python children.
 * Ported from twisted/test/test_iutils.py ProcessUtilsTests: test_output, test_outputWithErrorIgnored,
 * test_outputWithErrorCollected, test_value, test_outputAndValue, test_outputSignal,
 * test_getProcessOutputPath, test_getProcessValuePath, test_getProcessOutputAndValuePath,
 * test_get_processOutputAndValueStdin, and the three *DefaultPath tests as "no path: this
 * process's working directory" (Twisted's make the parent's directory unreadable after a chdir;
 * a JVM cannot change its working directory). Not ported: SuppressWarningsTests and
 * DeferredSuppressedWarningsTests (Python's warnings module, which has no counterpart here).
 * Added: a program that cannot be started fails the Deferred.
 */
class UtilsTest {
    private static final String PYTHON = "/usr/bin/python3";

    private final NioReactor reactor = new NioReactor();

    @TempDir
    Path dir;

    private String script(String... lines) throws IOException {
        Path file = Files.createTempFile(dir, "script", ".py");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file.toString();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void getProcessOutputFiresWithEverythingWrittenToStdout() throws IOException {
        String script = script(
                "import sys",
                "for s in b'hello world\\n':",
                "    sys.stdout.buffer.write(bytes([s]))",
                "    sys.stdout.flush()");
        byte[] out = Loop.result(reactor, Utils.getProcessOutput(reactor, PYTHON, List.of("-u", script)));
        assertThat(text(out)).isEqualTo("hello world\n");
    }

    @Test
    void getProcessOutputFailsWithUnexpectedErrorOutputWhenTheChildWritesToStderr() throws IOException {
        String script = script("import sys", "sys.stderr.write('hello world\\n')");
        Failure failure = Loop.failure(reactor, Utils.getProcessOutput(reactor, PYTHON, List.of("-u", script)));
        assertThat(failure.value())
                .isInstanceOf(IOException.class)
                .isInstanceOf(UnexpectedErrorOutput.class)
                .hasMessage("got stderr: b'hello world\\n'");
        Deferred<Void> ended = ((UnexpectedErrorOutput) failure.value()).processEnded();
        assertThat(Loop.failure(reactor, ended).check(ProcessDone.class)).isEqualTo(ProcessDone.class);
    }

    @Test
    void getProcessOutputWithErrortooCollectsStderrToo() throws IOException {
        String script = script(
                "import sys",
                "sys.stdout.write('foo')",
                "sys.stdout.flush()",
                "sys.stderr.write('foo')",
                "sys.stderr.flush()");
        byte[] out = Loop.result(
                reactor, Utils.getProcessOutput(reactor, PYTHON, List.of("-u", script), Map.of(), null, true));
        assertThat(text(out)).isEqualTo("foofoo");
    }

    @Test
    void getProcessValueFiresWithTheExitCode() throws IOException {
        String script = script("raise SystemExit(1)");
        assertThat(Loop.result(reactor, Utils.getProcessValue(reactor, PYTHON, List.of("-u", script))))
                .isEqualTo(1);
    }

    @Test
    void getProcessOutputAndValueFiresWithStdoutStderrAndTheExitCode() throws IOException {
        String script = script(
                "import sys",
                "sys.stdout.buffer.write(b'hello world!\\n')",
                "sys.stderr.buffer.write(b'goodbye world!\\n')",
                "sys.exit(1)");
        OutputAndValue result =
                Loop.result(reactor, Utils.getProcessOutputAndValue(reactor, PYTHON, List.of("-u", script)));
        assertThat(text(result.out())).isEqualTo("hello world!\n");
        assertThat(text(result.err())).isEqualTo("goodbye world!\n");
        assertThat(result.code()).isEqualTo(1);
    }

    @Test
    void getProcessOutputAndValueFailsWithTheOutputAndTheSignalOfAKilledChild() throws IOException {
        String script = script(
                "import sys, os, signal",
                "sys.stdout.write('stdout bytes\\n')",
                "sys.stderr.write('stderr bytes\\n')",
                "sys.stdout.flush()",
                "sys.stderr.flush()",
                "os.kill(os.getpid(), signal.SIGKILL)");
        Failure failure = Loop.failure(reactor, Utils.getProcessOutputAndValue(reactor, PYTHON, List.of("-u", script)));
        OutputAndSignal killed = (OutputAndSignal) failure.value();
        assertThat(text(killed.out())).isEqualTo("stdout bytes\n");
        assertThat(text(killed.err())).isEqualTo("stderr bytes\n");
        assertThat(killed.signal()).isEqualTo(9);
    }

    @Test
    void getProcessValueFiresWithNullForAKilledChild() throws IOException {
        String script = script("import os, signal", "os.kill(os.getpid(), signal.SIGKILL)");
        assertThat(Loop.result(reactor, Utils.getProcessValue(reactor, PYTHON, List.of(script))))
                .isNull();
    }

    private String cwdScript() throws IOException {
        return script("import os, sys", "sys.stdout.write(os.getcwd())");
    }

    @Test
    void getProcessOutputRunsInThePathGiven() throws IOException {
        Path path = Files.createDirectory(dir.resolve("there")).toRealPath();
        byte[] out = Loop.result(
                reactor,
                Utils.getProcessOutput(reactor, PYTHON, List.of("-u", cwdScript()), Map.of(), path.toString()));
        assertThat(text(out)).isEqualTo(path.toString());
    }

    @Test
    void getProcessValueRunsInThePathGiven() throws IOException {
        Path path = Files.createDirectory(dir.resolve("there")).toRealPath();
        String script = script("import os, sys", "sys.exit(0 if os.getcwd() == sys.argv[1] else 3)");
        assertThat(Loop.result(
                        reactor,
                        Utils.getProcessValue(
                                reactor, PYTHON, List.of("-u", script, path.toString()), Map.of(), path.toString())))
                .isZero();
    }

    @Test
    void getProcessOutputAndValueRunsInThePathGiven() throws IOException {
        Path path = Files.createDirectory(dir.resolve("there")).toRealPath();
        OutputAndValue result = Loop.result(
                reactor,
                Utils.getProcessOutputAndValue(reactor, PYTHON, List.of("-u", cwdScript()), Map.of(), path.toString()));
        assertThat(text(result.out())).isEqualTo(path.toString());
        assertThat(result.code()).isZero();
    }

    @Test
    void withoutAPathEachRunsInThisProcesssWorkingDirectory() throws IOException {
        String here = Path.of("").toAbsolutePath().toRealPath().toString();
        String script = cwdScript();
        Deferred<byte[]> output = Utils.getProcessOutput(reactor, PYTHON, List.of("-u", script));
        Deferred<OutputAndValue> both = Utils.getProcessOutputAndValue(reactor, PYTHON, List.of("-u", script));
        Deferred<Integer> value = Utils.getProcessValue(
                reactor,
                PYTHON,
                List.of("-c", "import os, sys; sys.exit(0 if os.getcwd() == sys.argv[1] else 3)", here));
        assertThat(text(Loop.result(reactor, output))).isEqualTo(here);
        assertThat(text(Loop.result(reactor, both).out())).isEqualTo(here);
        assertThat(Loop.result(reactor, value)).isZero();
    }

    @Test
    void stdinBytesAreWrittenToTheChildAndItsStdinClosed() throws IOException {
        String script = script("import sys", "sys.stdout.write(sys.stdin.read())");
        byte[] input = "These are the bytes to see.".getBytes(StandardCharsets.US_ASCII);
        OutputAndValue result = Loop.result(
                reactor, Utils.getProcessOutputAndValue(reactor, PYTHON, List.of("-u", script), Map.of(), null, input));
        assertThat(text(result.out())).contains("These are the bytes to see.");
        assertThat(result.code()).isZero();
    }

    @Test
    void aProgramThatCannotBeStartedFailsTheDeferred() {
        Failure failure = Loop.failure(reactor, Utils.getProcessOutput(reactor, "/no/such/program", List.of()));
        assertThat(failure.value()).isInstanceOf(UncheckedIOException.class);
    }
}
