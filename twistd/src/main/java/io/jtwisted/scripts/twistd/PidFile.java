package io.jtwisted.scripts.twistd;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The pid file, held with an exclusive lock for the life of the process: the lock, not the pid written in
 * the file, says whether a twistd runs. A file left by a process that died holds no lock and is taken over,
 * even if its pid now belongs to another process (the pain of Twisted's pid check). The lock is an
 * {@code fcntl} lock, which the system drops when the process ends however it ends.
 */
final class PidFile implements AutoCloseable {
    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;

    private PidFile(Path path, FileChannel channel, FileLock lock) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code path} and writes this process's pid into it.
     *
     * @throws StartupError when another live process holds the file, or it cannot be written
     */
    static PidFile acquire(Path path) throws StartupError {
        FileChannel channel;
        try {
            channel = FileChannel.open(
                    path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StartupError("cannot open the pid file " + path + ": " + Twistd.reason(e));
        }
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                String holder = new String(Files.readAllBytes(path), StandardCharsets.US_ASCII).strip();
                channel.close();
                throw new StartupError("another twistd is running" + (holder.isEmpty() ? "" : " with pid " + holder)
                        + " (it holds the lock on " + path + "); stop it, or give this one another --pidfile");
            }
            channel.truncate(0);
            channel.write(
                    ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(true);
            return new PidFile(path, channel, lock);
        } catch (IOException e) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing with the first error
            }
            throw new StartupError("cannot write the pid file " + path + ": " + Twistd.reason(e));
        }
    }

    Path path() {
        return path;
    }

    /** Removes the file, then lets the lock go. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // The lock still goes with the process; a file left behind holds no lock and is taken over.
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // closing is best effort at exit
        }
    }
}
