import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the JDK's NIO adds to each read and write of a socket, against the same system calls made
 * through the FFM API. One thread writes 64 bytes into one end of a connected UNIX stream pair and
 * reads them from the other, non-blocking, so each round is one write(2) and one read(2) with the
 * data always there: the kernel's work is the same on both sides, the difference is the Java path
 * (NIO: a direct buffer, the channel's locks and state checks, a JNI call; FFM: a downcall with
 * Linker.Option.critical, the byte[] handed to the kernel as it is). Besides the wall-clock time
 * per round it reports the thread's user-space CPU time per round, which the host's own noise in
 * the kernel's share does not blur.
 *
 * <p>Run (JDK 22 or later): {@code java --enable-native-access=ALL-UNNAMED [-Dselect=true] benchmarks/ffm/NioCallCost.java [rounds] [iterations]}
 */
public final class NioCallCost {
    private static final int AF_UNIX = 1;
    private static final int SOCK_STREAM = 1;
    private static final int SOCK_NONBLOCK = 04000;
    private static final int SIZE = 64;
    /** With {@code -Dselect=true}, each round also asks for readiness (NIO: selectNow; FFM: epoll_wait), as an echo's turn does. */
    private static final boolean SELECT = Boolean.getBoolean("select");

    public static void main(String[] args) throws Throwable {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 2_000_000;
        Nio nio = new Nio();
        Ffm ffm = new Ffm();
        nio.run(iterations / 2); // warm-up: both paths compiled before any round is timed
        ffm.run(iterations / 2);
        System.out.printf("%d rounds of %,d write+%sread rounds of %d bytes%n", rounds, iterations, SELECT ? "select+" : "", SIZE);
        double[] nioNs = new double[rounds];
        double[] ffmNs = new double[rounds];
        double[] nioUser = new double[rounds];
        double[] ffmUser = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long user = USER.getCurrentThreadUserTime();
            nioNs[r] = nio.run(iterations);
            nioUser[r] = (USER.getCurrentThreadUserTime() - user) / (double) iterations;
            user = USER.getCurrentThreadUserTime();
            ffmNs[r] = ffm.run(iterations);
            ffmUser[r] = (USER.getCurrentThreadUserTime() - user) / (double) iterations;
            System.out.printf("round %d: NIO %.0f ns (user %.0f), FFM %.0f ns (user %.0f) per write+read%n",
                    r + 1, nioNs[r], nioUser[r], ffmNs[r], ffmUser[r]);
        }
        System.out.printf("median: NIO %.0f ns (user %.0f), FFM %.0f ns (user %.0f) per write+read;"
                        + " NIO's user-space time is %.0f ns more%n",
                median(nioNs), median(nioUser), median(ffmNs), median(ffmUser), median(nioUser) - median(ffmUser));
    }

    private static final java.lang.management.ThreadMXBean USER = java.lang.management.ManagementFactory.getThreadMXBean();

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The JDK's UNIX-domain SocketChannels, non-blocking, direct buffers (NIO's cheapest path). */
    static final class Nio {
        private final SocketChannel writer;
        private final SocketChannel reader;
        private final ByteBuffer out = ByteBuffer.allocateDirect(SIZE);
        private final ByteBuffer in = ByteBuffer.allocateDirect(SIZE);
        private final java.nio.channels.Selector selector;
        private int ready;
        private final java.util.function.Consumer<java.nio.channels.SelectionKey> onReady = key -> ready++;

        Nio() throws IOException {
            Path dir = Files.createTempDirectory("nio-call-cost");
            Path socket = dir.resolve("s");
            try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                server.bind(UnixDomainSocketAddress.of(socket));
                writer = SocketChannel.open(UnixDomainSocketAddress.of(socket));
                reader = server.accept();
            }
            Files.delete(socket);
            Files.delete(dir);
            writer.configureBlocking(false);
            reader.configureBlocking(false);
            selector = java.nio.channels.Selector.open();
            reader.register(selector, java.nio.channels.SelectionKey.OP_READ);
        }

        double run(int iterations) throws IOException {
            long start = System.nanoTime();
            for (int i = 0; i < iterations; i++) {
                out.clear();
                if (writer.write(out) != SIZE) {
                    throw new IllegalStateException("short write");
                }
                if (SELECT && selector.selectNow(onReady) != 1) {
                    throw new IllegalStateException("not readable");
                }
                in.clear();
                if (reader.read(in) != SIZE) {
                    throw new IllegalStateException("short read");
                }
            }
            return (System.nanoTime() - start) / (double) iterations;
        }
    }

    /** socketpair(2), write(2) and read(2) through FFM downcalls, on heap arrays. */
    static final class Ffm {
        private final MethodHandle write;
        private final MethodHandle read;
        private final int writer;
        private final int reader;
        private final byte[] out = new byte[SIZE];
        private final byte[] in = new byte[SIZE];
        private final MethodHandle epollWait;
        private final int epoll;
        private final MemorySegment events = Arena.global().allocate(12 * 8, 8);

        Ffm() throws Throwable {
            Linker linker = Linker.nativeLinker();
            var libc = linker.defaultLookup();
            MethodHandle socketpair = linker.downcallHandle(
                    libc.find("socketpair").orElseThrow(),
                    FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
            FunctionDescriptor io = FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG);
            write = linker.downcallHandle(libc.find("write").orElseThrow(), io, Linker.Option.critical(true));
            read = linker.downcallHandle(libc.find("read").orElseThrow(), io, Linker.Option.critical(true));
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment fds = arena.allocate(JAVA_INT, 2);
                int result = (int) socketpair.invokeExact(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, fds);
                if (result != 0) {
                    throw new IOException("socketpair failed");
                }
                writer = fds.getAtIndex(JAVA_INT, 0);
                reader = fds.getAtIndex(JAVA_INT, 1);
            }
            MethodHandle create = linker.downcallHandle(
                    libc.find("epoll_create1").orElseThrow(), FunctionDescriptor.of(JAVA_INT, JAVA_INT));
            MethodHandle control = linker.downcallHandle(
                    libc.find("epoll_ctl").orElseThrow(),
                    FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
            epollWait = linker.downcallHandle(
                    libc.find("epoll_wait").orElseThrow(),
                    FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT),
                    Linker.Option.critical(false));
            epoll = (int) create.invokeExact(0);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment event = arena.allocate(12, 4); // struct epoll_event, packed on x86-64
                event.set(JAVA_INT, 0, 1); // EPOLLIN
                event.set(JAVA_INT, 4, reader);
                if ((int) control.invokeExact(epoll, 1 /* EPOLL_CTL_ADD */, reader, event) != 0) {
                    throw new IOException("epoll_ctl failed");
                }
            }
        }

        double run(int iterations) throws Throwable {
            MemorySegment outSegment = MemorySegment.ofArray(out);
            MemorySegment inSegment = MemorySegment.ofArray(in);
            long start = System.nanoTime();
            for (int i = 0; i < iterations; i++) {
                if ((long) write.invokeExact(writer, outSegment, (long) SIZE) != SIZE) {
                    throw new IllegalStateException("short write");
                }
                if (SELECT && (int) epollWait.invokeExact(epoll, events, 8, 0) != 1) {
                    throw new IllegalStateException("not readable");
                }
                if ((long) read.invokeExact(reader, inSegment, (long) SIZE) != SIZE) {
                    throw new IllegalStateException("short read");
                }
            }
            return (System.nanoTime() - start) / (double) iterations;
        }
    }
}
