package io.jtwisted.benchmarks.reliability;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.address.IPAddress;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IPushProducer;
import io.jtwisted.internet.interfaces.IReactorTCP;
import io.jtwisted.internet.interfaces.ITCPTransport;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.python.failure.Failure;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server of {@code benchmarks/slowreader.sh}: {@code BulkServer BYTES} sends every connection
 * BYTES bytes through a streaming producer (64 KiB writes whenever the transport lets it, the
 * way Twisted's howtos write a producer), then closes it; answers {@link Probe}'s questions.
 * Listens on 127.0.0.1; prints {@code READY <port>}.
 */
public final class BulkServer {
    private static final AtomicInteger OPEN = new AtomicInteger();
    private static final byte[] CHUNK = new byte[64 * 1024];

    private BulkServer() {}

    /** Writes its share while not paused; the transport pauses it above its high-water mark. */
    static final class Bulk extends Protocol implements IPushProducer {
        private final long total;
        private long sent;
        private boolean paused;

        Bulk(long total) {
            this.total = total;
        }

        @Override
        public void connectionMade() {
            OPEN.incrementAndGet();
            ((ITCPTransport) transport).registerProducer(this, true);
            resumeProducing();
        }

        @Override
        public void pauseProducing() {
            paused = true;
        }

        @Override
        public void resumeProducing() {
            paused = false;
            while (!paused && sent < total) {
                int n = (int) Math.min(CHUNK.length, total - sent);
                transport.write(n == CHUNK.length ? CHUNK : java.util.Arrays.copyOf(CHUNK, n));
                sent += n;
            }
            if (sent >= total && !paused) {
                ((ITCPTransport) transport).unregisterProducer();
                transport.loseConnection();
            }
        }

        @Override
        public void stopProducing() {
            paused = true;
        }

        @Override
        public void connectionLost(Failure reason) {
            OPEN.decrementAndGet();
        }
    }

    public static void main(String[] args) {
        long bytes = Long.parseLong(args[0]);
        Reactor reactor = Reactor.reactor;
        IListeningPort port = reactor.listenTCP(
                0, Factory.forProtocol(() -> new Bulk(bytes)), IReactorTCP.DEFAULT_BACKLOG, "127.0.0.1");
        Probe.start(OPEN::get, () -> reactor.callFromThread(reactor::stop));
        System.out.println("READY " + IPAddress.portOf(port));
        System.out.flush();
        reactor.run();
    }
}
