package io.jtwisted.scripts.twistd;

import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Daemonizing, the way a JVM can: a JVM cannot fork, so twistd starts itself again, detached. The child runs
 * under {@code setsid} (a new session, no controlling terminal), with the umask applied by {@code sh} before
 * it execs the JVM, and with its standard streams on {@code /dev/null}; its file descriptor 3 is a pipe back
 * to the parent. The child starts the application and then reports on that pipe: {@code ok}, or the
 * one-line reason it could not start. The parent waits for that line, prints the reason if there is one,
 * and exits with the child's verdict, so a start-up failure of a daemon still reaches the terminal and the
 * exit status, as with Twisted's {@code twistd}.
 */
final class Daemon {
    /** Set in the daemon's environment: the file descriptor of the status pipe. */
    static final String STATUS_FD = "JTWISTD_STATUS_FD";

    private static final String OK = "ok";
    private static final long STARTUP_LIMIT_SECONDS = 120;

    private Daemon() {}

    /** True in the daemon started by {@link #launch}. */
    static boolean isDaemonChild() {
        return System.getenv(STATUS_FD) != null;
    }

    /**
     * Starts the daemon with the same JVM, class path and arguments, and waits until it reports.
     *
     * @param umask the daemon's umask, as octal digits
     * @return the exit status for the parent: 0 once the daemon runs
     */
    static int launch(List<String> arguments, String umask) throws StartupError {
        if (!Files.isExecutable(Path.of("/usr/bin/setsid")) && !Files.isExecutable(Path.of("/bin/setsid"))) {
            throw new StartupError("cannot daemonize: setsid (util-linux) is not installed; run with -n");
        }
        List<String> command = new ArrayList<>();
        command.add("setsid");
        command.add("/bin/sh");
        command.add("-c");
        command.add("umask " + umask + " && exec \"$@\" 3>&1 >/dev/null 2>&1 </dev/null");
        command.add("twistd");
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Twistd.class.getName());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put(STATUS_FD, "3");
        builder.redirectErrorStream(false);
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process child;
        try {
            child = builder.start();
        } catch (IOException e) {
            throw new StartupError("cannot start the daemon: " + Twistd.reason(e));
        }
        String status = readStatus(child);
        if (OK.equals(status)) {
            return 0;
        }
        if (status != null) {
            throw new StartupError(status);
        }
        try {
            if (!child.waitFor(5, TimeUnit.SECONDS)) {
                throw new StartupError(
                        "the daemon did not report its start within " + STARTUP_LIMIT_SECONDS + " seconds");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new StartupError(
                "the daemon exited with status " + child.exitValue() + " before it started (see its log)");
    }

    private static String readStatus(Process child) throws StartupError {
        BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String[] line = {null};
        Thread reader = new Thread(
                () -> {
                    try {
                        line[0] = in.readLine();
                    } catch (IOException ignored) {
                        // the child went away: no status
                    }
                },
                "twistd-daemon-status");
        reader.setDaemon(true);
        reader.start();
        try {
            reader.join(TimeUnit.SECONDS.toMillis(STARTUP_LIMIT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (reader.isAlive()) {
            throw new StartupError("the daemon (pid " + child.pid() + ") did not report its start within "
                    + STARTUP_LIMIT_SECONDS + " seconds");
        }
        return line[0];
    }

    /** In the daemon: tells the parent the application runs. */
    static void reportStarted() {
        report(OK);
    }

    /** In the daemon: tells the parent why the application could not start. */
    static void reportFailure(String reason) {
        report(reason.replace('\n', ' '));
    }

    private static void report(String line) {
        String fd = System.getenv(STATUS_FD);
        if (fd == null) {
            return;
        }
        try (OutputStream out = new FileOutputStream("/proc/self/fd/" + fd)) {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException parentGone) {
            // Nobody is waiting any more; the log has the story.
        }
    }
}
