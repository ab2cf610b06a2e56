package io.jtwisted.internal.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internal.reactor.NioReactor;
import io.jtwisted.internal.tcp.Loop;
import io.jtwisted.internet.ReactorTestSupport.CapturedLog;
import io.jtwisted.internet.error.ProcessDone;
import io.jtwisted.internet.error.ProcessExitedAlready;
import io.jtwisted.internet.error.ProcessTerminated;
import io.jtwisted.internet.interfaces.IProcessTransport;
import io.jtwisted.internet.interfaces.IPushProducer;
import io.jtwisted.python.failure.Failure;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code reactor.spawnProcess} with real children ({@code /bin/sh}, {@code cat}, {@code gzip},
 * {@code /usr/bin/python3}, and the real Twisted as a child), driven on the test's thread.
 *
 * <p>Ported from twisted/test/test_process.py: ProcessTests test_stdio (a real Twisted stdio
 * program as the child), test_unsetPid, test_process (the stages of childDataReceived and
 * childConnectionLost, exit code 23, then ProcessExitedAlready), test_manyProcesses (25 at once),
 * test_echo (70 kB through cat, with writeSequence), test_commandLine (arguments reach the child
 * unchanged); TwoProcessesPosixTests test_close (loseConnection ends a child that reads to end
 * of input) and test_kill (as signalProcess("TERM")); FDTests test_linger (processEnded waits for
 * the exit after the pipes closed, rewritten so the child waits for its stdin instead of
 * sleeping); PosixProcessBase test_normalTermination, test_abnormalTermination,
 * test_signalHUP/INT/KILL/TERM (exit code null, the signal, and WTERMSIG of the status),
 * test_errorInProcessEnded (logged, the reactor goes on); PosixProcessTests test_stderr and
 * test_process (gzip); MockProcessTests test_kill and test_killExited (here with real children);
 * ClosingPipesTests test_stdout and test_stderr (the child's writes fail once the pipe is
 * closed).
 *
 * <p>Not ported: the PTY variants (usePTY: the JDK has no pseudo-terminals; usePTY=true is
 * refused, tested below); FDTests test_FD (descriptors 3 and up: the JDK passes only 0, 1 and 2;
 * refused, tested below); test_executionError and the MockProcessTests fork/exec/setuid cases
 * (they replace os.fork and os.execvpe; here a child that cannot start fails spawnProcess, tested
 * below); test_childSignalHandling (it needs the parent to ignore SIGUSR1, which would change the
 * JVM's own signal handling); test_patchSysStdout* (Python's sys.stdout); the Win32 cases; UtilTests
 * (procutils.which). The cases of twisted/internet/test/test_process.py that exercise the same
 * behaviours are covered by these.
 *
 * <p>Added: flow control both ways (a flooding child is stopped by pauseProducing and blocks on
 * its full pipe; a producer writing to a child that does not read is paused above the high-water
 * mark), exit codes against signals as the JDK reports them, every callback on the reactor
 * thread, and the argument checks of this port.
 */
class ProcessTest {
    private static final String PYTHON = "/usr/bin/python3";
    private static final String SH = "/bin/sh";

    private final NioReactor reactor = new NioReactor();
    private final List<ProcessHandle> children = new ArrayList<>();

    /** No test may leave a child running: one still alive here is killed and fails the test. */
    @AfterEach
    void noChildLeftRunning() {
        List<Long> leaked = new ArrayList<>();
        for (ProcessHandle child : children) {
            if (child.isAlive()) {
                leaked.add(child.pid());
                child.destroyForcibly();
            }
        }
        assertThat(leaked).as("children left running").isEmpty();
    }

    private IProcessTransport spawn(Recorder protocol, String... argv) {
        return spawn(protocol, null, null, argv);
    }

    private IProcessTransport spawn(
            Recorder protocol, Map<String, String> env, Map<Integer, Object> childFDs, String... argv) {
        IProcessTransport transport = reactor.spawnProcess(protocol, argv[0], List.of(argv), env, null, childFDs);
        ProcessHandle.of(transport.pid()).ifPresent(children::add); // absent: it has exited already
        return transport;
    }

    private static String python(String... lines) {
        return String.join("\n", lines);
    }

    private Failure ended(Recorder protocol) {
        Loop.until(reactor, protocol::ended);
        return protocol.endedReason;
    }

    // ---- termination ------------------------------------------------------------------------

    @Test
    void aChildThatExitsWithZeroEndsWithProcessDone() {
        Recorder p = new Recorder();
        spawn(p, "/bin/true");
        Failure reason = ended(p);
        assertThat(reason.check(ProcessDone.class)).isEqualTo(ProcessDone.class);
        ProcessDone done = (ProcessDone) reason.value();
        assertThat(done.exitCode()).isZero();
        assertThat(done.signal()).isNull();
        assertThat(done.status()).isZero();
    }

    @Test
    void aChildThatExitsWithOneEndsWithProcessTerminatedCarryingTheCode() {
        Recorder p = new Recorder();
        spawn(p, PYTHON, "-c", "import sys; sys.exit(1)");
        ProcessTerminated terminated = (ProcessTerminated) ended(p).value();
        assertThat(terminated.exitCode()).isEqualTo(1);
        assertThat(terminated.signal()).isNull();
        assertThat(terminated.status() >> 8).isEqualTo(1); // os.WEXITSTATUS
        assertThat(p.exitedReason.value()).isSameAs(terminated);
    }

    @Test
    void anExitCodeAboveTheSignalRangeIsAnExitCode() {
        Recorder p = new Recorder();
        spawn(p, SH, "-c", "exit 200");
        ProcessTerminated terminated = (ProcessTerminated) ended(p).value();
        assertThat(terminated.exitCode()).isEqualTo(200);
        assertThat(terminated.signal()).isNull();
    }

    @Test
    void aChildThatKillsItselfIsReportedKilledBySignal() {
        Recorder p = new Recorder();
        spawn(p, PYTHON, "-c", "import os, signal; os.kill(os.getpid(), signal.SIGSEGV)");
        ProcessTerminated terminated = (ProcessTerminated) ended(p).value();
        assertThat(terminated.signal()).isEqualTo(11);
        assertThat(terminated.exitCode()).isNull();
        assertThat(terminated.status() & 0x7f).isEqualTo(11); // os.WTERMSIG
        assertThat(terminated.getMessage()).contains("by signal 11");
    }

    /** The documented ambiguity: the JDK reports a death by signal N as exit value 128 + N. */
    @Test
    void exitCode130CannotBeToldFromSigintAndIsReportedAsTheSignal() {
        Recorder p = new Recorder();
        spawn(p, SH, "-c", "exit 130");
        ProcessTerminated terminated = (ProcessTerminated) ended(p).value();
        assertThat(terminated.signal()).isEqualTo(2);
        assertThat(terminated.exitCode()).isNull();
    }

    // ---- signals ----------------------------------------------------------------------------

    private static final String SIGNAL_CHILD = python(
            "import signal, sys",
            "signal.signal(signal.SIGINT, signal.SIG_DFL)",
            "signal.signal(signal.SIGHUP, signal.SIG_DFL)",
            "print('ok, signal us', flush=True)",
            "sys.stdin.read()",
            "sys.exit(1)");

    /** As Twisted's SignalProtocol: the child says it is ready, and its first output sends the signal. */
    private void killedBy(String signal, int number) {
        Recorder p = new Recorder() {
            @Override
            public void outReceived(byte[] data) {
                if (outChunks == 0) {
                    transport.signalProcess(signal);
                }
                super.outReceived(data);
            }
        };
        spawn(p, PYTHON, "-c", SIGNAL_CHILD);
        ProcessTerminated terminated = (ProcessTerminated) ended(p).value();
        assertThat(terminated.exitCode()).as("exit code after SIG%s", signal).isNull();
        assertThat(terminated.signal()).as("signal").isEqualTo(number);
        assertThat(terminated.status() & 0x7f).as("WTERMSIG(status)").isEqualTo(number);
    }

    @Test
    void signalHupKillsTheChildWithSighup() {
        killedBy("HUP", 1);
    }

    @Test
    void signalIntKillsTheChildWithSigint() {
        killedBy("INT", 2);
    }

    @Test
    void signalKillKillsTheChildWithSigkill() {
        killedBy("KILL", 9);
    }

    @Test
    void signalTermKillsTheChildWithSigterm() {
        killedBy("TERM", 15);
    }

    @Test
    void signalNamesMayCarryTheSigPrefix() {
        killedBy("SIGUSR1", 10);
    }

    @Test
    void aSignalMayBeGivenByNumber() {
        Recorder p = new Recorder() {
            @Override
            public void outReceived(byte[] data) {
                if (outChunks == 0) {
                    transport.signalProcess(12); // SIGUSR2
                }
                super.outReceived(data);
            }
        };
        spawn(p, PYTHON, "-c", SIGNAL_CHILD);
        assertThat(((ProcessTerminated) ended(p).value()).signal()).isEqualTo(12);
    }

    @Test
    void signallingAnEndedProcessRaisesProcessExitedAlready() {
        Recorder p = new Recorder();
        IProcessTransport transport = spawn(p, "/bin/true");
        ended(p);
        assertThatThrownBy(() -> transport.signalProcess("INT")).isInstanceOf(ProcessExitedAlready.class);
        assertThatThrownBy(() -> transport.signalProcess("KILL")).isInstanceOf(ProcessExitedAlready.class);
        assertThatThrownBy(() -> transport.signalProcess(1)).isInstanceOf(ProcessExitedAlready.class);
    }

    @Test
    void anUnknownSignalNameOrNumberIsRefused() {
        Recorder p = new Recorder();
        IProcessTransport transport = spawn(p, "cat");
        assertThatThrownBy(() -> transport.signalProcess("NOSUCH")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> transport.signalProcess(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> transport.signalProcess(65)).isInstanceOf(IllegalArgumentException.class);
        transport.closeStdin();
        assertThat(ended(p).check(ProcessDone.class)).isNotNull();
    }

    // ---- pid, stages, output ----------------------------------------------------------------

    @Test
    void pidIsSetUntilTheChildExitsAndNullAfterProcessEnded() {
        Recorder p = new Recorder();
        IProcessTransport transport = spawn(p, "cat");
        assertThat(transport.pid()).isPositive();
        transport.closeStdin();
        ended(p);
        assertThat(transport.pid()).isNull();
    }

    /** Twisted's process_tester, as a Python one-off: each stage is driven by what the parent writes. */
    private static final String STAGES_CHILD = python(
            "import os, sys",
            "b = sys.stdin.buffer.read(4)",
            "sys.stdout.buffer.write(b); sys.stdout.flush(); os.close(1)",
            "b = sys.stdin.buffer.read(4)",
            "sys.stderr.buffer.write(b); sys.stderr.flush(); os.close(2)",
            "sys.stdin.buffer.read(4)",
            "sys.exit(23)");

    /** Twisted's TestProcessProtocol: it overrides childDataReceived and childConnectionLost themselves. */
    private static final class StagesProtocol extends Recorder {
        final List<Integer> stages = new ArrayList<>();
        final StringBuilder data = new StringBuilder();
        final StringBuilder errData = new StringBuilder();

        @Override
        public void connectionMade() {
            stages.add(1);
            transport.write("abcd".getBytes(StandardCharsets.US_ASCII));
        }

        @Override
        public void childDataReceived(int childFD, byte[] chunk) {
            (childFD == 1 ? data : errData).append(new String(chunk, StandardCharsets.US_ASCII));
        }

        @Override
        public void childConnectionLost(int childFD) {
            if (childFD == 1) {
                stages.add(2);
                assertThat(data).hasToString("abcd");
                transport.write("1234".getBytes(StandardCharsets.US_ASCII));
            } else if (childFD == 2) {
                stages.add(3);
                assertThat(errData).hasToString("1234");
                transport.write("abcd".getBytes(StandardCharsets.US_ASCII));
                stages.add(4);
            } else if (childFD == 0) {
                stages.add(5);
            }
        }
    }

    @Test
    void theStagesOfAChildArriveThroughChildDataReceivedAndChildConnectionLost() {
        StagesProtocol p = new StagesProtocol();
        IProcessTransport transport = spawn(p, PYTHON, "-c", STAGES_CHILD);
        ProcessTerminated terminated = (ProcessTerminated) ended(p).value();
        assertThat(p.stages).containsExactly(1, 2, 3, 4, 5);
        assertThat(terminated.exitCode()).isEqualTo(23);
        assertThatThrownBy(() -> transport.signalProcess("INT")).isInstanceOf(ProcessExitedAlready.class);
    }

    @Test
    void twentyFiveChildrenAtOnceEachGoThroughEveryStage() {
        List<StagesProtocol> protocols = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            StagesProtocol p = new StagesProtocol();
            protocols.add(p);
            spawn(p, PYTHON, "-c", STAGES_CHILD);
        }
        Loop.until(reactor, () -> protocols.stream().allMatch(Recorder::ended));
        for (StagesProtocol p : protocols) {
            assertThat(p.stages).containsExactly(1, 2, 3, 4, 5);
            assertThat(((ProcessTerminated) p.endedReason.value()).exitCode()).isEqualTo(23);
        }
    }

    @Test
    void seventyKilobytesWrittenToCatComeBackInOrder() {
        byte[] s = "1234567".repeat(1001).getBytes(StandardCharsets.US_ASCII);
        int n = 10;
        byte[] expected = new byte[s.length * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(s, 0, expected, i * s.length, s.length);
        }
        Recorder p = new Recorder() {
            @Override
            public void connectionMade() {
                for (int i = 0; i < n - 2; i++) {
                    transport.write(s);
                }
                transport.writeSequence(List.of(s, s));
            }

            @Override
            public void outReceived(byte[] data) {
                super.outReceived(data);
                if (out.size() >= expected.length) {
                    transport.closeStdin();
                }
            }
        };
        spawn(p, "cat");
        assertThat(ended(p).check(ProcessDone.class)).isNotNull();
        assertThat(p.out.toByteArray()).isEqualTo(expected);
    }

    @Test
    void argumentsReachTheChildUnchanged() {
        String[] args = {
            "a\\\"b ", "a\\b ", " a\\\\\"b", " a\\\\b", "\"foo bar\" \"", "\tab", "\"\\", "a\"b", "a'b", "", "é ü"
        };
        List<String> argv = new ArrayList<>(List.of(
                PYTHON,
                "-c",
                "import sys\nfor a in sys.argv[1:]: sys.stdout.buffer.write(a.encode('utf-8') + b'\\0')"));
        argv.addAll(Arrays.asList(args));
        Recorder p = new Recorder();
        spawn(p, argv.toArray(String[]::new));
        ended(p);
        assertThat(p.errText()).isEmpty();
        assertThat(p.outText().split("\0", -1)).containsExactly(append(args, ""));
    }

    private static String[] append(String[] array, String last) {
        String[] longer = Arrays.copyOf(array, array.length + 1);
        longer[array.length] = last;
        return longer;
    }

    @Test
    void theRealTwistedStdioChildEchoesWhatWasWrittenBeforeCloseStdin() {
        Recorder p = new Recorder();
        IProcessTransport transport = spawn(p, PYTHON, "-u", "-m", "twisted.test.process_twisted");
        transport.write("hello, world".getBytes(StandardCharsets.US_ASCII));
        transport.write("abc".getBytes(StandardCharsets.US_ASCII));
        transport.write("123".getBytes(StandardCharsets.US_ASCII));
        transport.closeStdin();
        ended(p);
        assertThat(p.outText()).as("stderr: %s", p.errText()).isEqualTo("hello, worldabc123");
    }

    @Test
    void stderrReachesErrReceivedAndThePathIsTheWorkingDirectory() throws IOException {
        Path dir = Files.createTempDirectory("proc").toRealPath();
        try {
            Recorder p = new Recorder();
            reactor.spawnProcess(
                    p,
                    PYTHON,
                    List.of(PYTHON, "-c", "import os, sys; sys.stderr.write('42:' + os.getcwd())"),
                    null,
                    dir.toString());
            ended(p);
            assertThat(p.errText()).isEqualTo("42:" + dir);
            assertThat(p.outText()).isEmpty();
        } finally {
            Files.delete(dir);
        }
    }

    @Test
    void gzipCompressesWhatIsWrittenToItsStdin() throws IOException {
        byte[] s = "there's no place like home!\n".repeat(3).getBytes(StandardCharsets.US_ASCII);
        Recorder p = new Recorder();
        IProcessTransport transport = spawn(p, "gzip", "-c");
        transport.write(s);
        transport.closeStdin();
        assertThat(ended(p).check(ProcessDone.class)).isNotNull();
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(p.out.toByteArray()))) {
            assertThat(in.readAllBytes()).isEqualTo(s);
        }
    }

    @Test
    void theEnvironmentIsExactlyTheOneGivenAndEmptyByDefault() {
        Recorder given = new Recorder();
        spawn(
                given,
                Map.of("ONE", "1", "TWO", "two words"),
                null,
                PYTHON,
                "-c",
                "import os; print(sorted(k + '=' + v for k, v in os.environ.items() if k != 'LC_CTYPE'))");
        Recorder byDefault = new Recorder();
        reactor.spawnProcess(
                byDefault,
                PYTHON,
                List.of(PYTHON, "-c", "import os; print(sorted(k for k in os.environ if k != 'LC_CTYPE'))"));
        Loop.until(reactor, () -> given.ended() && byDefault.ended());
        assertThat(given.outText().strip()).isEqualTo("['ONE=1', 'TWO=two words']");
        assertThat(byDefault.outText().strip()).isEqualTo("[]");
    }

    @Test
    void aNullEnvironmentIsACopyOfThisProcesss() {
        Recorder p = new Recorder();
        spawn(p, PYTHON, "-c", "import os; print(os.environ.get('PATH'))");
        ended(p);
        assertThat(p.outText().strip()).isEqualTo(System.getenv("PATH"));
    }

    // ---- closing ----------------------------------------------------------------------------

    @Test
    void loseConnectionEndsAChildThatReadsToTheEndOfItsInput() {
        Recorder p = new Recorder();
        IProcessTransport transport = spawn(p, PYTHON, "-c", "import sys\nwhile sys.stdin.read(): pass");
        transport.loseConnection();
        assertThat(transport.disconnecting()).isTrue();
        assertThat(ended(p).check(ProcessDone.class)).isNotNull();
        assertThat(p.events)
                .contains("inConnectionLost", "outConnectionLost", "errConnectionLost", "processExited")
                .endsWith("processEnded");
    }

    @Test
    void signalTermEndsAChildThatWaitsForInput() {
        Recorder p = new Recorder();
        IProcessTransport transport = spawn(p, "cat");
        transport.signalProcess("TERM");
        assertThat(((ProcessTerminated) ended(p).value()).signal()).isEqualTo(15);
    }

    @Test
    void processEndedWaitsForTheExitAfterThePipesClosed() {
        Recorder p = new Recorder() {
            @Override
            public void outConnectionLost() {
                super.outConnectionLost();
                assertThat(ended()).isFalse();
                transport.closeStdin(); // the child exits once it sees the end of its input
            }
        };
        spawn(
                p,
                null,
                Map.of(0, "w", 1, "r"),
                PYTHON,
                "-c",
                python(
                        "import os, sys",
                        "print('here is some text'); print('goodbye'); sys.stdout.flush()",
                        "os.close(1); os.close(2)",
                        "sys.stdin.read()"));
        ended(p);
        assertThat(p.outText()).isEqualTo("here is some text\ngoodbye\n");
        assertThat(p.events).containsSubsequence("outConnectionLost", "inConnectionLost", "processEnded");
        assertThat(p.events).doesNotContain("errConnectionLost"); // stderr was not a pipe
    }

    @Test
    void everyPipeIsReportedClosedBeforeProcessEnded() {
        Recorder p = new Recorder();
        spawn(p, SH, "-c", "echo out; echo err >&2");
        ended(p);
        assertThat(p.events.get(0)).isEqualTo("connectionMade");
        assertThat(p.events.subList(1, p.events.size() - 1))
                .containsExactlyInAnyOrder(
                        "out", "inConnectionLost", "outConnectionLost", "errConnectionLost", "processExited");
        assertThat(p.events).last().isEqualTo("processEnded");
        assertThat(p.outText()).isEqualTo("out\n");
        assertThat(p.errText()).isEqualTo("err\n");
    }

    /**
     * ClosingPipesTests: once the pipe is closed, the child's writes fail and it never reaches exit 42.
     * The child writes 1 MiB, more than a pipe holds plus the one chunk a read already blocked in the
     * kernel may still take (see ChildReader#close): so its writes fail however late that read is
     * scheduled, where 4 KB could all fit in the pipe before a busy machine ran the reader.
     */
    private Recorder closingPipe(int fd) {
        Recorder p = new Recorder();
        IProcessTransport transport = spawn(
                p,
                PYTHON,
                "-u",
                "-c",
                python(
                        "input()",
                        "import os, sys",
                        "for i in range(1024):",
                        "    os.write(" + fd + ", b'foo\\n' * 256)",
                        "sys.exit(42)"));
        if (fd == 1) {
            transport.closeStdout();
        } else {
            transport.closeStderr();
        }
        transport.write("go\n".getBytes(StandardCharsets.US_ASCII));
        transport.closeStdin();
        ProcessTerminated terminated = (ProcessTerminated) ended(p).value();
        assertThat(terminated.exitCode()).isNotEqualTo(42);
        assertThat(p.outText()).isEmpty();
        return p;
    }

    @Test
    void closeStdoutMakesTheChildsWritesFailWithABrokenPipe() {
        Recorder p = closingPipe(1);
        assertThat(p.errText()).contains("BrokenPipeError").contains("Broken pipe");
    }

    @Test
    void closeStderrMakesTheChildsWritesToItFail() {
        Recorder p = closingPipe(2);
        assertThat(p.errText()).isEmpty();
    }

    @Test
    void writesToTheChildAfterCloseStdinAreDropped() {
        Recorder p = new Recorder();
        IProcessTransport transport = spawn(p, "cat");
        transport.write("kept".getBytes(StandardCharsets.US_ASCII));
        transport.closeStdin();
        transport.write("dropped".getBytes(StandardCharsets.US_ASCII));
        ended(p);
        assertThat(p.outText()).isEqualTo("kept");
    }

    @Test
    void writeToChildReachesStdinAndRefusesAnotherDescriptor() {
        Recorder p = new Recorder();
        IProcessTransport transport = spawn(p, "cat");
        transport.writeToChild(0, "via fd 0".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> transport.writeToChild(1, new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> transport.writeToChild(3, new byte[1])).isInstanceOf(IllegalArgumentException.class);
        transport.closeStdin();
        ended(p);
        assertThat(p.outText()).isEqualTo("via fd 0");
    }

    // ---- errors in the protocol -------------------------------------------------------------

    @Test
    void anErrorInProcessEndedIsLoggedAndTheReactorGoesOn() {
        Recorder p = new Recorder() {
            @Override
            public void processEnded(Failure reason) {
                super.processEnded(reason);
                throw new IllegalStateException("Deliberate error");
            }
        };
        try (CapturedLog log = new CapturedLog()) {
            IProcessTransport transport = spawn(p, "cat");
            transport.loseConnection();
            ended(p);
            Loop.until(reactor, () -> log.events.stream().anyMatch(e -> e.failure() != null));
            assertThat(log.events)
                    .anyMatch(e -> e.failure() != null
                            && "Deliberate error".equals(e.failure().getErrorMessage()));
        }
        Recorder next = new Recorder();
        spawn(next, "/bin/true");
        assertThat(ended(next).check(ProcessDone.class)).isNotNull();
    }

    @Test
    void anErrorInConnectionMadeIsLoggedAndClosesThePipesSoTheChildEnds() {
        Recorder p = new Recorder() {
            @Override
            public void connectionMade() {
                super.connectionMade();
                throw new IllegalStateException("bad start");
            }
        };
        try (CapturedLog log = new CapturedLog()) {
            IProcessTransport transport = spawn(p, "cat");
            assertThat(transport.disconnecting()).isTrue();
            assertThat(ended(p).check(ProcessDone.class)).isNotNull(); // cat saw the end of its input
            assertThat(log.events)
                    .anyMatch(e -> e.failure() != null
                            && "bad start".equals(e.failure().getErrorMessage()));
        }
    }

    @Test
    void abortConnectionDropsWhatIsStillBufferedForStdin() {
        Recorder p = new Recorder();
        IProcessTransport transport = spawn(p, "cat");
        transport.pauseProducing(); // cat cannot write, so it stops reading: the megabyte stays queued
        transport.write(new byte[1024 * 1024]);
        transport.abortConnection();
        assertThat(p.events).contains("inConnectionLost");
        transport.resumeProducing();
        ended(p);
        assertThat(p.out.size()).isLessThan(1024 * 1024);
    }

    @Test
    void anErrorInOutReceivedClosesStdoutOnly() {
        Recorder p = new Recorder() {
            @Override
            public void outReceived(byte[] data) {
                super.outReceived(data);
                throw new IllegalStateException("bad output");
            }
        };
        try (CapturedLog log = new CapturedLog()) {
            IProcessTransport transport = spawn(
                    p,
                    PYTHON,
                    "-u",
                    "-c",
                    python(
                            "import os, sys",
                            "os.write(1, b'first\\n')", // one write: a second one would fail, stdout being closed
                            "sys.stdin.readline()",
                            "sys.stderr.write('still here')"));
            Loop.until(reactor, () -> p.events.contains("outConnectionLost"));
            assertThat(p.events).doesNotContain("errConnectionLost", "inConnectionLost");
            transport.write("go on\n".getBytes(StandardCharsets.US_ASCII));
            ended(p);
            assertThat(p.errText()).isEqualTo("still here");
            assertThat(log.events)
                    .anyMatch(e -> e.failure() != null
                            && "bad output".equals(e.failure().getErrorMessage()));
        }
    }

    // ---- flow control -----------------------------------------------------------------------

    private static boolean blockedWritingToAPipe(long pid) {
        try {
            return Files.readString(Path.of("/proc/" + pid + "/wchan")).contains("pipe_write");
        } catch (IOException e) {
            return false;
        }
    }

    private static long bytesWritten(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/io"))) {
                if (line.startsWith("wchar:")) {
                    return Long.parseLong(line.substring(6).strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no wchar in /proc/" + pid + "/io");
    }

    /**
     * Absence needs a window: turns the reactor 20 times (at most 10 ms each, so any chunk a
     * reader handed over would be delivered) and checks that nothing reached the protocol and
     * that the child could write no more than what was delivered, plus the one chunk its reader
     * may hold (64 KiB) and a full pipe (64 KiB).
     */
    private void nothingMoves(long pid, Recorder p) {
        int chunks = p.outChunks;
        for (int i = 0; i < 20; i++) {
            reactor.iterate(0.01);
        }
        assertThat(p.outChunks).as("chunks delivered while paused").isEqualTo(chunks);
        assertThat(bytesWritten(pid))
                .as("bytes the paused child could write")
                .isLessThanOrEqualTo(p.out.size() + 2 * 64 * 1024 + 4096);
        assertThat(p.exitedReason).isNull();
    }

    @Test
    void aPausedTransportReadsNothingAndTheFloodingChildBlocksOnItsFullPipe() {
        int total = 4 * 1024 * 1024;
        Recorder p = new Recorder() {
            @Override
            public void connectionMade() {
                super.connectionMade();
                transport.pauseProducing();
            }
        };
        IProcessTransport transport = spawn(p, "head", "-c", Integer.toString(total), "/dev/zero");
        long pid = transport.pid();
        Loop.until(reactor, () -> blockedWritingToAPipe(pid));
        nothingMoves(pid, p);
        assertThat(p.out.size()).isZero();
        transport.resumeProducing();
        assertThat(ended(p).check(ProcessDone.class)).isNotNull();
        assertThat(p.out.size()).isEqualTo(total);
    }

    @Test
    void pausingInOutReceivedStopsDeliveryUntilResumed() {
        int total = 1024 * 1024;
        int[] chunksWhilePaused = {0};
        boolean[] paused = {false};
        Recorder p = new Recorder() {
            @Override
            public void outReceived(byte[] data) {
                if (paused[0]) {
                    chunksWhilePaused[0]++;
                }
                super.outReceived(data);
                if (outChunks == 1) {
                    paused[0] = true;
                    transport.pauseProducing();
                }
            }
        };
        IProcessTransport transport = spawn(p, "head", "-c", Integer.toString(total), "/dev/zero");
        long pid = transport.pid();
        Loop.until(reactor, () -> paused[0] && blockedWritingToAPipe(pid));
        nothingMoves(pid, p);
        assertThat(p.outChunks).isEqualTo(1);
        assertThat(p.out.size()).isLessThan(total);
        paused[0] = false;
        transport.resumeProducing();
        ended(p);
        assertThat(chunksWhilePaused[0]).isZero();
        assertThat(p.out.size()).isEqualTo(total);
    }

    /** A producer for the child's stdin: writes 16 KiB per resume, counts pauses. */
    private static final class Flood implements IPushProducer {
        final IProcessTransport consumer;
        final int limit;
        int written;
        int pauses;
        boolean paused;
        boolean stopped;

        Flood(IProcessTransport consumer, int limit) {
            this.consumer = consumer;
            this.limit = limit;
        }

        void pump() {
            while (!paused && !stopped && written < limit) {
                byte[] chunk = new byte[16 * 1024];
                Arrays.fill(chunk, (byte) 'x');
                written += chunk.length;
                consumer.write(chunk);
            }
            if (written >= limit && !stopped) {
                stopped = true;
                consumer.unregisterProducer();
                consumer.closeStdin();
            }
        }

        @Override
        public void pauseProducing() {
            paused = true;
            pauses++;
        }

        @Override
        public void resumeProducing() {
            paused = false;
            pump();
        }

        @Override
        public void stopProducing() {
            stopped = true;
        }
    }

    @Test
    void aProducerWritingToAChildThatDoesNotReadIsPausedAboveTheHighWaterMark() {
        int total = 2 * 1024 * 1024;
        Recorder p = new Recorder();
        IProcessTransport transport = spawn(p, "cat");
        transport.pauseProducing(); // cat's stdout is not read: it blocks, and stops reading its stdin
        Flood flood = new Flood(transport, total);
        transport.registerProducer(flood, true);
        flood.pump();
        Loop.until(reactor, () -> flood.paused);
        assertThat(flood.written).isLessThan(total);
        transport.resumeProducing();
        ended(p);
        assertThat(flood.pauses).isPositive();
        assertThat(p.out.size()).isEqualTo(total);
    }

    // ---- the reactor thread -----------------------------------------------------------------

    @Test
    void everyCallbackRunsOnTheReactorThread() {
        Recorder p = new Recorder();
        IProcessTransport transport = spawn(p, SH, "-c", "cat; echo done >&2");
        transport.write("some input".getBytes(StandardCharsets.US_ASCII));
        transport.closeStdin();
        ended(p);
        assertThat(p.threads).isNotEmpty().allMatch(t -> t == Thread.currentThread());
        assertThat(p.outText()).isEqualTo("some input");
    }

    @Test
    void theTransportRefusesCallsFromAnotherThreadWhileTheReactorRuns() throws Exception {
        Recorder p = new Recorder();
        IProcessTransport transport = spawn(p, "cat");
        Throwable[] thrown = new Throwable[1];
        reactor.callWhenRunning(() -> {
            Thread other = Thread.ofPlatform().start(() -> {
                try {
                    transport.write(new byte[1]);
                } catch (Throwable e) {
                    thrown[0] = e;
                }
            });
            other.join();
            transport.closeStdin();
        });
        p.endedCallback = reactor::stop;
        reactor.run(false);
        assertThat(thrown[0]).isInstanceOf(io.jtwisted.internet.error.WrongThreadError.class);
        assertThat(p.ended()).isTrue();
    }

    // ---- what this port refuses -------------------------------------------------------------

    @Test
    void aChildThatCannotStartFailsSpawnProcessAndTheProtocolIsNeverConnected() {
        Recorder p = new Recorder();
        assertThatThrownBy(() -> reactor.spawnProcess(p, "/no/such/program", List.of("x")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("/no/such/program");
        assertThat(p.events).isEmpty();
    }

    @Test
    void usePtyIsRefused() {
        assertThatThrownBy(() ->
                        reactor.spawnProcess(new Recorder(), "/bin/true", List.of("true"), Map.of(), null, true, null))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("pseudo-terminal");
    }

    @Test
    void descriptorsAboveTwoAndUnsupportedMappingsAreRefused() {
        Map<Integer, Object> extra = new HashMap<>(Map.of(0, "w", 1, "r", 2, "r", 3, "w"));
        assertThatThrownBy(
                        () -> reactor.spawnProcess(new Recorder(), "/bin/true", List.of("true"), Map.of(), null, extra))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("descriptor 3");
        assertThatThrownBy(() -> reactor.spawnProcess(
                        new Recorder(), "/bin/true", List.of("true"), Map.of(), null, Map.of(1, 2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reactor.spawnProcess(
                        new Recorder(), "/bin/true", List.of("true"), Map.of(), null, Map.of(0, "r")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDescriptorLeftOutOfChildFdsIsDevNull() {
        Recorder p = new Recorder();
        spawn(p, null, Map.of(1, "r"), PYTHON, "-c", "import sys; print(repr(sys.stdin.read()))");
        ended(p);
        assertThat(p.outText().strip()).isEqualTo("''");
        assertThat(p.events).doesNotContain("inConnectionLost", "errConnectionLost");
    }
}
