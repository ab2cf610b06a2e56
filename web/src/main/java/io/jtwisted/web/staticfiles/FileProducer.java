package io.jtwisted.web.staticfiles;

import io.jtwisted.internet.interfaces.IPushProducer;
import io.jtwisted.logger.Logger;
import io.jtwisted.web.iweb.IRequest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Streams a response made of literal pieces and file regions to a request, as a push producer:
 * it writes until the connection pauses it (above its high-water mark), and goes on when resumed,
 * so that memory stays flat whatever the file's size. Finishes the request at the end; closes the
 * file at the end, or if the client goes away.
 *
 * <p>When the request {@linkplain IRequest#canWriteFile can send file regions} (a plain TCP or
 * UNIX connection) and the file is on the default file system, the file's bytes never enter the heap: each region
 * (the whole file, or one byte range) is handed to the transport as one file region and sent with
 * sendfile; the last region takes the file with it, and the transport closes it once sent. A region
 * costs the heap nothing whatever its length, and one per region keeps the system calls per
 * response at one {@code write} (the head with the file's first bytes, read into the transport's
 * staging buffer) and one {@code transferTo} when the socket takes it whole. The transport counts a
 * region's bytes as queued, so a region above its high-water mark pauses this producer, and the
 * request is finished (and a pipelined request answered) only once the transport has sent it down
 * to its low-water mark and resumed it. Otherwise (TLS, a zip or in-memory file system) each
 * {@link #CHUNK}-byte chunk is read into a new array the transport keeps.
 */
final class FileProducer implements IPushProducer {
    static final int CHUNK = 64 * 1024;
    private static final Logger LOG = Logger.forClass(FileProducer.class);

    /** Literal bytes when {@code literal} is not null, else {@code length} bytes of the file from {@code position}. */
    @SuppressWarnings("ArrayRecordComponent") // a queued piece of output, never compared
    record Piece(byte @Nullable [] literal, long position, long length) {
        static Piece bytes(byte[] b) {
            return new Piece(b, 0, b.length);
        }

        static Piece region(long position, long length) {
            return new Piece(null, position, length);
        }
    }

    private final IRequest request;
    private final SeekableByteChannel file;
    private final List<Piece> pieces;
    private int piece;
    private long done;
    private boolean paused;
    private boolean stopped;
    private boolean producing;
    private final @Nullable FileChannel regions; // the file, when the request sends regions of it; else null
    private int lastRegionPiece = -1;

    /**
     * @param mayTransfer whether {@code file}'s channel may be handed to the transport: true only for
     *     the JDK's own file channels (the default file system's), whose {@code transferTo} never
     *     blocks on a non-blocking socket
     */
    FileProducer(IRequest request, SeekableByteChannel file, List<Piece> pieces, boolean mayTransfer) {
        this.request = request;
        this.file = file;
        this.pieces = pieces;
        this.regions = mayTransfer && file instanceof FileChannel fc && request.canWriteFile() ? fc : null;
        for (int i = 0; i < pieces.size(); i++) {
            if (pieces.get(i).literal() == null) {
                lastRegionPiece = i;
            }
        }
    }

    /** Registers with the request and starts writing. */
    void start() {
        request.registerProducer(this, true);
        if (!stopped) {
            resumeProducing();
        }
    }

    @Override
    public void pauseProducing() {
        paused = true;
    }

    @Override
    public void resumeProducing() {
        paused = false;
        if (producing) {
            return; // resumed from inside our own write: the loop below goes on
        }
        producing = true;
        try {
            produce();
        } finally {
            producing = false;
        }
    }

    private void produce() {
        while (!paused && !stopped) {
            if (piece == pieces.size()) {
                if (regions == null) {
                    close(); // with regions, the transport closes the file after the last one
                }
                request.unregisterProducer();
                request.finish();
                return;
            }
            Piece p = pieces.get(piece);
            byte[] literal = p.literal();
            if (literal != null) {
                piece++;
                request.write(literal);
                continue;
            }
            if (regions != null) {
                boolean lastOfFile = piece == lastRegionPiece;
                piece++;
                request.writeFile(regions, p.position(), p.length(), lastOfFile);
                continue;
            }
            int n = (int) Math.min(CHUNK, p.length() - done);
            byte[] chunk = new byte[n];
            try {
                readFully(p.position() + done, chunk);
            } catch (IOException e) {
                LOG.failure("Error reading a file being sent to {}", e, request.getClientAddressString());
                close();
                request.unregisterProducer();
                request.loseConnection();
                return;
            }
            done += n;
            if (done == p.length()) {
                piece++;
                done = 0;
            }
            request.write(chunk);
        }
    }

    private void readFully(long position, byte[] into) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(into);
        if (file instanceof FileChannel fc) {
            // A positional read (pread): no seek, one system call per chunk.
            while (b.hasRemaining()) {
                if (fc.read(b, position + b.position()) < 0) {
                    throw new IOException("file shorter than when it was opened");
                }
            }
            return;
        }
        file.position(position);
        while (b.hasRemaining()) {
            if (file.read(b) < 0) {
                throw new IOException("file shorter than when it was opened");
            }
        }
    }

    @Override
    public void stopProducing() {
        stopped = true;
        close();
    }

    private void close() {
        try {
            file.close();
        } catch (IOException ignored) {
            // nothing more to read from it either way
        }
    }
}
