package io.jtwisted.web.staticfiles;

import io.jtwisted.internet.interfaces.IPushProducer;
import io.jtwisted.logger.Logger;
import io.jtwisted.web.iweb.IRequest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.util.List;

/**
 * Streams a response made of literal pieces and file regions to a request, as a push producer:
 * it writes {@link #CHUNK}-byte chunks until the connection pauses it (above its high-water
 * mark), and goes on when resumed, so that memory stays flat whatever the file's size. Finishes
 * the request and closes the file at the end; closes the file if the client goes away.
 *
 * <p>Core's transports take byte arrays only, so each chunk is read into a new array the
 * transport keeps; a transport that could take a file region ({@code FileChannel.transferTo},
 * i.e. sendfile) would save that copy.
 */
final class FileProducer implements IPushProducer {
    static final int CHUNK = 64 * 1024;
    private static final Logger LOG = Logger.forClass(FileProducer.class);

    /** Literal bytes when {@code literal} is not null, else {@code length} bytes of the file from {@code position}. */
    @SuppressWarnings("ArrayRecordComponent") // a queued piece of output, never compared
    record Piece(byte[] literal, long position, long length) {
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

    FileProducer(IRequest request, SeekableByteChannel file, List<Piece> pieces) {
        this.request = request;
        this.file = file;
        this.pieces = pieces;
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
                close();
                request.unregisterProducer();
                request.finish();
                return;
            }
            Piece p = pieces.get(piece);
            if (p.literal() != null) {
                piece++;
                request.write(p.literal());
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
