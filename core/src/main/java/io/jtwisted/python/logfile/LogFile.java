package io.jtwisted.python.logfile;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A log file that rotates when it reaches a size, as Twisted's {@code LogFile}: rotating renames
 * {@code name} to {@code name.1}, {@code name.1} to {@code name.2}, and so on, dropping the files beyond
 * {@code maxRotatedFiles} when that is set. A rotation that cannot happen (the directory or file is not
 * writable) is skipped and logging goes on in the current file.
 */
public class LogFile extends BaseLogFile {
    /** Twisted's default rotation size: one million bytes. */
    public static final long DEFAULT_ROTATE_LENGTH = 1_000_000;

    private final long rotateLength;
    private final @Nullable Integer maxRotatedFiles;
    private long size;

    /**
     * Opens (or creates) {@code directory/name}.
     *
     * @param rotateLength the size at which the file rotates; 0 or less never rotates by itself
     * @param defaultMode the permissions a new file gets (as {@code 0640}), or {@code null}
     * @param maxRotatedFiles how many rotated files to keep, or {@code null} for all
     * @throws IOException when the file cannot be opened (a missing or unwritable directory)
     */
    @SuppressWarnings("this-escape") // the file opens at construction, as Twisted's LogFile
    public LogFile(
            String name,
            String directory,
            long rotateLength,
            @Nullable Integer defaultMode,
            @Nullable Integer maxRotatedFiles)
            throws IOException {
        super(name, directory, defaultMode);
        this.rotateLength = rotateLength;
        this.maxRotatedFiles = maxRotatedFiles;
        openFile();
    }

    /** A log file rotating at {@link #DEFAULT_ROTATE_LENGTH} bytes, keeping every rotated file. */
    public LogFile(String name, String directory) throws IOException {
        this(name, directory, DEFAULT_ROTATE_LENGTH, null, null);
    }

    /** A log file rotating at {@code rotateLength} bytes. */
    public LogFile(String name, String directory, long rotateLength) throws IOException {
        this(name, directory, rotateLength, null, null);
    }

    /** A log file at {@code filename} (its directory and name split off an absolute path), as Twisted's {@code fromFullPath}. */
    public static LogFile fromFullPath(String filename) throws IOException {
        Path full = Path.of(filename).toAbsolutePath();
        return new LogFile(full.getFileName().toString(), DailyLogFile.parentOf(full));
    }

    /** {@link #fromFullPath(String)} with the given rotation settings. */
    public static LogFile fromFullPath(
            String filename, long rotateLength, @Nullable Integer defaultMode, @Nullable Integer maxRotatedFiles)
            throws IOException {
        Path full = Path.of(filename).toAbsolutePath();
        return new LogFile(
                full.getFileName().toString(), DailyLogFile.parentOf(full), rotateLength, defaultMode, maxRotatedFiles);
    }

    /** The rotation size. */
    public long rotateLength() {
        return rotateLength;
    }

    /** How many rotated files are kept, or {@code null}. */
    public @Nullable Integer maxRotatedFiles() {
        return maxRotatedFiles;
    }

    /** The current file's size in bytes. */
    public synchronized long size() {
        return size;
    }

    @Override
    protected void opened() throws IOException {
        size = currentSize();
    }

    @Override
    protected synchronized boolean shouldRotate() {
        return rotateLength > 0 && size >= rotateLength;
    }

    @Override
    protected synchronized void written(int length) {
        size += length;
    }

    @Override
    public synchronized void rotate() throws IOException {
        if (!canRotate()) {
            return;
        }
        List<Integer> logs = listLogs();
        Collections.reverse(logs);
        for (int identifier : logs) {
            Path old = rotated(identifier);
            if (maxRotatedFiles != null && identifier >= maxRotatedFiles) {
                Files.delete(old);
            } else {
                Files.move(old, rotated(identifier + 1));
            }
        }
        closeFile();
        Files.move(path, rotated(1));
        openFile();
    }

    /** The numbers of the rotated files that exist, in increasing order. */
    public synchronized List<Integer> listLogs() throws IOException {
        List<Integer> result = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, glob(name) + ".*")) {
            for (Path entry : entries) {
                String suffix = entry.getFileName().toString().substring(name.length() + 1);
                try {
                    int identifier = Integer.parseInt(suffix);
                    if (identifier > 0) {
                        result.add(identifier);
                    }
                } catch (NumberFormatException notRotated) {
                    // another file that happens to share the prefix
                }
            }
        }
        Collections.sort(result);
        return result;
    }

    /**
     * A reader of rotated file number {@code identifier}.
     *
     * @throws IllegalArgumentException when there is no such file
     */
    public LogReader getLog(int identifier) throws IOException {
        Path file = rotated(identifier);
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("no such logfile exists: " + file);
        }
        return new LogReader(file);
    }

    private Path rotated(int identifier) {
        return directory.resolve(name + "." + identifier);
    }

    private static String glob(String literal) {
        return literal.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
    }
}
