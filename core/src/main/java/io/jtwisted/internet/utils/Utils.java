package io.jtwisted.internet.utils;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.error.ProcessTerminated;
import io.jtwisted.internet.interfaces.IReactorProcess;
import io.jtwisted.internet.protocol.ProcessProtocol;
import io.jtwisted.python.failure.Failure;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Running a program and getting its result as a {@link Deferred}, as Twisted's {@code
 * twisted.internet.utils}: {@link #getProcessOutput}, {@link #getProcessValue}, {@link
 * #getProcessOutputAndValue}. Unlike {@code spawnProcess}, {@code args} does not start with the
 * program's name. As in Twisted the default environment is empty: pass {@code System.getenv()}
 * (or {@code null}) to give the child this process's. Call these on the reactor thread; a child
 * that cannot be started fails the returned Deferred.
 */
public final class Utils {
    private Utils() {}

    /** {@link #getProcessOutput(IReactorProcess, String, List, Map, String, boolean)} with an empty environment, here, stderr unexpected. */
    public static Deferred<byte[]> getProcessOutput(IReactorProcess reactor, String executable, List<String> args) {
        return getProcessOutput(reactor, executable, args, Map.of(), null, false);
    }

    /** {@link #getProcessOutput(IReactorProcess, String, List, Map, String, boolean)} with stderr unexpected. */
    public static Deferred<byte[]> getProcessOutput(
            IReactorProcess reactor,
            String executable,
            List<String> args,
            @Nullable Map<String, String> env,
            @Nullable String path) {
        return getProcessOutput(reactor, executable, args, env, path, false);
    }

    /**
     * Runs {@code executable} and fires with everything it wrote to stdout once it has ended,
     * whatever its exit code.
     *
     * @param errortoo true to take stderr too (interleaved with stdout as it arrives); false to
     *     fail, at the first byte on stderr, with {@link UnexpectedErrorOutput} (whose {@code
     *     processEnded()} fires when the child has ended) and close the child's pipes
     */
    public static Deferred<byte[]> getProcessOutput(
            IReactorProcess reactor,
            String executable,
            List<String> args,
            @Nullable Map<String, String> env,
            @Nullable String path,
            boolean errortoo) {
        Deferred<byte[]> result = new Deferred<>();
        return spawn(reactor, new BackRelay(result, errortoo), result, executable, args, env, path);
    }

    /** {@link #getProcessValue(IReactorProcess, String, List, Map, String)} with an empty environment, here. */
    public static Deferred<@Nullable Integer> getProcessValue(
            IReactorProcess reactor, String executable, List<String> args) {
        return getProcessValue(reactor, executable, args, Map.of(), null);
    }

    /**
     * Runs {@code executable} and fires with its exit code once it has ended; with {@code null}
     * when a signal killed it (Twisted's {@code None}).
     */
    public static Deferred<@Nullable Integer> getProcessValue(
            IReactorProcess reactor,
            String executable,
            List<String> args,
            @Nullable Map<String, String> env,
            @Nullable String path) {
        Deferred<@Nullable Integer> result = new Deferred<>();
        return spawn(reactor, new ValueGetter(result), result, executable, args, env, path);
    }

    /** {@link #getProcessOutputAndValue(IReactorProcess, String, List, Map, String, byte[])} with an empty environment, here, no input. */
    public static Deferred<OutputAndValue> getProcessOutputAndValue(
            IReactorProcess reactor, String executable, List<String> args) {
        return getProcessOutputAndValue(reactor, executable, args, Map.of(), null, null);
    }

    /** {@link #getProcessOutputAndValue(IReactorProcess, String, List, Map, String, byte[])} with no input. */
    public static Deferred<OutputAndValue> getProcessOutputAndValue(
            IReactorProcess reactor,
            String executable,
            List<String> args,
            @Nullable Map<String, String> env,
            @Nullable String path) {
        return getProcessOutputAndValue(reactor, executable, args, env, path, null);
    }

    /**
     * Runs {@code executable} and fires, once it has ended, with its stdout, its stderr and its
     * exit code; fails with {@link OutputAndSignal} (the same output and the signal) if a signal
     * killed it.
     *
     * @param stdinBytes written to the child's stdin, which is then closed; {@code null} to write
     *     nothing and leave stdin open, as Twisted's
     */
    public static Deferred<OutputAndValue> getProcessOutputAndValue(
            IReactorProcess reactor,
            String executable,
            List<String> args,
            @Nullable Map<String, String> env,
            @Nullable String path,
            byte @Nullable [] stdinBytes) {
        Deferred<OutputAndValue> result = new Deferred<>();
        return spawn(reactor, new EverythingGetter(result, stdinBytes), result, executable, args, env, path);
    }

    private static <T extends @Nullable Object> Deferred<T> spawn(
            IReactorProcess reactor,
            ProcessProtocol protocol,
            Deferred<T> result,
            String executable,
            List<String> args,
            @Nullable Map<String, String> env,
            @Nullable String path) {
        List<String> argv = new ArrayList<>(args.size() + 1);
        argv.add(executable);
        argv.addAll(args);
        try {
            reactor.spawnProcess(protocol, executable, argv, env, path);
        } catch (RuntimeException e) {
            return Deferred.fail(e);
        }
        return result;
    }

    /** Twisted's {@code _BackRelay}: stdout (and stderr if wanted) into one result. */
    private static final class BackRelay extends ProcessProtocol {
        private final ByteArrayOutputStream output = new ByteArrayOutputStream();
        private final boolean errortoo;
        private @Nullable Deferred<byte[]> deferred;
        private @Nullable Deferred<@Nullable Void> onProcessEnded;

        BackRelay(Deferred<byte[]> deferred, boolean errortoo) {
            this.deferred = deferred;
            this.errortoo = errortoo;
        }

        @Override
        public void outReceived(byte[] data) {
            output.writeBytes(data);
        }

        @Override
        public void errReceived(byte[] data) {
            if (errortoo) {
                output.writeBytes(data);
            } else if (deferred != null) {
                onProcessEnded = new Deferred<>();
                Deferred<byte[]> failed = deferred;
                deferred = null;
                failed.errback(new UnexpectedErrorOutput(data, onProcessEnded));
                transport.loseConnection();
            }
        }

        @Override
        public void processEnded(Failure reason) {
            super.processEnded(reason);
            if (deferred != null) {
                deferred.callback(output.toByteArray());
            } else if (onProcessEnded != null) {
                onProcessEnded.errback(reason);
            }
        }
    }

    /** Twisted's {@code _ValueGetter}. */
    private static final class ValueGetter extends ProcessProtocol {
        private final Deferred<@Nullable Integer> deferred;

        ValueGetter(Deferred<@Nullable Integer> deferred) {
            this.deferred = deferred;
        }

        @Override
        public void processEnded(Failure reason) {
            super.processEnded(reason);
            deferred.callback(exitCode(reason));
        }
    }

    /** Twisted's {@code _EverythingGetter}. */
    private static final class EverythingGetter extends ProcessProtocol {
        private final Deferred<OutputAndValue> deferred;
        private final byte @Nullable [] stdinBytes;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();

        EverythingGetter(Deferred<OutputAndValue> deferred, byte @Nullable [] stdinBytes) {
            this.deferred = deferred;
            this.stdinBytes = stdinBytes;
        }

        @Override
        public void connectionMade() {
            if (stdinBytes != null) {
                transport.writeToChild(0, stdinBytes);
                transport.closeStdin();
            }
        }

        @Override
        public void outReceived(byte[] data) {
            out.writeBytes(data);
        }

        @Override
        public void errReceived(byte[] data) {
            err.writeBytes(data);
        }

        @Override
        public void processEnded(Failure reason) {
            super.processEnded(reason);
            Integer signal = reason.value() instanceof ProcessTerminated terminated ? terminated.signal() : null;
            if (signal != null && signal != 0) {
                deferred.errback(new OutputAndSignal(out.toByteArray(), err.toByteArray(), signal));
            } else {
                Integer code = exitCode(reason);
                deferred.callback(new OutputAndValue(out.toByteArray(), err.toByteArray(), code == null ? 0 : code));
            }
        }
    }

    /** The exit code a {@code processEnded} reason carries; {@code null} for a death by signal. */
    private static @Nullable Integer exitCode(Failure reason) {
        if (reason.value() instanceof ProcessTerminated terminated) {
            return terminated.exitCode();
        }
        return 0; // ProcessDone
    }
}
