package io.jtwisted.protocols.policies;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import io.jtwisted.internet.interfaces.IReactorTime;
import io.jtwisted.logger.Logger;
import io.jtwisted.python.failure.ThrowingRunnable;
import java.util.ArrayList;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Limits the number of connections and the read and write bandwidth of a factory's protocols, as
 * Twisted's {@code twisted.protocols.policies.ThrottlingFactory}.
 *
 * <p>Over {@link #maxConnectionCount()} connections, new ones are refused. Once a second the bytes
 * read (written) during the last second are compared with the limit; over it, reading (writing)
 * pauses on every connection for as long as the excess needs at the limit's rate. Writes are only
 * throttled for protocols that registered a streaming producer.
 *
 * <pre>{@code
 * IProtocolFactory f = new ThrottlingFactory(Factory.forProtocol(Echo::new), 100)
 *         .withReadLimit(1_000_000).withWriteLimit(1_000_000);
 * }</pre>
 */
public class ThrottlingFactory extends WrappingFactory {
    private static final Logger LOG = Logger.forClass(ThrottlingFactory.class);

    private final IReactorTime clock;
    private final int maxConnectionCount;
    private @Nullable Long readLimit;
    private @Nullable Long writeLimit;
    private int connectionCount;
    private long readThisSecond;
    private long writtenThisSecond;
    private @Nullable IDelayedCall unthrottleReadsId;
    private @Nullable IDelayedCall checkReadBandwidthId;
    private @Nullable IDelayedCall unthrottleWritesId;
    private @Nullable IDelayedCall checkWriteBandwidthId;

    /** No connection limit, no bandwidth limit yet; the global reactor's clock. */
    public ThrottlingFactory(IProtocolFactory wrappedFactory) {
        this(wrappedFactory, Integer.MAX_VALUE);
    }

    /** At most {@code maxConnectionCount} connections; the global reactor's clock. */
    public ThrottlingFactory(IProtocolFactory wrappedFactory, int maxConnectionCount) {
        this(wrappedFactory, maxConnectionCount, Reactor.reactor);
    }

    /** At most {@code maxConnectionCount} connections, timed by {@code clock}. */
    public ThrottlingFactory(IProtocolFactory wrappedFactory, int maxConnectionCount, IReactorTime clock) {
        super(wrappedFactory);
        this.maxConnectionCount = maxConnectionCount;
        this.clock = clock;
    }

    /** Limits reading to {@code bytesPerSecond} over all connections; returns this factory. */
    public ThrottlingFactory withReadLimit(long bytesPerSecond) {
        readLimit = bytesPerSecond;
        return this;
    }

    /** Limits writing to {@code bytesPerSecond} over all connections; returns this factory. */
    public ThrottlingFactory withWriteLimit(long bytesPerSecond) {
        writeLimit = bytesPerSecond;
        return this;
    }

    /** The most connections served at once; more are refused. */
    public int maxConnectionCount() {
        return maxConnectionCount;
    }

    /** How many connections are open now. */
    public int connectionCount() {
        return connectionCount;
    }

    /** Bytes read since the last bandwidth check. */
    public long readThisSecond() {
        return readThisSecond;
    }

    /** Bytes written since the last bandwidth check. */
    public long writtenThisSecond() {
        return writtenThisSecond;
    }

    /** Schedules {@code f}; override to use another clock. */
    protected IDelayedCall callLater(double period, ThrowingRunnable f) {
        return clock.callLater(period, f);
    }

    /** A protocol wrote {@code length} bytes. */
    public void registerWritten(long length) {
        writtenThisSecond += length;
    }

    /** A protocol read {@code length} bytes. */
    public void registerRead(long length) {
        readThisSecond += length;
    }

    /** Compares last second's reads with the limit, throttles if needed, and checks again in a second. */
    public void checkReadBandwidth() {
        Objects.requireNonNull(readLimit, "no read limit set");
        if (readThisSecond > readLimit) {
            throttleReads();
            double throttleTime = ((double) readThisSecond / readLimit) - 1.0;
            unthrottleReadsId = callLater(throttleTime, this::unthrottleReads);
        }
        readThisSecond = 0;
        checkReadBandwidthId = callLater(1, this::checkReadBandwidth);
    }

    /** Compares last second's writes with the limit, throttles if needed, and checks again in a second. */
    public void checkWriteBandwidth() {
        Objects.requireNonNull(writeLimit, "no write limit set");
        if (writtenThisSecond > writeLimit) {
            throttleWrites();
            double throttleTime = ((double) writtenThisSecond / writeLimit) - 1.0;
            unthrottleWritesId = callLater(throttleTime, this::unthrottleWrites);
        }
        writtenThisSecond = 0;
        checkWriteBandwidthId = callLater(1, this::checkWriteBandwidth);
    }

    /** Pauses reading on every connection. */
    public void throttleReads() {
        LOG.info("Throttling reads on {}", this);
        for (ProtocolWrapper p : new ArrayList<>(protocols())) {
            ((ThrottlingProtocol) p).throttleReads();
        }
    }

    /** Resumes reading on every connection. */
    public void unthrottleReads() {
        unthrottleReadsId = null;
        LOG.info("Stopped throttling reads on {}", this);
        for (ProtocolWrapper p : new ArrayList<>(protocols())) {
            ((ThrottlingProtocol) p).unthrottleReads();
        }
    }

    /** Pauses writing on every connection that registered a producer. */
    public void throttleWrites() {
        LOG.info("Throttling writes on {}", this);
        for (ProtocolWrapper p : new ArrayList<>(protocols())) {
            ((ThrottlingProtocol) p).throttleWrites();
        }
    }

    /** Resumes writing on every connection that registered a producer. */
    public void unthrottleWrites() {
        unthrottleWritesId = null;
        LOG.info("Stopped throttling writes on {}", this);
        for (ProtocolWrapper p : new ArrayList<>(protocols())) {
            ((ThrottlingProtocol) p).unthrottleWrites();
        }
    }

    /** Starts the bandwidth checks with the first connection; refuses connections over the limit. */
    @Override
    public @Nullable IProtocol buildProtocol(IAddress address) {
        if (connectionCount == 0) {
            if (readLimit != null) {
                checkReadBandwidth();
            }
            if (writeLimit != null) {
                checkWriteBandwidth();
            }
        }
        if (connectionCount < maxConnectionCount) {
            connectionCount++;
            return super.buildProtocol(address);
        }
        LOG.info("Max connection count reached!");
        return null;
    }

    @Override
    protected IProtocol wrapProtocol(IProtocol wrapped) {
        return new ThrottlingProtocol(this, wrapped);
    }

    /** Stops the bandwidth checks with the last connection. */
    @Override
    public void unregisterProtocol(ProtocolWrapper protocol) {
        super.unregisterProtocol(protocol);
        connectionCount--;
        if (connectionCount == 0) {
            cancel(unthrottleReadsId);
            cancel(checkReadBandwidthId);
            cancel(unthrottleWritesId);
            cancel(checkWriteBandwidthId);
            unthrottleReadsId = checkReadBandwidthId = unthrottleWritesId = checkWriteBandwidthId = null;
        }
    }

    private static void cancel(@Nullable IDelayedCall call) {
        if (call != null && call.active()) {
            call.cancel();
        }
    }
}
