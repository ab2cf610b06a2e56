package io.jtwisted.examples.process;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.error.ProcessTerminated;
import io.jtwisted.internet.protocol.ProcessProtocol;
import io.jtwisted.python.failure.Failure;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Runs a command as a child of the reactor and streams its output as it arrives: its stdout to
 * ours, its stderr to ours, then one line saying how it ended; exits with its exit code (128 plus
 * the signal, as shells do, when a signal killed it). Ctrl-C or SIGTERM stop the reactor, and
 * a "before shutdown" trigger passes SIGTERM on to the child and holds the shutdown until the
 * child has ended. {@code bin/run-example RunCommand COMMAND [ARG...]}, e.g. {@code
 * bin/run-example RunCommand ping -c 3 127.0.0.1}.
 */
@Example(value = "Runs a command and streams its output as it arrives", usage = "COMMAND [ARG...]")
public class RunCommand extends ProcessProtocol {
    private final Deferred<@Nullable Void> ended = new Deferred<>();
    private int exitStatus;
    private boolean shuttingDown;

    @Override
    public void connectionMade() {
        transport.closeStdin(); // the command gets no input
    }

    @Override
    public void outReceived(byte[] data) {
        System.out.write(data, 0, data.length);
        System.out.flush();
    }

    @Override
    public void errReceived(byte[] data) {
        System.err.write(data, 0, data.length);
        System.err.flush();
    }

    @Override
    public void processEnded(Failure reason) {
        super.processEnded(reason);
        if (reason.value() instanceof ProcessTerminated terminated) {
            if (terminated.signal() != null) {
                System.out.println("[killed by signal " + terminated.signal() + "]");
                exitStatus = 128 + terminated.signal();
            } else if (terminated.exitCode() != null) { // always, when no signal killed it
                System.out.println("[exited with code " + terminated.exitCode() + "]");
                exitStatus = terminated.exitCode();
            }
        } else {
            System.out.println("[exited with code 0]");
        }
        System.out.flush();
        ended.callback(null);
        if (!shuttingDown) {
            reactor.stop();
        }
    }

    /** Passes SIGTERM on to a child still running when the reactor stops; the shutdown waits for its end. */
    private @Nullable Object stopChild() {
        shuttingDown = true;
        if (!connected) {
            return null;
        }
        transport.signalProcess("TERM");
        return ended;
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            throw new IllegalArgumentException("COMMAND is required");
        }
        RunCommand command = new RunCommand();
        List<String> argv = Arrays.asList(args);
        try {
            reactor.spawnProcess(command, args[0], argv, null, null); // null: the command gets our environment
        } catch (UncheckedIOException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
        reactor.addSystemEventTrigger("before", "shutdown", command::stopChild);
        reactor.run();
        System.exit(command.exitStatus);
    }
}
