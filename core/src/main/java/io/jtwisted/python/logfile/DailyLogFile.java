package io.jtwisted.python.logfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A log file that starts afresh each day, as Twisted's {@code DailyLogFile}: the first write on a new local
 * date renames the file to {@code name.Y_M_D} (the date of its last write, without zero padding, as Twisted
 * writes it, e.g. {@code my.log.2024_5_1}) and opens a new one.
 */
public class DailyLogFile extends BaseLogFile {
    private final Clock clock;

    @SuppressWarnings("NullAway.Init") // set by opened(), which the constructor's openFile() calls
    private LocalDate lastDate;

    /** Opens (or creates) {@code directory/name}, dating writes by the system clock in the local time zone. */
    public DailyLogFile(String name, String directory) throws IOException {
        this(name, directory, null, Clock.system(java.time.ZoneId.systemDefault()));
    }

    /**
     * Opens (or creates) {@code directory/name}, dating writes by {@code clock} in its zone (tests pass a
     * fixed or adjustable clock).
     *
     * @param defaultMode the permissions a new file gets (as {@code 0640}), or {@code null}
     */
    @SuppressWarnings("this-escape") // the file opens at construction, as Twisted's DailyLogFile
    public DailyLogFile(String name, String directory, @Nullable Integer defaultMode, Clock clock) throws IOException {
        super(name, directory, defaultMode);
        this.clock = clock;
        openFile();
    }

    /** A daily log file at {@code filename}, as Twisted's {@code fromFullPath}. */
    public static DailyLogFile fromFullPath(String filename) throws IOException {
        Path full = Path.of(filename).toAbsolutePath();
        return new DailyLogFile(full.getFileName().toString(), parentOf(full));
    }

    /** The directory of an absolute path; "/" itself has none. */
    static String parentOf(Path full) {
        return Objects.requireNonNull(full.getParent(), "no directory above " + full)
                .toString();
    }

    /** The local date of the last write (or of the file's last change, just after it was opened). */
    public synchronized LocalDate lastDate() {
        return lastDate;
    }

    /** The local date of {@code instant}. */
    public LocalDate toDate(Instant instant) {
        return LocalDate.ofInstant(instant, zone());
    }

    /** Today's local date. */
    public LocalDate toDate() {
        return LocalDate.now(clock);
    }

    /** The suffix of the file holding {@code date}'s lines: {@code Y_M_D}. */
    public static String suffix(LocalDate date) {
        return date.getYear() + "_" + date.getMonthValue() + "_" + date.getDayOfMonth();
    }

    @Override
    protected void opened() throws IOException {
        lastDate = toDate(Files.getLastModifiedTime(path).toInstant());
    }

    @Override
    protected synchronized boolean shouldRotate() {
        return toDate().isAfter(lastDate);
    }

    @Override
    protected synchronized void written(int length) {
        LocalDate today = toDate();
        if (today.isAfter(lastDate)) {
            lastDate = today;
        }
    }

    /** Renames the file after {@link #lastDate()} and opens a new one; does nothing if that name is taken. */
    @Override
    public synchronized void rotate() throws IOException {
        if (!canRotate()) {
            return;
        }
        Path newPath = directory.resolve(name + "." + suffix(lastDate));
        if (Files.exists(newPath)) {
            return;
        }
        closeFile();
        Files.move(path, newPath);
        openFile();
    }

    /**
     * A reader of the file holding {@code date}'s lines: the current file for the current date.
     *
     * @throws IllegalArgumentException when there is no such file
     */
    public LogReader getLog(LocalDate date) throws IOException {
        if (date.equals(lastDate())) {
            return getCurrentLog();
        }
        Path file = directory.resolve(name + "." + suffix(date));
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("no such logfile exists: " + file);
        }
        return new LogReader(file);
    }

    private ZoneId zone() {
        return clock.getZone();
    }
}
