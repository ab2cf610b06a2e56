package io.jtwisted.logger;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Starts logging for a process, as Twisted's {@code globalLogBeginner}: until {@link #beginLoggingTo} is
 * called, the publisher keeps the latest {@value #BUFFER_SIZE} events and sends them to a temporary
 * observer (SLF4J when a provider is on the class path, else warnings and worse to the error stream);
 * {@code beginLoggingTo} swaps the temporary observer for the chosen ones and replays the kept events to
 * them, so nothing logged during start-up is lost.
 */
public final class LogBeginner {
    /** How many events are kept for replay before logging begins. */
    public static final int BUFFER_SIZE = 1024;

    private static final StackWalker CALLER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    @SuppressWarnings("NullAway.Init") // set by LogPublisher's static initializer, before any use
    static LogBeginner global;

    private final LogPublisher publisher;
    private final LimitedHistoryLogObserver buffer = new LimitedHistoryLogObserver(BUFFER_SIZE);
    private final ILogObserver temporary;
    private final Logger log;
    private StackWalker.@Nullable StackFrame begunAt;

    /**
     * A beginner for {@code publisher}; before logging begins, warnings and worse go to {@code errorStream}
     * ({@code System.err} as it is at each event when null), or to SLF4J when a provider is present.
     */
    public LogBeginner(LogPublisher publisher, @Nullable PrintStream errorStream) {
        this.publisher = publisher;
        this.temporary = DefaultObserver.create(errorStream);
        this.log = new Logger(LogBeginner.class.getName(), publisher);
        publisher.addObserver(buffer);
        publisher.addObserver(temporary);
    }

    /** The beginner of the {@link LogPublisher#globalLogPublisher() global publisher}. */
    public static LogBeginner globalLogBeginner() {
        LogPublisher.globalLogPublisher(); // makes sure the global beginner exists
        return global;
    }

    /** {@code beginLoggingTo(observers, false, true)}. */
    public void beginLoggingTo(List<? extends ILogObserver> observers) {
        beginLoggingTo(observers, false, true);
    }

    /**
     * Sends every event from now on to {@code observers} instead of the temporary observer.
     *
     * @param discardBuffer drop the kept events instead of replaying them to {@code observers}
     * @param redirectStandardIO make {@code System.out} and {@code System.err} log each line they are given,
     *     as events of namespace {@code stdout} (info) and {@code stderr} (error)
     */
    public synchronized void beginLoggingTo(
            List<? extends ILogObserver> observers, boolean discardBuffer, boolean redirectStandardIO) {
        StackWalker.StackFrame caller =
                CALLER.walk(frames -> frames.filter(f -> f.getDeclaringClass() != LogBeginner.class)
                        .findFirst()
                        .orElse(null));
        if (begunAt != null) {
            log.warn(
                    "Warning: primary log target selected twice at {fileNow}:{lineNow} - previously selected at"
                            + " {fileThen}:{lineThen}. Remove one of the calls to beginLoggingTo.",
                    fileOf(caller),
                    lineOf(caller),
                    fileOf(begunAt),
                    lineOf(begunAt));
        }
        begunAt = caller;
        for (ILogObserver observer : observers) {
            publisher.addObserver(observer);
        }
        publisher.removeObserver(temporary);
        publisher.removeObserver(buffer);
        if (!discardBuffer) {
            for (ILogObserver observer : observers) {
                buffer.replayTo(observer);
            }
        }
        if (redirectStandardIO) {
            System.setOut(new PrintStream(
                    new LoggingFile(new Logger("stdout", publisher), LogLevel.INFO, System.out),
                    true,
                    StandardCharsets.UTF_8));
            System.setErr(new PrintStream(
                    new LoggingFile(new Logger("stderr", publisher), LogLevel.ERROR, System.err),
                    true,
                    StandardCharsets.UTF_8));
        }
    }

    private static String fileOf(StackWalker.StackFrame frame) {
        return frame == null ? "<unknown>" : frame.getFileName();
    }

    private static int lineOf(StackWalker.StackFrame frame) {
        return frame == null ? -1 : frame.getLineNumber();
    }
}
