package io.jtwisted.internal.stream;

import io.jtwisted.logger.Logger;
import java.io.IOException;
import java.nio.ByteBuffer;
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
            throw fileEnded();
        }
        skip(n);
        return n;
    }

    /**
     * Copies the region's next bytes into {@code stage}, as many as fit, with a positional read that
     * moves neither the file nor the region: they count as sent only once {@link #skip} says so.
     *
     * @throws IOException from the file, or when it ends before the region does
     */
    void readAhead(ByteBuffer stage) throws IOException {
        int room = (int) Math.min(stage.remaining(), remaining);
        int limit = stage.limit();
        stage.limit(stage.position() + room);
        try {
            while (stage.hasRemaining()) {
                if (file.read(stage, position + room - stage.remaining()) < 0) {
                    throw fileEnded();
                }
            }
        } finally {
            stage.limit(limit);
        }
    }

    /** Counts {@code n} bytes of the region, read ahead and then written, as sent. */
    void skip(long n) {
        position += n;
        remaining -= n;
    }

    private IOException fileEnded() throws IOException {
        return new IOException("file ended at " + file.size() + " bytes, before the " + remaining
                + " bytes queued from " + position + " were sent");
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
