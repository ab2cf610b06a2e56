package io.jtwisted.protocols.basic;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IConsumer;
import io.jtwisted.internet.interfaces.IPullProducer;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Sends the contents of a stream to a consumer, one chunk each time the consumer asks, as Twisted's
 * {@code twisted.protocols.basic.FileSender}: a non-streaming ({@link IPullProducer}) producer.
 *
 * <pre>{@code
 * new FileSender().beginFileTransfer(Files.newInputStream(path), transport)
 *         .addCallback(last -> { transport.loseConnection(); return null; });
 * }</pre>
 */
public class FileSender implements IPullProducer {
    /** Twisted's chunk size: 16 KiB. */
    public static final int DEFAULT_CHUNK_SIZE = 1 << 14;

    /** The most bytes read and written per {@link #resumeProducing()}. */
    protected int CHUNK_SIZE = DEFAULT_CHUNK_SIZE;

    /** The stream being sent; null before the transfer and once it has ended. */
    private @Nullable InputStream file;

    @SuppressWarnings("NullAway.Init") // set by beginFileTransfer, the only way this producer gets registered
    private IConsumer consumer;

    private @Nullable UnaryOperator<byte[]> transform;
    /** Fires once; null before the transfer and after it has fired. */
    private @Nullable Deferred<byte[]> deferred;

    private byte[] lastSent = new byte[0];

    /** Sets the chunk size. */
    public void setChunkSize(int chunkSize) {
        if (chunkSize <= 0) {
            throw new IllegalArgumentException("chunk size must be positive: " + chunkSize);
        }
        CHUNK_SIZE = chunkSize;
    }

    /** {@link #beginFileTransfer(InputStream, IConsumer, UnaryOperator)} without a transform. */
    public Deferred<byte[]> beginFileTransfer(InputStream file, IConsumer consumer) {
        return beginFileTransfer(file, consumer, null);
    }

    /**
     * Registers this sender with {@code consumer} (as a pull producer) and starts the transfer.
     *
     * @param transform applied to each chunk before it is written, or {@code null}
     * @return fires with the last byte sent (an empty array for an empty stream) once everything
     *     was written and the producer unregistered; fails if the consumer stops the transfer or
     *     reading fails
     */
    public Deferred<byte[]> beginFileTransfer(
            InputStream file, IConsumer consumer, @Nullable UnaryOperator<byte[]> transform) {
        this.file = file;
        this.consumer = consumer;
        this.transform = transform;
        Deferred<byte[]> d = new Deferred<>();
        this.deferred = d;
        consumer.registerProducer(this, false);
        return d;
    }

    /** Writes the next chunk; at the end of the stream, unregisters and fires the Deferred. */
    @Override
    public void resumeProducing() {
        byte[] chunk = new byte[0];
        if (file != null) {
            try {
                chunk = file.readNBytes(CHUNK_SIZE);
            } catch (IOException e) {
                finish();
                fail(e);
                return;
            }
        }
        if (chunk.length == 0) {
            finish();
            if (deferred != null) {
                Deferred<byte[]> d = deferred;
                deferred = null;
                d.callback(lastSent);
            }
            return;
        }
        if (transform != null) {
            chunk = transform.apply(chunk);
        }
        consumer.write(chunk);
        lastSent = Arrays.copyOfRange(chunk, chunk.length - 1, chunk.length);
    }

    private void finish() {
        file = null;
        consumer.unregisterProducer();
    }

    /** Does nothing: the consumer asks for each chunk. */
    public void pauseProducing() {}

    /** Abandons the transfer: the Deferred fails with "Consumer asked us to stop producing". */
    @Override
    public void stopProducing() {
        fail(new Exception("Consumer asked us to stop producing"));
    }

    private void fail(Exception reason) {
        if (deferred != null) {
            Deferred<byte[]> d = deferred;
            deferred = null;
            d.errback(reason);
        }
    }
}
