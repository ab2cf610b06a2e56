package io.jtwisted.internal.process;

import io.jtwisted.internal.loop.EventLoop;
import io.jtwisted.internet.error.ProcessExitedAlready;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IProcessProtocol;
import io.jtwisted.internet.interfaces.IProcessTransport;
import io.jtwisted.internet.interfaces.IProducer;
import io.jtwisted.logger.Logger;
import io.jtwisted.python.failure.Failure;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * A child process and its pipes, as Twisted's {@code twisted.internet.process.Process}. Its
 * state lives on the reactor thread; the threads that read and write the pipes ({@link
 * ChildReader}, {@link ChildWriter}) and the JDK's exit notification reach it only through
 * {@code callFromThread}. The protocol hears {@code processEnded} once the child has exited and
 * every pipe has been reported closed, so all the child's output has been delivered by then.
 */
final class ProcessTransport implements IProcessTransport {
    private static final Logger log = Logger.forClass(ProcessTransport.class);
    private static final Executor SIGNAL_SENDER =
            task -> Thread.ofVirtual().name("jtwisted-signal").start(task);

    private final EventLoop reactor;
    private final Process process;
    private final long pid;
    private final @Nullable ChildWriter stdin; // null when the child's fd 0 is not a pipe
    private final ChildReader[] readers = new ChildReader[3]; // by child fd; null where not a pipe
    private final TreeSet<Integer> openPipes = new TreeSet<>(); // pipes whose closing the protocol has not heard
    private @Nullable IProcessProtocol protocol; // null once processEnded was called
    private boolean exited;
    private @Nullable Failure exitReason; // set when the child exits
    private boolean disconnecting;
    private int signalsInFlight; // sent through the shell, not yet delivered
    private CompletableFuture<Void> signalChain = CompletableFuture.completedFuture(null);

    ProcessTransport(
            EventLoop reactor,
            Process process,
            IProcessProtocol protocol,
            boolean stdinPipe,
            boolean stdoutPipe,
            boolean stderrPipe) {
        this.reactor = reactor;
        this.process = process;
        this.pid = process.pid();
        this.protocol = protocol;
        this.stdin = stdinPipe ? new ChildWriter(this, reactor, process.getOutputStream()) : null;
        if (stdinPipe) {
            openPipes.add(0);
        }
        if (stdoutPipe) {
            readers[1] = new ChildReader(this, reactor, 1, process.getInputStream());
            openPipes.add(1);
        }
        if (stderrPipe) {
            readers[2] = new ChildReader(this, reactor, 2, process.getErrorStream());
            openPipes.add(2);
        }
    }

    /** Connects the protocol, then starts the pipe threads and asks the JDK to report the exit. */
    @SuppressWarnings("FutureReturnValueIgnored") // the dependent stage only hands the exit to the reactor
    void start() {
        try {
            Objects.requireNonNull(protocol, "started twice").makeConnection(this);
        } catch (Throwable e) {
            Failure.rethrowIfFatal(e);
            log.failure("Unhandled error in makeConnection of {}; closing its pipes", e, protocol);
            loseConnection();
        }
        String name = "jtwisted-process-" + pid;
        if (stdin != null) {
            stdin.start(name + "-stdin");
        }
        if (readers[1] != null) {
            readers[1].start(name + "-stdout");
        }
        if (readers[2] != null) {
            readers[2].start(name + "-stderr");
        }
        process.onExit().whenComplete((ended, error) -> {
            int exitValue = error == null ? ended.exitValue() : -1;
            reactor.callFromThread(() -> exited(exitValue));
        });
    }

    // ---- events from the pipe threads and the JDK (reactor thread) ----------------------------

    void childData(int childFD, byte[] data) {
        if (protocol == null) {
            return;
        }
        try {
            protocol.childDataReceived(childFD, data);
        } catch (Throwable e) {
            Failure.rethrowIfFatal(e);
            log.failure("Unhandled error in childDataReceived of {}; closing descriptor {}", e, protocol, childFD);
            closeChildFD(childFD);
        }
    }

    /** The pipe to {@code childFD} is closed; tells the protocol once. */
    void pipeLost(int childFD) {
        if (!openPipes.remove(childFD)) {
            return;
        }
        try {
            // A pipe still open means the protocol has not heard processEnded: it is there.
            Objects.requireNonNull(protocol, "ended with a pipe open").childConnectionLost(childFD);
        } catch (Throwable e) {
            Failure.rethrowIfFatal(e);
            log.failure("Unhandled error in childConnectionLost of {}", e, protocol);
        }
        maybeEnded();
    }

    private void exited(int exitValue) {
        exited = true;
        exitReason = ExitStatus.reason(exitValue);
        try {
            // processEnded comes only after the exit: the protocol is there.
            Objects.requireNonNull(protocol, "ended before the exit").processExited(exitReason);
        } catch (Throwable e) {
            Failure.rethrowIfFatal(e);
            log.failure("Unhandled error in processExited of {}", e, protocol);
        }
        if (stdin != null) {
            stdin.abort(); // the JDK closes the pipe at exit: nothing written now can reach anyone
        }
        maybeEnded();
    }

    private void maybeEnded() {
        if (!exited || !openPipes.isEmpty() || protocol == null) {
            return;
        }
        IProcessProtocol ended = protocol;
        protocol = null;
        try {
            ended.processEnded(Objects.requireNonNull(exitReason, "exited without a reason"));
        } catch (Throwable e) {
            Failure.rethrowIfFatal(e);
            log.failure("Unhandled error in processEnded of {}", e, ended);
        }
    }

    // ---- IProcessTransport -------------------------------------------------------------------

    @Override
    public @Nullable Long pid() {
        reactor.checkThread();
        return exited ? null : pid;
    }

    @Override
    public void write(byte[] data) {
        reactor.checkThread();
        if (stdin != null) {
            stdin.write(data);
        }
    }

    @Override
    public void write(ByteBuffer data) {
        byte[] copy = new byte[data.remaining()];
        data.get(copy);
        write(copy);
    }

    @Override
    public void writeSequence(Iterable<byte[]> data) {
        for (byte[] chunk : data) {
            write(chunk);
        }
    }

    @Override
    public void writeToChild(int childFD, byte[] data) {
        reactor.checkThread();
        if (childFD != 0 || stdin == null) {
            throw new IllegalArgumentException(
                    "the child's descriptor " + childFD + " is not a pipe this side writes to");
        }
        stdin.write(data);
    }

    @Override
    public void closeStdin() {
        closeChildFD(0);
    }

    @Override
    public void closeStdout() {
        closeChildFD(1);
    }

    @Override
    public void closeStderr() {
        closeChildFD(2);
    }

    @Override
    public void closeChildFD(int childFD) {
        reactor.checkThread();
        if (childFD == 0 && stdin != null) {
            stdin.loseConnection();
        } else if ((childFD == 1 || childFD == 2) && readers[childFD] != null && !readers[childFD].closed()) {
            readers[childFD].close();
            reactor.callFromThread(() -> pipeLost(childFD)); // later, as Twisted's callLater(0)
        }
    }

    @Override
    public void loseConnection() {
        reactor.checkThread();
        disconnecting = true;
        closeStdin();
        closeStderr();
        closeStdout();
    }

    /**
     * Drops what is still buffered for stdin and closes every pipe now (the protocol hears of
     * stdin at once; a write the child is not reading stays blocked until it reads or exits); the
     * child is not signalled.
     */
    @Override
    public void abortConnection() {
        reactor.checkThread();
        disconnecting = true;
        if (stdin != null) {
            stdin.abort();
        }
        closeStderr();
        closeStdout();
    }

    @Override
    public boolean disconnecting() {
        return disconnecting;
    }

    @Override
    public IAddress getPeer() {
        return ProcessAddress.INSTANCE;
    }

    @Override
    public IAddress getHost() {
        return ProcessAddress.INSTANCE;
    }

    // ---- signals -----------------------------------------------------------------------------

    @Override
    public void signalProcess(String signalName) {
        reactor.checkThread();
        String name = Signals.canonicalName(signalName);
        int number = switch (name) {
            case "KILL" -> Signals.KILL;
            case "TERM" -> Signals.TERM;
            default -> 0;
        };
        send(name, number);
    }

    @Override
    public void signalProcess(int signal) {
        reactor.checkThread();
        Signals.checkNumber(signal);
        send(Integer.toString(signal), signal);
    }

    /**
     * SIGTERM and SIGKILL go through the JDK at once (it checks the process's start time, so a
     * reused PID is never hit); other signals through the shell's {@code kill}, one after another
     * in the order asked. A TERM or KILL asked while such a signal is on its way waits its turn.
     */
    private void send(String signal, int number) {
        if (exited || !process.isAlive()) {
            throw new ProcessExitedAlready();
        }
        if ((number == Signals.KILL || number == Signals.TERM) && signalsInFlight == 0) {
            ProcessHandle handle = process.toHandle();
            boolean sent = number == Signals.KILL ? handle.destroyForcibly() : handle.destroy();
            if (!sent) {
                throw new ProcessExitedAlready();
            }
            return;
        }
        signalsInFlight++;
        signalChain = signalChain
                .thenRunAsync(() -> deliver(signal, number), SIGNAL_SENDER)
                .whenComplete((ignored, error) -> reactor.callFromThread(() -> signalsInFlight--));
    }

    /** On a virtual thread: sends one signal, logging (without failing anything) if it could not be. */
    private void deliver(String signal, int number) {
        if (!process.isAlive()) {
            return; // it exited while the signal waited: as ProcessExitedAlready, but too late to raise
        }
        if (number == Signals.KILL || number == Signals.TERM) {
            ProcessHandle handle = process.toHandle();
            if (number == Signals.KILL) {
                handle.destroyForcibly();
            } else {
                handle.destroy();
            }
            return;
        }
        try {
            Process kill = Signals.killCommand(signal, pid).start();
            String complaint = new String(kill.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (kill.waitFor() != 0) {
                log.warn("Could not send signal {} to process {}: {}", signal, pid, complaint);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not send signal {} to process {}: {}", signal, pid, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- producer and consumer ---------------------------------------------------------------

    /** A producer for the child's stdin; with no stdin pipe it is stopped at once, as Twisted's. */
    @Override
    public void registerProducer(IProducer producer, boolean streaming) {
        reactor.checkThread();
        if (stdin == null) {
            producer.stopProducing();
            return;
        }
        stdin.registerProducer(producer, streaming);
    }

    @Override
    public void unregisterProducer() {
        reactor.checkThread();
        if (stdin != null) {
            stdin.unregisterProducer();
        }
    }

    /** Stops reading the child's stdout and stderr (after the chunk in flight) until {@link #resumeProducing()}. */
    @Override
    public void pauseProducing() {
        reactor.checkThread();
        for (ChildReader reader : readers) {
            if (reader != null) {
                reader.pause();
            }
        }
    }

    @Override
    public void resumeProducing() {
        reactor.checkThread();
        for (ChildReader reader : readers) {
            if (reader != null) {
                reader.resume();
            }
        }
    }

    /** Closes the pipes, as {@link #loseConnection()}. */
    @Override
    public void stopProducing() {
        loseConnection();
    }

    @Override
    public String toString() {
        return "<ProcessTransport pid=" + pid + (exited ? " exited" : "") + ">";
    }
}
