package io.jtwisted.benchmarks.echo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Arrays;

/**
 * The closed-loop load of the echo benchmark, on one thread with a plain NIO selector (no
 * framework, so that it favours none of the servers): {@code connections} connections each keep
 * {@code pipeline} messages of {@code size} bytes in flight; each fully echoed message is timed
 * (send to last byte back) and replaced by a new one.
 *
 * <p>With a rate ({@link #paced}), each connection sends its next message no earlier than its turn
 * in a fixed schedule of {@code rate} messages per second over all connections (spread evenly, the
 * connections' schedules staggered): every server then gets the same arrivals, so their CPU per
 * message is compared at the same batching, which a closed loop would otherwise give the slower
 * server (more sockets ready per wake-up). A server slower than the rate falls back to the closed
 * loop; the achieved rate tells.
 */
final class EchoLoad implements AutoCloseable {
    private final Selector selector;
    private final Conn[] conns;
    private final int size;
    private final int pipeline;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(256 * 1024);
    private boolean recording;
    private long completed;
    private long[] latencies = new long[1 << 20];
    private int latencyCount;
    private long intervalNanos; // per connection; 0: closed loop

    /** Per-connection state: send times of messages in flight, bytes of the current message received. */
    private final class Conn {
        final SocketChannel channel;
        final long[] sentAt;
        int head;
        int inFlight;
        long partial;
        final ByteBuffer out;
        int owed; // echoed messages whose replacements wait for their turn (paced load only)
        long nextSendAt;

        Conn(SocketChannel channel) {
            this.channel = channel;
            this.sentAt = new long[pipeline];
            this.out = ByteBuffer.allocateDirect(size * pipeline);
            this.out.limit(0);
        }

        void send(int messages, long now) throws IOException {
            out.compact();
            for (int i = 0; i < messages; i++) {
                for (int b = 0; b < size; b++) {
                    out.put((byte) b);
                }
                sentAt[(head + inFlight) % pipeline] = now;
                inFlight++;
            }
            out.flip();
            channel.write(out);
            SelectionKey key = channel.keyFor(selector);
            key.interestOps(out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }
    }

    EchoLoad(int port, int connections, int size, int pipeline) throws IOException {
        this(new InetSocketAddress("127.0.0.1", port), connections, size, pipeline);
    }

    /** The load against {@code address}: a TCP address, or a UNIX-domain socket file. */
    EchoLoad(java.net.SocketAddress address, int connections, int size, int pipeline) throws IOException {
        this.size = size;
        this.pipeline = pipeline;
        this.selector = Selector.open();
        this.conns = new Conn[connections];
        for (int i = 0; i < connections; i++) {
            SocketChannel channel = SocketChannel.open(address);
            if (address instanceof InetSocketAddress) {
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
            channel.configureBlocking(false);
            Conn conn = new Conn(channel);
            channel.register(selector, SelectionKey.OP_READ, conn);
            conns[i] = conn;
        }
    }

    /** Paces the load at {@code messagesPerSecond} over all connections from the next run on. */
    EchoLoad paced(double messagesPerSecond) {
        intervalNanos = messagesPerSecond > 0 ? (long) (conns.length * 1e9 / messagesPerSecond) : 0;
        return this;
    }

    /** Runs the load for {@code seconds}; records only while {@code record} is true. */
    void run(double seconds, boolean record) throws IOException {
        recording = record;
        long now = System.nanoTime();
        for (int i = 0; i < conns.length; i++) {
            Conn c = conns[i];
            if (intervalNanos > 0) {
                c.owed = pipeline - c.inFlight;
                c.nextSendAt = now + intervalNanos * i / conns.length;
            } else if (c.inFlight == 0) {
                c.send(pipeline, now);
            }
        }
        long end = now + (long) (seconds * 1e9);
        if (intervalNanos == 0) {
            while (System.nanoTime() < end) {
                selector.select(key -> handle(key), 100);
            }
        } else {
            while ((now = System.nanoTime()) < end) {
                sendDue(now);
                selector.selectNow(key -> handle(key)); // spins: the load has a core of its own
            }
        }
        recording = false;
    }

    private void sendDue(long now) throws IOException {
        for (Conn c : conns) {
            if (c.owed > 0 && now >= c.nextSendAt) {
                c.owed--;
                c.send(1, now);
                // a late turn (a stalled server) restarts the schedule rather than sending a burst
                c.nextSendAt = Math.max(c.nextSendAt + intervalNanos, now - intervalNanos);
            }
        }
    }

    private void handle(SelectionKey key) {
        Conn c = (Conn) key.attachment();
        try {
            if (key.isWritable()) {
                c.channel.write(c.out);
                if (!c.out.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_READ);
                }
            }
            if (key.isReadable()) {
                readBuffer.clear();
                int n = c.channel.read(readBuffer);
                if (n < 0) {
                    throw new IOException("server closed a connection");
                }
                long now = System.nanoTime();
                long bytes = c.partial + n;
                int done = (int) (bytes / size);
                c.partial = bytes % size;
                for (int i = 0; i < done; i++) {
                    long latency = now - c.sentAt[c.head];
                    c.head = (c.head + 1) % pipeline;
                    c.inFlight--;
                    if (recording) {
                        completed++;
                        if (latencyCount == latencies.length) {
                            latencies = Arrays.copyOf(latencies, latencies.length * 2);
                        }
                        latencies[latencyCount++] = latency;
                    }
                }
                if (done > 0 && intervalNanos > 0) {
                    c.owed += done;
                } else if (done > 0) {
                    c.send(done, now);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    long completed() {
        return completed;
    }

    /** The {@code q}-quantile (0..1) of recorded latencies, in microseconds. */
    double latencyMicros(double q) {
        if (latencyCount == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(latencies, latencyCount);
        Arrays.sort(sorted);
        int index = (int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)));
        return sorted[index] / 1000.0;
    }

    @Override
    public void close() throws IOException {
        for (Conn c : conns) {
            c.channel.close();
        }
        selector.close();
    }
}
