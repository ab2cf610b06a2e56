package io.jtwisted.internal.process;

import io.jtwisted.internet.error.ProcessDone;
import io.jtwisted.internet.error.ProcessTerminated;
import io.jtwisted.python.failure.Failure;

/**
 * Turns the JDK's exit value of a child into Twisted's reason. The JDK folds the wait status into
 * one number: the exit code for a normal exit, 128 plus the signal number for a death by signal
 * (as shells report {@code $?}). That number is read the shells' way: 129 to 192 (128 plus a
 * signal from 1 to 64) is a death by that signal, anything else an exit code. A child that
 * calls {@code exit(130)} itself is therefore reported as killed by SIGINT: the JDK keeps nothing
 * that would tell the two apart.
 */
final class ExitStatus {
    private static final int SIGNAL_BASE = 128;

    private ExitStatus() {}

    /** The reason for {@code processExited} and {@code processEnded} of a child whose exit value is {@code exitValue}. */
    static Failure reason(int exitValue) {
        if (exitValue == 0) {
            return new Failure(new ProcessDone(0));
        }
        if (exitValue > SIGNAL_BASE && exitValue <= SIGNAL_BASE + Signals.MAX) {
            int signal = exitValue - SIGNAL_BASE;
            return new Failure(new ProcessTerminated(null, signal, signal));
        }
        return new Failure(new ProcessTerminated(exitValue, null, (exitValue & 0xff) << 8));
    }
}
