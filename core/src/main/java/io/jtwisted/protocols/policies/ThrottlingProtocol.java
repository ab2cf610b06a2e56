package io.jtwisted.protocols.policies;

import io.jtwisted.internet.interfaces.IProducer;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IPushProducer;
import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * The wrapper of {@link ThrottlingFactory}: counts bytes in both directions and pauses reading (the
 * transport) or writing (the registered producer) when the factory says so.
 */
public class ThrottlingProtocol extends ProtocolWrapper {
    private final ThrottlingFactory throttlingFactory;
    private @Nullable IProducer producer;

    public ThrottlingProtocol(ThrottlingFactory factory, IProtocol wrappedProtocol) {
        super(factory, wrappedProtocol);
        this.throttlingFactory = factory;
    }

    @Override
    public void write(byte[] data) {
        throttlingFactory.registerWritten(data.length);
        super.write(data);
    }

    @Override
    public void write(ByteBuffer data) {
        throttlingFactory.registerWritten(data.remaining());
        super.write(data);
    }

    @Override
    public void writeSequence(Iterable<byte[]> data) {
        long total = 0;
        for (byte[] chunk : data) {
            total += chunk.length;
        }
        throttlingFactory.registerWritten(total);
        super.writeSequence(data);
    }

    @Override
    public void dataReceived(byte[] data) {
        throttlingFactory.registerRead(data.length);
        super.dataReceived(data);
    }

    @Override
    public void registerProducer(IProducer producer, boolean streaming) {
        this.producer = producer;
        super.registerProducer(producer, streaming);
    }

    @Override
    public void unregisterProducer() {
        producer = null;
        super.unregisterProducer();
    }

    /** Stops reading from the transport. */
    public void throttleReads() {
        if (transport instanceof IPushProducer reader) {
            reader.pauseProducing();
        }
    }

    /** Starts reading from the transport again. */
    public void unthrottleReads() {
        if (transport instanceof IPushProducer reader) {
            reader.resumeProducing();
        }
    }

    /** Pauses the registered producer, if any. */
    public void throttleWrites() {
        if (producer instanceof IPushProducer writer) {
            writer.pauseProducing();
        }
    }

    /** Resumes the registered producer, if any. */
    public void unthrottleWrites() {
        if (producer instanceof IPushProducer writer) {
            writer.resumeProducing();
        }
    }
}
