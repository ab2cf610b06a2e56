package io.jtwisted.benchmarks.echo;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.defer.DeferredQueue;
import io.jtwisted.internet.interfaces.IBufferReceiver;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.ITCPTransport;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.python.failure.Failure;
import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * The echo server measured by {@link EchoBenchmark}: the howtos' {@code Echo} protocol on
 * JTwisted's reactor, with TCP_NODELAY set as Netty sets it by default. Prints
 * {@code READY <port>} once listening on 127.0.0.1; with {@code unix:PATH}, listens on that UNIX-domain
 * socket file instead and prints {@code READY 0}.
 *
 * <p>With a second argument, {@code buffer}: the echo on the buffer-level path ({@link
 * BufferEcho}); or a handler that takes each message from a {@link DeferredQueue} fed
 * by {@code dataReceived}: {@code callbacks} re-arms {@code queue.get()} from its callback,
 * {@code await} is one {@link Deferred#async} body per connection looping on
 * {@code Deferred.await(queue.get())} (a hand-off to the body and back per message).
 *
 * <p>With {@code -Decho.alloc=true}, a counting echo prints to stderr, every second, the bytes the
 * reactor thread allocated per echoed {@code dataReceived} over that second (from {@code
 * ThreadMXBean.getCurrentThreadAllocatedBytes}): the allocation per message, without a profiler.
 */
public final class JTwistedEchoServer {
    private JTwistedEchoServer() {}

    /** Writes back whatever it receives. */
    static final class Echo extends Protocol {
        @Override
        public void connectionMade() {
            if (transport instanceof ITCPTransport tcp) {
                tcp.setTcpNoDelay(true);
            }
        }

        @Override
        public void dataReceived(byte[] data) {
            transport.write(data);
        }
    }

    /**
     * The echo on the buffer-level path: it takes the reactor's read buffer, lent for the call
     * ({@link IBufferReceiver}), and writes that direct buffer back, which the transport sends at
     * once when nothing is queued: one read and one write, no copy, no allocation.
     */
    static class BufferEcho extends Protocol implements IBufferReceiver {
        @Override
        public void connectionMade() {
            if (transport instanceof ITCPTransport tcp) {
                tcp.setTcpNoDelay(true);
            }
        }

        @Override
        public void bufferReceived(ByteBuffer data) {
            transport.write(data);
        }

        @Override
        public void dataReceived(byte[] data) {
            transport.write(data);
        }
    }

    /** The buffer-level echo, counting its messages for the allocation report. */
    static final class CountingBufferEcho extends BufferEcho {
        @Override
        public void bufferReceived(ByteBuffer data) {
            CountingEcho.messages++;
            transport.write(data);
        }
    }

    /** The echo, counting its messages for the allocation report. */
    static final class CountingEcho extends Protocol {
        static long messages;

        @Override
        public void connectionMade() {
            ((ITCPTransport) transport).setTcpNoDelay(true);
        }

        @Override
        public void dataReceived(byte[] data) {
            messages++;
            transport.write(data);
        }
    }

    /** Every second on the reactor thread: its allocated bytes per message since the last report. */
    private static void reportAllocation() {
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long[] last = {threads.getCurrentThreadAllocatedBytes(), 0};
        new io.jtwisted.internet.task.LoopingCall(() -> {
                    long bytes = threads.getCurrentThreadAllocatedBytes();
                    long count = CountingEcho.messages;
                    if (count > last[1]) {
                        System.err.printf(
                                java.util.Locale.ROOT,
                                "alloc: %.1f bytes per message (%d messages)%n",
                                (bytes - last[0]) / (double) (count - last[1]),
                                count - last[1]);
                    }
                    last[0] = threads.getCurrentThreadAllocatedBytes();
                    last[1] = count;
                })
                .start(1.0, false);
    }

    /** Queues what it receives; a handler written one way or the other echoes it. */
    abstract static class QueueingEcho extends Protocol {
        static final byte[] END = new byte[0];
        final DeferredQueue<byte[]> messages = new DeferredQueue<>();

        @Override
        public void connectionMade() {
            ((ITCPTransport) transport).setTcpNoDelay(true);
            handle();
        }

        abstract void handle();

        @Override
        public void dataReceived(byte[] data) {
            messages.put(data);
        }

        @Override
        public void connectionLost(Failure reason) {
            messages.put(END);
        }
    }

    /** The handler as callbacks: each message's callback writes it and asks for the next. */
    static final class CallbackEcho extends QueueingEcho {
        @Override
        void handle() {
            messages.get().<@Nullable Object>addCallback(data -> {
                if (data != END) {
                    transport.write(data);
                    handle();
                }
                return null;
            });
        }
    }

    /** The handler as one async body per connection, awaiting each message. */
    static final class AwaitEcho extends QueueingEcho {
        private final Reactor reactor;

        AwaitEcho(Reactor reactor) {
            this.reactor = reactor;
        }

        @Override
        void handle() {
            Deferred.async(reactor, () -> {
                for (byte[] data = Deferred.await(messages.get()); data != END; data = Deferred.await(messages.get())) {
                    transport.write(data);
                }
                return null;
            });
        }
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].startsWith("unix:")) { // the same echo over a UNIX-domain socket
            Reactor.reactor.listenUNIX(args[0].substring(5), Factory.forProtocol(Echo::new));
            System.out.println("READY 0");
            System.out.flush();
            Reactor.reactor.run();
            return;
        }
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        String handler = args.length > 1 ? args[1] : "echo";
        Reactor reactor = Reactor.reactor;
        Factory factory = switch (handler) {
            case "echo" ->
                Boolean.getBoolean("echo.alloc")
                        ? Factory.forProtocol(CountingEcho::new)
                        : Factory.forProtocol(Echo::new);
            case "buffer" ->
                Boolean.getBoolean("echo.alloc")
                        ? Factory.forProtocol(CountingBufferEcho::new)
                        : Factory.forProtocol(BufferEcho::new);
            case "callbacks" -> Factory.forProtocol(CallbackEcho::new);
            case "await" -> Factory.forProtocol(() -> new AwaitEcho(reactor));
            default -> throw new IllegalArgumentException("handler: echo, buffer, callbacks or await, not " + handler);
        };
        if (Boolean.getBoolean("echo.alloc")) {
            reportAllocation();
        }
        IListeningPort listening = reactor.listenTCP(port, factory, 1024, "127.0.0.1");
        System.out.println("READY " + ((IPv4Address) listening.getHost()).port());
        System.out.flush();
        reactor.run();
    }
}
