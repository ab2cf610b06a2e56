package io.jtwisted.examples.logging;

import static io.jtwisted.logger.FileLogObserver.textFileLogObserver;
import static io.jtwisted.logger.JsonLog.eventsFromJSONLogFile;
import static io.jtwisted.logger.JsonLog.jsonFileLogObserver;

import io.jtwisted.examples.Example;
import io.jtwisted.logger.FilteringLogObserver;
import io.jtwisted.logger.LogBeginner;
import io.jtwisted.logger.LogEvent;
import io.jtwisted.logger.LogLevel;
import io.jtwisted.logger.LogLevelFilterPredicate;
import io.jtwisted.logger.LogPublisher;
import io.jtwisted.logger.Logger;
import io.jtwisted.python.logfile.LogFile;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The logging chapter's examples in one runnable program: a Logger with named fields, a text log file that
 * rotates, a JSON log read back, and per-namespace levels. {@code bin/run-example LoggingTour DIR} writes
 * its files into DIR.
 */
@Example(
        value = "Logging: named fields, a rotating text log, a JSON log read back, levels per namespace",
        usage = "[DIR]")
public final class LoggingTour {
    private static final Logger log = new Logger();

    private LoggingTour() {}

    /** Emits a few events into {@code publisher}'s observers. */
    static void emitSome(Logger log) {
        log.info("{count} connections from {host}", 3, "127.0.0.1");
        log.debug("chatty detail {}", 42);
        log.warn("disk {percent}% full", 91);
        log.failure("while saving", new IOException("disk full"));
    }

    /** Writes text.log (levels info and up, warn and up for "noisy") and events.json into {@code dir}. */
    public static List<LogEvent> run(Path dir) throws IOException {
        LogPublisher publisher = new LogPublisher();

        LogFile text = new LogFile("text.log", dir.toString(), 1_000_000);
        LogLevelFilterPredicate levels = new LogLevelFilterPredicate(LogLevel.INFO);
        levels.setLogLevelForNamespace("noisy", LogLevel.WARN);
        publisher.addObserver(new FilteringLogObserver(textFileLogObserver(text), List.of(levels)));

        try (var json = Files.newBufferedWriter(dir.resolve("events.json"))) {
            publisher.addObserver(jsonFileLogObserver(json));
            emitSome(new Logger("tour", publisher));
            new Logger("noisy.part", publisher).info("dropped: below noisy's level");
        }
        text.close();

        List<LogEvent> events = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(dir.resolve("events.json"))) {
            for (LogEvent event : eventsFromJSONLogFile(in)) {
                events.add(event);
            }
        }
        return events;
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        LogBeginner.globalLogBeginner().beginLoggingTo(List.of(textFileLogObserver(System.out)));
        for (LogEvent event : run(dir)) {
            log.info("read back: {text}", event.message());
        }
    }
}
