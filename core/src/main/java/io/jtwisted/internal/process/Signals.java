package io.jtwisted.internal.process;

import java.util.Locale;
import java.util.Set;

/**
 * Signal names and numbers, and sending a signal to a child. The JDK sends only SIGTERM and
 * SIGKILL ({@link ProcessHandle#destroy()}, {@link ProcessHandle#destroyForcibly()}); any other
 * signal is sent by the shell's {@code kill} ({@code /bin/sh -c 'kill -s SIG PID'}), which
 * knows the platform's numbering, so that no native code is needed.
 */
final class Signals {
    /** The highest signal number (Linux's SIGRTMAX). */
    static final int MAX = 64;

    static final int KILL = 9;
    static final int TERM = 15;

    private static final Set<String> NAMES = Set.of(
            "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "IOT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2", "PIPE",
            "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU", "XFSZ", "VTALRM",
            "PROF", "WINCH", "IO", "POLL", "PWR", "SYS");

    private Signals() {}

    /**
     * The name {@code kill -s} takes for {@code signalName} ("TERM", "SIGTERM", "term" all give
     * "TERM").
     *
     * @throws IllegalArgumentException if no signal has that name
     */
    static String canonicalName(String signalName) {
        String name = signalName.toUpperCase(Locale.ROOT);
        if (name.startsWith("SIG")) {
            name = name.substring(3);
        }
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("no signal is named " + signalName);
        }
        return name;
    }

    /** @throws IllegalArgumentException unless {@code signal} is between 1 and {@link #MAX} */
    static void checkNumber(int signal) {
        if (signal < 1 || signal > MAX) {
            throw new IllegalArgumentException("not a signal number: " + signal);
        }
    }

    /** The command that sends {@code signal} (a name or a number) to {@code pid}. */
    static ProcessBuilder killCommand(String signal, long pid) {
        return new ProcessBuilder("/bin/sh", "-c", "kill -s \"$1\" \"$2\"", "kill", signal, Long.toString(pid))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectErrorStream(false);
    }
}
