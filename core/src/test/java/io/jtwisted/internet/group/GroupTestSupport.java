package io.jtwisted.internet.group;

import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.python.failure.Failure;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Protocols, factories and clients the group tests share. */
final class GroupTestSupport {
    static final long TIMEOUT_SECONDS = 10;

    private GroupTestSupport() {}

    static int port(IListeningPort port) {
        return ((IPv4Address) port.getHost()).port();
    }

    static void await(CountDownLatch latch, String what) throws InterruptedException {
        if (!latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError(what + " did not happen within " + TIMEOUT_SECONDS + " s");
        }
    }

    /** Opens {@code count} loopback connections to {@code port}. */
    static List<Socket> connect(int port, int count) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Socket socket = new Socket();
            socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            sockets.add(socket);
        }
        return sockets;
    }

    static void closeAll(List<Socket> sockets) throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    /** Reads until the peer closes; returns the bytes read. */
    static byte[] readToEnd(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        return in.readAllBytes();
    }

    /** Echoes, and records on which thread each of its callbacks ran. */
    static class Echo extends Protocol {
        final Queue<Thread> threads = new ConcurrentLinkedQueue<>();
        final CountDownLatch made = new CountDownLatch(1);
        final CountDownLatch lost = new CountDownLatch(1);
        volatile Failure reason;

        @Override
        public void connectionMade() {
            threads.add(Thread.currentThread());
            made.countDown();
        }

        @Override
        public void dataReceived(byte[] data) {
            threads.add(Thread.currentThread());
            transport.write(data);
        }

        @Override
        public void connectionLost(Failure why) {
            threads.add(Thread.currentThread());
            reason = why;
            lost.countDown();
        }
    }

    /**
     * A factory of {@link Echo} that records what it built, where, and its start and stop; safe to share
     * between reactors (its records are concurrent), as a shared factory must be.
     */
    static class Recording extends Factory {
        final Queue<Echo> built = new ConcurrentLinkedQueue<>();
        final Queue<Thread> buildThreads = new ConcurrentLinkedQueue<>();
        final Queue<Thread> startStopThreads = new ConcurrentLinkedQueue<>();
        final AtomicInteger starts = new AtomicInteger();
        final AtomicInteger stops = new AtomicInteger();
        final CountDownLatch connections;

        Recording(CountDownLatch connected) {
            this.connections = connected;
        }

        @Override
        public IProtocol buildProtocol(IAddress address) {
            buildThreads.add(Thread.currentThread());
            Echo echo = new Echo() {
                @Override
                public void connectionMade() {
                    super.connectionMade();
                    connections.countDown();
                }
            };
            echo.setFactory(this);
            built.add(echo);
            return echo;
        }

        @Override
        public void startFactory() {
            startStopThreads.add(Thread.currentThread());
            starts.incrementAndGet();
        }

        @Override
        public void stopFactory() {
            startStopThreads.add(Thread.currentThread());
            stops.incrementAndGet();
        }
    }
}
