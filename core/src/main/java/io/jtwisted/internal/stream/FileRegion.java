package io.jtwisted.internal.stream;

import io.jtwisted.logger.Logger;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A part of a file queued on a {@link StreamTransport} among its byte buffers: sent with {@link
 * FileChannel#transferTo} (sendfile), from {@link #position} for {@link #remaining} more bytes.
 */
final class FileRegion {
    private static final Logger LOG = Logger.forClass(FileRegion.class);

    private final FileChannel file;
    private final boolean closeWhenDone;
    private long position;
    private long remaining;

    FileRegion(FileChannel file, long position, long count, boolean closeWhenDone) {
        this.file = file;
        this.position = position;
        this.remaining = count;
        this.closeWhenDone = closeWhenDone;
    }

    /** Bytes of the region not yet sent. */
    long remaining() {
        return remaining;
    }

    /**
     * Sends as much of the region as {@code target} takes now, without blocking.
     *
     * @return the bytes sent (0 when the socket is full)
     * @throws IOException from the socket or the file, or when the file ends before the region does
     */
    long transferTo(WritableByteChannel target) throws IOException {
        long n = file.transferTo(position, remaining, target);
        if (n == 0 && file.size() <= position) {
            // transferTo answers 0 both for a full socket and for a position past the end of the file.
            throw new IOException("file ended at " + file.size() + " bytes, before the " + remaining
                    + " bytes queued from " + position + " were sent");
        }
        position += n;
        remaining -= n;
        return n;
    }

    /** The region is sent or dropped: closes the file if the transport owns it. */
    void release() {
        if (!closeWhenDone) {
            return;
        }
        close(file);
    }

    static void close(FileChannel file) {
        try {
            file.close();
        } catch (IOException e) {
            LOG.debug("error closing {}: {}", file, e);
        }
    }
}
