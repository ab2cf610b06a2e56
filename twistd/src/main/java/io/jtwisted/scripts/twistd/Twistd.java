package io.jtwisted.scripts.twistd;

import io.jtwisted.application.service.Application;
import io.jtwisted.application.service.IService;
import io.jtwisted.application.service.IServiceMaker;
import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.group.ReactorGroup;
import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.logger.LogBeginner;
import io.jtwisted.logger.Logger;
import io.jtwisted.python.failure.Failure;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The {@code twistd} command, as Twisted's: {@code twistd [options] -y FILE.java} or
 * {@code twistd [options] PLUGIN [plugin options]} builds an {@link Application}, takes the pid file, sets up
 * logging, daemonizes unless {@code -n}, starts the services once the reactor runs, and on SIGTERM or SIGINT
 * stops them (last started first), waits a bounded time for their Deferreds, stops the reactor and removes
 * the pid file. A command line or application it cannot use ends it with one line on standard error and a
 * non-zero status, before anything started.
 */
public final class Twistd {
    private static final Logger log = Logger.forClass(Twistd.class);
    private static final Map<String, String> REACTORS = Map.of("nio", "the java.nio Selector reactor (epoll on Linux)");

    private Twistd() {}

    /** Runs twistd and exits with its status. */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        System.out.flush();
        System.exit(status);
    }

    /**
     * Runs twistd with {@code args}, writing help and errors to {@code out} and {@code err}.
     *
     * @return the exit status: 0 after a clean stop, 1 when the application cannot start, 2 for a bad command line
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            return start(args, out, err);
        } catch (TacLoader.CompileError e) {
            err.print(e.diagnostics());
            return fail(err, e);
        } catch (StartupError e) {
            return fail(err, e);
        }
    }

    private static int fail(PrintStream err, StartupError e) {
        err.println("twistd: " + e.getMessage());
        Daemon.reportFailure(e.getMessage());
        return e.status();
    }

    private static int start(String[] args, PrintStream out, PrintStream err) throws StartupError {
        TwistdOptions options = new TwistdOptions();
        CommandLine command = new CommandLine(options);
        Plugins plugins = new Plugins(Twistd.class.getClassLoader());
        plugins.addTo(command);
        ParseResult parsed;
        try {
            parsed = command.parseArgs(args);
        } catch (CommandLine.UnmatchedArgumentException e) {
            List<String> unmatched = e.getUnmatched();
            if (!unmatched.isEmpty() && !unmatched.get(0).startsWith("-") && e.getCommandLine() == command) {
                throw StartupError.usage(
                        "unknown plugin '" + unmatched.get(0) + "' (plugins: " + pluginList(plugins) + ")");
            }
            String hint = e.getCommandLine() != command ? " (twistd's own options go before the plugin's name)" : "";
            throw StartupError.usage(oneLine(e.getMessage()) + hint);
        } catch (CommandLine.ParameterException e) {
            throw StartupError.usage(oneLine(e.getMessage()));
        }
        if (command.isUsageHelpRequested()) {
            command.usage(out);
            return 0;
        }
        ParseResult pluginParse = parsed.subcommand();
        if (pluginParse != null && pluginParse.isUsageHelpRequested()) {
            pluginParse.commandSpec().commandLine().usage(out);
            return 0;
        }
        if (command.isVersionHelpRequested()) {
            out.println("twistd (JTwisted) " + version());
            return 0;
        }
        if (options.helpReactors) {
            REACTORS.forEach((name, what) -> out.printf("  %-6s %s%n", name, what));
            return 0;
        }
        if (!REACTORS.containsKey(options.reactor)) {
            throw StartupError.usage("unknown reactor '" + options.reactor + "' (available: "
                    + String.join(", ", REACTORS.keySet()) + ")");
        }
        if (options.umask != null && !options.umask.matches("[0-7]{1,4}")) {
            throw StartupError.usage("--umask takes an octal mask such as 022, not '" + options.umask + "'");
        }
        if (options.reactors < 0) {
            throw StartupError.usage(
                    "--reactors takes a number of reactors (0: one per processor), not " + options.reactors);
        }
        if (!(options.stopTimeout > 0)) {
            throw StartupError.usage("--stop-timeout must be a positive number of seconds");
        }
        IServiceMaker plugin = pluginParse == null
                ? null
                : plugins.makers().get(pluginParse.commandSpec().name());
        if (plugin == null && options.file == null) {
            throw StartupError.usage(
                    "nothing to run: give -y FILE.java or a plugin (plugins: " + pluginList(plugins) + ")");
        }
        if (plugin != null && options.file != null) {
            throw StartupError.usage("give -y FILE.java or a plugin, not both");
        }
        if (!options.nodaemon && !Daemon.isDaemonChild()) {
            if (options.file != null) {
                // Compile errors belong on this terminal; the daemon then finds the classes in the cache.
                new TacLoader(Path.of(options.file), TacLoader.defaultCacheRoot()).compileOnly();
            }
            return Daemon.launch(List.of(args), options.umask != null ? options.umask : "0077");
        }
        if (options.nodaemon && options.umask != null && !options.umask.equals(System.getenv("JTWISTD_UMASK"))) {
            log.warn(
                    "--umask {umask} is only applied by bin/twistd (a JVM cannot change its own umask)", options.umask);
        }
        return runApplication(options, plugin, pluginParse, err);
    }

    private static int runApplication(
            TwistdOptions options, @Nullable IServiceMaker plugin, @Nullable ParseResult pluginParse, PrintStream err)
            throws StartupError {
        PidFile pidFile = options.pidfile.isEmpty() ? null : PidFile.acquire(Path.of(options.pidfile));
        LogSetup logs = null;
        try {
            Application application;
            ClassLoader loader = Twistd.class.getClassLoader();
            if (plugin != null) {
                application = new Application(plugin.tapname());
                makeService(
                                plugin,
                                Plugins.optionsOf(plugin, Objects.requireNonNull(pluginParse, "a plugin's options")))
                        .setServiceParent(application);
            } else {
                TacLoader tac = new TacLoader(Path.of(options.file), TacLoader.defaultCacheRoot());
                application = tac.load();
                loader = tac.loader();
            }
            checkIds(application);
            logs = LogSetup.choose(application, options.logger, options.logfile, options.nodaemon, loader);
            LogBeginner.globalLogBeginner().beginLoggingTo(List.of(logs.observer()), false, true);
            int reactors = options.reactors == 0 ? Runtime.getRuntime().availableProcessors() : options.reactors;
            return serve(application, logs, options.stopTimeout, reactors, err);
        } finally {
            if (logs != null) {
                logs.close();
            }
            if (pidFile != null) {
                pidFile.close();
            }
        }
    }

    private static IService makeService(IServiceMaker plugin, IServiceMaker.Options pluginOptions) throws StartupError {
        try {
            IService service = plugin.makeService(pluginOptions);
            if (service == null) {
                throw new StartupError("plugin " + plugin.tapname() + " made no service");
            }
            return service;
        } catch (IllegalArgumentException bad) {
            throw StartupError.usage(plugin.tapname() + ": " + bad.getMessage());
        } catch (StartupError e) {
            throw e;
        } catch (Exception e) {
            throw new StartupError(
                    "plugin " + plugin.tapname() + " cannot make its service: " + reason(e), StartupError.FAILED, e);
        }
    }

    /** Starts {@code application} on the reactor and runs it until it is stopped; returns the exit status. */
    private static int serve(Application application, LogSetup logs, double stopTimeout, int reactors, PrintStream err)
            throws StartupError {
        Reactor reactor = Reactor.reactor;
        log.info("twistd {version} (java {java}) starting up.", version(), Runtime.version());
        log.info("reactor class: {reactorClass}.", reactor.getClass().getName());
        ReactorGroup group = null;
        if (reactors > 1) {
            // The global reactor is the group's first: everything but the TCP servers stays on it.
            group = ReactorGroup.around(reactor, reactors);
            int spread = GroupSetup.spread(application, group);
            log.info("{reactors} reactors; {spread} TCP servers spread across them.", reactors, spread);
        }
        logs.handleSignals(reactor);
        // Until the reactor runs and installs its own handlers, a SIGTERM or SIGINT waits for it, then stops it.
        for (String signal : List.of("TERM", "INT")) {
            Signals.handle(
                    signal,
                    () -> reactor.callFromThread(() -> {
                        log.info("Received SIG{signal} while starting; shutting down.", signal);
                        reactor.stop();
                    }));
        }
        try {
            application.privilegedStartService();
        } catch (RuntimeException e) {
            stopQuietly(application);
            throw new StartupError("cannot start the application: " + reason(e));
        }
        if (group != null) {
            group.start(); // the others; the first runs below, on this thread
        }
        int[] status = {0};
        reactor.callWhenRunning(() -> {
            try {
                application.startService();
                Daemon.reportStarted();
            } catch (RuntimeException e) {
                status[0] = StartupError.FAILED;
                log.failure("Cannot start the application", e);
                Daemon.reportFailure("cannot start the application: " + reason(e));
                err.println("twistd: cannot start the application: " + reason(e)); // the terminal's, not the log's
                reactor.stop();
            }
        });
        reactor.addSystemEventTrigger("before", "shutdown", () -> stopWithin(application, reactor, stopTimeout));
        reactor.run(true);
        log.info("Main loop terminated.");
        log.info("Server Shut Down.");
        return status[0];
    }

    /** Stops the application, firing when it has stopped or after {@code timeout} seconds, whichever comes first. */
    private static Deferred<@Nullable Void> stopWithin(Application application, Reactor reactor, double timeout) {
        Deferred<@Nullable Void> done = new Deferred<>();
        IDelayedCall force = reactor.callLater(timeout, () -> {
            if (!done.called()) {
                log.warn("The services did not stop within {timeout} seconds; stopping the reactor anyway.", timeout);
                done.callback(null);
            }
        });
        Deferred<@Nullable Object> stopping = Deferred.maybeDeferredDeferring(() -> {
            @SuppressWarnings("unchecked")
            Deferred<@Nullable Object> stopped = (Deferred<@Nullable Object>) application.stopService();
            return stopped != null ? stopped : Deferred.succeed(null);
        });
        stopping.<@Nullable Object>addBoth(result -> {
            if (result instanceof Failure failure) {
                log.failure("Stopping the application failed", failure);
            }
            if (force.active()) {
                force.cancel();
            }
            if (!done.called()) {
                done.callback(null);
            }
            return null;
        });
        return done;
    }

    private static void stopQuietly(Application application) {
        try {
            @SuppressWarnings("unchecked") // its value is never read, so any type will do
            Deferred<@Nullable Object> stopped = (Deferred<@Nullable Object>) application.stopService();
            if (stopped != null) {
                stopped.addErrback(f -> null);
            }
        } catch (RuntimeException ignored) {
            // already failing with the start error
        }
    }

    /** A JVM cannot change its user or group: refuse an application that asks for other ids than ours. */
    private static void checkIds(Application application) throws StartupError {
        if (application.uid() == null && application.gid() == null) {
            return;
        }
        try {
            Path self = Path.of("/proc/self");
            int uid = (Integer) Files.getAttribute(self, "unix:uid");
            int gid = (Integer) Files.getAttribute(self, "unix:gid");
            if ((application.uid() != null && application.uid() != uid)
                    || (application.gid() != null && application.gid() != gid)) {
                throw new StartupError("the application asks to run as uid " + application.uid() + " gid "
                        + application.gid() + ", but this is uid " + uid + " gid " + gid
                        + " and a JVM cannot switch; start twistd as that user");
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new StartupError("cannot check the application's uid/gid: " + reason(e));
        }
    }

    private static String pluginList(Plugins plugins) {
        return plugins.makers().isEmpty()
                ? "none"
                : String.join(", ", plugins.makers().keySet());
    }

    private static String oneLine(@Nullable String message) {
        return message == null ? "bad command line" : message.strip().replace('\n', ' ');
    }

    /** An exception as a short reason: its message, or its class when it has none. */
    static String reason(Throwable e) {
        String message = e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof io.jtwisted.internet.error.CannotListenError && e.getCause() != null && message != null) {
            return message;
        }
        return message != null ? message : e.getClass().getName();
    }

    /** JTwisted's version, from the build. */
    static String version() {
        try (InputStream in = Twistd.class.getResourceAsStream("twistd.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
