package io.jtwisted.scripts.twistd;

import io.jtwisted.application.service.Application;
import io.jtwisted.logger.FileLogObserver;
import io.jtwisted.logger.ILogObserver;
import io.jtwisted.logger.Logger;
import io.jtwisted.python.logfile.BaseLogFile;
import io.jtwisted.python.logfile.LogFile;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Chooses where twistd logs, in Twisted's order: the application's {@code ILogObserver} component, else the
 * {@code --logger} factory, else the {@code -l} file ({@code -} for standard output), else standard output
 * with {@code -n} and {@code twistd.log} without. Files rotate at one megabyte; SIGHUP reopens the file (for
 * logrotate) and SIGUSR1 rotates it, as Twisted's twistd does. A twistd started with SIGHUP ignored (under
 * {@code nohup}) cannot take SIGHUP back, unlike Python's: it says so once, at start.
 */
final class LogSetup {
    private static final Logger log = Logger.forClass(LogSetup.class);

    private final ILogObserver observer;
    private final @Nullable BaseLogFile file; // null: twistd opened no log file
    private final boolean nodaemon;

    private LogSetup(ILogObserver observer, @Nullable BaseLogFile file, boolean nodaemon) {
        this.observer = observer;
        this.file = file;
        this.nodaemon = nodaemon;
    }

    static LogSetup choose(
            Application application,
            @Nullable String loggerName,
            @Nullable String logfile,
            boolean nodaemon,
            ClassLoader loader)
            throws StartupError {
        ILogObserver component = application.getComponent(ILogObserver.class);
        if (component != null) {
            return new LogSetup(component, null, nodaemon);
        }
        if (loggerName != null) {
            return new LogSetup(fromFactory(loggerName, loader), null, nodaemon);
        }
        String name = logfile != null ? logfile : nodaemon ? "-" : "twistd.log";
        if (name.equals("-")) {
            // The real standard output: System.out itself is about to be redirected into the log, as Twisted does.
            PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
            return new LogSetup(FileLogObserver.textFileLogObserver(out), null, nodaemon);
        }
        LogFile file;
        try {
            file = LogFile.fromFullPath(name);
        } catch (IOException e) {
            throw new StartupError("cannot open the log file " + name + ": " + Twistd.reason(e));
        }
        return new LogSetup(FileLogObserver.textFileLogObserver(file), file, nodaemon);
    }

    /** Calls {@code --logger a.b.C.method}: a public static method without arguments returning an ILogObserver. */
    private static ILogObserver fromFactory(String name, ClassLoader loader) throws StartupError {
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
            throw StartupError.usage(
                    "--logger takes CLASS.METHOD (a static method returning an ILogObserver), not '" + name + "'");
        }
        String className = name.substring(0, dot);
        String methodName = name.substring(dot + 1);
        try {
            Class<?> type = Class.forName(className, true, loader);
            Method method = type.getMethod(methodName);
            if (!Modifier.isStatic(method.getModifiers())
                    || !ILogObserver.class.isAssignableFrom(method.getReturnType())) {
                throw new StartupError(
                        "--logger " + name + ": " + methodName + "() must be static and return an ILogObserver");
            }
            ILogObserver made = (ILogObserver) method.invoke(null);
            if (made == null) {
                throw new StartupError("--logger " + name + " returned null");
            }
            return made;
        } catch (ClassNotFoundException e) {
            throw new StartupError("--logger " + name + ": no class " + className + " on the class path");
        } catch (NoSuchMethodException e) {
            throw new StartupError(
                    "--logger " + name + ": " + className + " has no public method " + methodName + "()");
        } catch (InvocationTargetException e) {
            Throwable cause = e.getTargetException(); // what the method threw, never null from Method.invoke
            throw new StartupError("--logger " + name + " threw "
                    + cause.getClass().getName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        } catch (IllegalAccessException | LinkageError e) {
            throw new StartupError("--logger " + name + ": " + e);
        }
    }

    ILogObserver observer() {
        return observer;
    }

    /**
     * Installs SIGHUP (reopen) and SIGUSR1 (rotate) for a log file twistd opened; warns once when SIGHUP stays
     * ignored, since a logrotate that moves the file and sends SIGHUP would then leave twistd writing to the
     * moved file without a word.
     */
    void handleSignals(io.jtwisted.internet.Reactor reactor) {
        if (file == null) {
            return;
        }
        boolean rotates = Signals.handle(
                "USR1",
                () -> reactor.callFromThread(() -> {
                    file.rotate();
                    log.info("Rotated the log file {path} (SIGUSR1)", file.path());
                }));
        Signals.Outcome reopen = Signals.install(
                "HUP",
                () -> reactor.callFromThread(() -> {
                    file.reopen();
                    log.info("Reopened the log file {path} (SIGHUP)", file.path());
                }));
        if (reopen == Signals.Outcome.IGNORED) {
            // Daemonized, twistd is in a session of its own (setsid) that no terminal hangs up.
            String fix = nodaemon
                    ? "start twistd without nohup, or without -n: it then daemonizes itself, which needs no nohup"
                    : "twistd daemonizes itself, so nohup is not needed";
            log.warn(
                    "SIGHUP is ignored by this process (started under nohup?): the log file {path} will not be"
                            + " reopened on SIGHUP; " + fix + (rotates ? "; SIGUSR1 still rotates it" : ""),
                    file.path());
        }
    }

    /** Closes the log file twistd opened, if any. */
    void close() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException ignored) {
                // the process is ending
            }
        }
    }
}
