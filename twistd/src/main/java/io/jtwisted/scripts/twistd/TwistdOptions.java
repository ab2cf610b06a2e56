package io.jtwisted.scripts.twistd;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** twistd's own options, as Twisted's {@code ServerOptions}; a plugin's options follow its name. */
@Command(
        name = "twistd",
        sortOptions = false,
        usageHelpAutoWidth = true,
        synopsisSubcommandLabel = "[PLUGIN [PLUGIN OPTIONS]]",
        commandListHeading = "Plugins:%n",
        description = {
            "Runs a JTwisted application: from a Java source file (-y FILE.java) or from a plugin.",
            "Without -n it daemonizes and logs to twistd.log."
        },
        footer = {"", "`twistd PLUGIN --help` shows a plugin's options."})
final class TwistdOptions {
    @Option(
            names = {"-n", "--nodaemon"},
            description = "Don't daemonize; log to standard output unless -l says otherwise.")
    boolean nodaemon;

    @Option(
            names = {"-y", "--java"},
            paramLabel = "FILE",
            description = "Read the application from a Java source file: its class's static application() (or field).")
    @Nullable
    String file;

    @Option(
            names = {"-l", "--logfile"},
            paramLabel = "FILE",
            description =
                    "Log to this file ('-' for standard output). Default: twistd.log, or standard output with -n.")
    @Nullable
    String logfile;

    @Option(
            names = "--logger",
            paramLabel = "CLASS.METHOD",
            description = "A static method returning the ILogObserver to log to (instead of the log file).")
    @Nullable
    String logger;

    @Option(
            names = "--pidfile",
            paramLabel = "FILE",
            defaultValue = "twistd.pid",
            description = "Name of the pid file, locked while twistd runs ('' for none). Default: ${DEFAULT-VALUE}.")
    @SuppressWarnings("NullAway.Init") // picocli sets it from defaultValue when it builds the options
    String pidfile;

    @Option(
            names = "--umask",
            paramLabel = "MASK",
            description = "The umask (octal) of the daemon. Default: 0077 when daemonizing, else unchanged.")
    @Nullable
    String umask;

    @Option(
            names = {"-r", "--reactor"},
            paramLabel = "NAME",
            defaultValue = "nio",
            description = "Which reactor to use (see --help-reactors). Default: ${DEFAULT-VALUE}.")
    @SuppressWarnings("NullAway.Init") // picocli sets it from defaultValue when it builds the options
    String reactor;

    @Option(
            names = "--reactors",
            paramLabel = "N",
            defaultValue = "1",
            description = {
                "Run N reactors, one thread each, and spread the connections of the application's TCP servers"
                        + " across them (SO_REUSEPORT); 0: one per available processor. Default: ${DEFAULT-VALUE}."
            })
    int reactors;

    @Option(names = "--help-reactors", description = "List the available reactors and exit.")
    boolean helpReactors;

    @Option(
            names = {"-o", "--no_save"},
            description = "Accepted for Twisted's command lines; JTwisted never saves state.")
    boolean noSave;

    @Option(
            names = "--stop-timeout",
            paramLabel = "SECONDS",
            defaultValue = "10",
            description =
                    "How long SIGTERM/SIGINT wait for the services to stop before forcing. Default: ${DEFAULT-VALUE}.")
    double stopTimeout;

    @Option(names = "--version", versionHelp = true, description = "Print the version and exit.")
    boolean version;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    boolean help;
}
