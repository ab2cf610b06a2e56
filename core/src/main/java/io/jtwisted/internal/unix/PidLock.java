package io.jtwisted.internal.unix;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A lock file that names its owner's PID, as Twisted's {@code FilesystemLock}: a symbolic link
 * whose target is the PID (creating a link is atomic). A lock whose PID is no longer running is
 * stale and may be taken over.
 */
final class PidLock {
    private final Path path;
    private boolean held;
    private boolean clean = true;

    PidLock(Path path) {
        this.path = path;
    }

    /** Takes the lock; false when a live process holds it. {@link #wasClean()} tells whether a stale one was broken. */
    boolean lock() throws IOException {
        String mine = Long.toString(ProcessHandle.current().pid());
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                Files.createSymbolicLink(path, Path.of(mine));
                held = true;
                return true;
            } catch (FileAlreadyExistsException taken) {
                Long owner = ownerOf(path);
                if (owner != null
                        && ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
                    return false;
                }
                clean = false;
                Files.deleteIfExists(path);
            }
        }
        return false;
    }

    /** False when taking the lock broke a stale one (its owner died without unlocking). */
    boolean wasClean() {
        return clean;
    }

    void unlock() {
        if (held) {
            held = false;
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // a lock file we cannot remove is stale for the next owner, which breaks it
            }
        }
    }

    /** True when a live process holds the lock at {@code path}. */
    static boolean isLocked(Path path) {
        Long owner = ownerOf(path);
        return owner != null
                && ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false);
    }

    private static @Nullable Long ownerOf(Path path) {
        try {
            if (!Files.isSymbolicLink(path) && !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            return Long.parseLong(Files.readSymbolicLink(path).toString());
        } catch (NoSuchFileException gone) {
            return null;
        } catch (IOException | NumberFormatException | UnsupportedOperationException unreadable) {
            return null;
        }
    }
}
