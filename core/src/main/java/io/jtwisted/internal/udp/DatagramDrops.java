package io.jtwisted.internal.udp;

import io.jtwisted.internal.loop.EventLoop;
import io.jtwisted.logger.Logger;

/**
 * The datagrams a datagram port dropped, counted and logged: those received longer than its
 * {@code maxPacketSize}, and those the socket could not send at once ({@code EAGAIN}), which are
 * dropped as the network may drop them rather than retried. One warning at most per {@link
 * #LOG_INTERVAL} seconds, with the counts so far, so that a flood costs a counter, not a log line
 * per datagram. Used on the reactor thread (UDP and UNIX datagram ports).
 */
public final class DatagramDrops {
    /** Seconds between two log lines about dropped datagrams. */
    public static final double LOG_INTERVAL = 1.0;

    private final Logger log;
    private final EventLoop reactor;
    private final int maxPacketSize;
    private final Object port;
    private long oversize;
    private long unsent;
    private double lastLog = Double.NEGATIVE_INFINITY;

    /** Counts the drops of {@code port} (named by its {@code toString} in the log line) through {@code log}. */
    public DatagramDrops(Logger log, EventLoop reactor, int maxPacketSize, Object port) {
        this.log = log;
        this.reactor = reactor;
        this.maxPacketSize = maxPacketSize;
        this.port = port;
    }

    /** A received datagram was longer than maxPacketSize and was dropped. */
    public void oversize() {
        oversize++;
        logNow();
    }

    /** A datagram was not sent because the socket could not take it now. */
    public void unsent() {
        unsent++;
        logNow();
    }

    /** Dropped so far: {received oversize, unsent}. */
    public long[] counts() {
        return new long[] {oversize, unsent};
    }

    private void logNow() {
        double now = reactor.seconds();
        if (now - lastLog >= LOG_INTERVAL) {
            lastLog = now;
            log.warn(
                    "{}: dropped {} datagram(s) longer than {} bytes and {} the socket could not send yet, so far",
                    port,
                    oversize,
                    maxPacketSize,
                    unsent);
        }
    }
}
