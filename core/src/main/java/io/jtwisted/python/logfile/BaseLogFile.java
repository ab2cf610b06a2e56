package io.jtwisted.python.logfile;

import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A log file that can be rotated, as Twisted's {@code BaseLogFile}: a {@link Writer} appending UTF-8 to
 * {@code directory/name}, unbuffered (each write reaches the file), which asks {@link #shouldRotate()} before
 * each write. Safe from any thread: writes, rotations and reopens are serialised.
 */
public abstract class BaseLogFile extends Writer {
    /** The file's name. */
    protected final String name;
    /** The directory holding it. */
    protected final Path directory;
    /** {@code directory/name}. */
    protected final Path path;
    /** The permissions new files get (as {@code 0640}), or {@code null} for the process's default. */
    protected final @Nullable Integer defaultMode;

    @SuppressWarnings("NullAway.Init") // opened by openFile(), which every subclass constructor calls first
    private FileChannel channel;

    private boolean closed;

    /**
     * A log file at {@code directory/name}, not opened yet (subclasses call {@link #openFile()} once they are
     * built). With a {@code null} {@code defaultMode}, an existing file keeps its permissions and a new one
     * gets the process's default.
     */
    protected BaseLogFile(String name, String directory, @Nullable Integer defaultMode) {
        this.name = name;
        this.directory = Path.of(directory);
        this.path = this.directory.resolve(name);
        Integer mode = defaultMode;
        if (mode == null && Files.exists(path)) {
            try {
                mode = toMode(Files.getPosixFilePermissions(path));
            } catch (IOException | UnsupportedOperationException unknown) {
                mode = null;
            }
        }
        this.defaultMode = mode;
    }

    /** True when the next write must rotate the file first. */
    protected abstract boolean shouldRotate();

    /** Moves the current file aside and starts a new one. */
    public abstract void rotate() throws IOException;

    /** The file's path. */
    public Path path() {
        return path;
    }

    /** The file's name. */
    public String name() {
        return name;
    }

    /** The directory holding the file. */
    public Path directory() {
        return directory;
    }

    /** True once {@link #close()} was called. */
    public synchronized boolean closed() {
        return closed;
    }

    /** (Re)opens the file for appending, creating it with {@link #defaultMode} when it does not exist. */
    protected synchronized void openFile() throws IOException {
        boolean existed = Files.exists(path);
        channel =
                FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        closed = false;
        if (defaultMode != null && !existed) {
            try {
                Files.setPosixFilePermissions(path, toPermissions(defaultMode));
            } catch (UnsupportedOperationException | IOException notApplied) {
                // As Twisted: permissions are best effort, logging goes on without them.
            }
        }
        opened();
    }

    /** Called after the file was (re)opened, for subclasses that track its size or date. */
    protected void opened() throws IOException {}

    /** The size of the open file, in bytes. */
    protected synchronized long currentSize() throws IOException {
        return channel.size();
    }

    /** Closes the current file; used by {@link #rotate()} before it renames. */
    protected synchronized void closeFile() throws IOException {
        channel.close();
    }

    /**
     * Closes and reopens the file, as after an outside tool (logrotate) moved it: writes go to a file at
     * {@link #path()} again.
     */
    public synchronized void reopen() throws IOException {
        closeFile();
        openFile();
    }

    /** A reader of the current file. */
    public LogReader getCurrentLog() throws IOException {
        return new LogReader(path);
    }

    @Override
    public synchronized void write(char[] buffer, int offset, int length) throws IOException {
        write(StandardCharsets.UTF_8.encode(CharBuffer.wrap(buffer, offset, length)));
    }

    @Override
    public synchronized void write(String text) throws IOException {
        write(StandardCharsets.UTF_8.encode(text));
    }

    /** Writes {@code bytes} as they are. */
    public synchronized void write(byte[] bytes) throws IOException {
        write(ByteBuffer.wrap(bytes));
    }

    private void write(ByteBuffer bytes) throws IOException {
        if (closed) {
            throw new IOException("log file " + path + " is closed");
        }
        if (shouldRotate()) {
            rotate();
        }
        int length = bytes.remaining();
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        written(length);
    }

    /** Called after {@code length} bytes were written. */
    protected void written(int length) {}

    /** Nothing is buffered: a no-op kept for the {@link Writer} contract. */
    @Override
    public void flush() {}

    /** Closes the file; it cannot be written afterwards (but may be {@link #reopen() reopened}). */
    @Override
    public synchronized void close() throws IOException {
        closed = true;
        channel.close();
    }

    /** True when the directory and the file can be written, so that rotating can succeed. */
    protected boolean canRotate() {
        return Files.isWritable(directory) && Files.isWritable(path);
    }

    static Set<PosixFilePermission> toPermissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
        };
        for (int bit = 0; bit < bits.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                permissions.add(bits[bit]);
            }
        }
        return permissions;
    }

    static int toMode(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (int bit = 0; bit < 9; bit++) {
            if (permissions.containsAll(toPermissions(1 << bit))) {
                mode |= 1 << bit;
            }
        }
        return mode;
    }
}
