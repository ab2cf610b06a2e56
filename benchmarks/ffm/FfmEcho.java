import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * What an echo server on the FFM API could reach with JTwisted's {@code byte[]} contract: the C
 * floor's loop ({@code benchmarks/c/echo_floor.c}: level-triggered epoll, one read and one write
 * per message, TCP_NODELAY, a short write kept until EPOLLOUT) written in Java with downcalls, and
 * between the read and the write the one array the Protocol API promises ({@code dataReceived}
 * gets a fresh {@code byte[]} of exactly the bytes read), which is then written back to the
 * kernel as it is: read(2) and write(2) take the heap arrays directly ({@code
 * Linker.Option.critical(true)}), so no direct buffer and no staging copy sit in between.
 *
 * <p>It is a measuring instrument, not a transport: no timers, no protocol objects, errors close
 * the connection. Run it as an external server of {@code EchoBenchmark} ({@code --servers
 * c-floor,jtwisted,port:PORT:PID}) to see how far the byte[] path over FFM is from the floor,
 * and how far JTwisted on NIO is from it.
 *
 * <p>Run (JDK 22 or later): {@code java --enable-native-access=ALL-UNNAMED benchmarks/ffm/FfmEcho.java [port] [array|none]};
 * {@code none} writes from the loop's read array (the floor's own path, no copy). Prints {@code READY <port>}.
 */
public final class FfmEcho {
    private static final int AF_INET = 2;
    private static final int SOCK_STREAM = 1;
    private static final int SOCK_NONBLOCK = 04000;
    private static final int SOL_SOCKET = 1;
    private static final int SO_REUSEADDR = 2;
    private static final int IPPROTO_TCP = 6;
    private static final int TCP_NODELAY = 1;
    private static final int EPOLLIN = 1;
    private static final int EPOLLOUT = 4;
    private static final int EPOLL_CTL_ADD = 1;
    private static final int EPOLL_CTL_DEL = 2;
    private static final int EPOLL_CTL_MOD = 3;
    private static final int EAGAIN = 11;
    private static final int EINTR = 4;
    private static final int MAX_EVENTS = 256;
    private static final int EVENT_SIZE = 12; // struct epoll_event is packed on x86-64
    private static final int READ_SIZE = 64 * 1024;

    private static final java.lang.foreign.ValueLayout.OfShort NETWORK_SHORT =
            java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(java.nio.ByteOrder.BIG_ENDIAN);
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MemoryLayout CAPTURED = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CAPTURED.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    private final MethodHandle read = downcall("read", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG),
            Linker.Option.critical(true), Linker.Option.captureCallState("errno"));
    private final MethodHandle write = downcall("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG),
            Linker.Option.critical(true), Linker.Option.captureCallState("errno"));
    private final MethodHandle epollWait = downcall("epoll_wait",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), Linker.Option.captureCallState("errno"));
    private final MethodHandle epollCtl = downcall("epoll_ctl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
    private final MethodHandle accept4 = downcall("accept4",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
    private final MethodHandle close = downcall("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private final MethodHandle setsockopt = downcall("setsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));

    private final Arena arena = Arena.ofConfined();
    private final MemorySegment errno = arena.allocate(CAPTURED);
    private final MemorySegment events = arena.allocate((long) EVENT_SIZE * MAX_EVENTS, 8);
    private final MemorySegment event = arena.allocate(EVENT_SIZE, 4);
    private final MemorySegment one = arena.allocate(JAVA_INT);
    private final byte[] readArray = new byte[READ_SIZE];
    private final MemorySegment readSegment = MemorySegment.ofArray(readArray);
    private byte[][] pending = new byte[1024][]; // per fd: the unwritten tail of its last echo
    private final boolean copy;
    private final int epoll;
    private final int listener;

    private FfmEcho(int port, boolean copy) throws Throwable {
        this.copy = copy;
        one.set(JAVA_INT, 0, 1);
        MethodHandle socket = downcall("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
        MethodHandle bind = downcall("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
        MethodHandle listen = downcall("listen", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
        MethodHandle getsockname = downcall("getsockname", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
        listener = (int) socket.invokeExact(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
        check((int) setsockopt.invokeExact(listener, SOL_SOCKET, SO_REUSEADDR, one, 4), "setsockopt");
        MemorySegment address = arena.allocate(16, 4); // struct sockaddr_in
        address.set(java.lang.foreign.ValueLayout.JAVA_SHORT, 0, (short) AF_INET);
        address.set(NETWORK_SHORT, 2, (short) port);
        address.set(JAVA_INT.withOrder(java.nio.ByteOrder.BIG_ENDIAN), 4, 0x7f000001);
        check((int) bind.invokeExact(listener, address, 16), "bind");
        check((int) listen.invokeExact(listener, 1024), "listen");
        MemorySegment length = arena.allocate(JAVA_INT);
        length.set(JAVA_INT, 0, 16);
        check((int) getsockname.invokeExact(listener, address, length), "getsockname");
        int bound = Short.toUnsignedInt(address.get(NETWORK_SHORT, 2));
        MethodHandle create = downcall("epoll_create1", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
        epoll = (int) create.invokeExact(0);
        watch(listener, EPOLLIN, EPOLL_CTL_ADD);
        System.out.println("READY " + bound);
    }

    public static void main(String[] args) throws Throwable {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        boolean copy = args.length < 2 || !args[1].equals("none");
        new FfmEcho(port, copy).loop();
    }

    private void loop() throws Throwable {
        while (true) {
            int ready = (int) epollWait.invokeExact(errno, epoll, events, MAX_EVENTS, -1);
            if (ready < 0) {
                if ((int) ERRNO.get(errno, 0L) == EINTR) {
                    continue;
                }
                throw new IllegalStateException("epoll_wait failed: errno " + (int) ERRNO.get(errno, 0L));
            }
            for (int i = 0; i < ready; i++) {
                long base = (long) i * EVENT_SIZE;
                int flags = events.get(JAVA_INT, base);
                int fd = events.get(JAVA_INT, base + 4);
                if (fd == listener) {
                    acceptAll();
                } else if ((flags & EPOLLOUT) != 0) {
                    flushPending(fd);
                } else {
                    echo(fd);
                }
            }
        }
    }

    private void acceptAll() throws Throwable {
        int client;
        while ((client = (int) accept4.invokeExact(listener, MemorySegment.NULL, MemorySegment.NULL, SOCK_NONBLOCK)) >= 0) {
            int ignored = (int) setsockopt.invokeExact(client, IPPROTO_TCP, TCP_NODELAY, one, 4);
            if (client >= pending.length) {
                pending = Arrays.copyOf(pending, Math.max(client + 1, pending.length * 2));
            }
            watch(client, EPOLLIN, EPOLL_CTL_ADD);
        }
    }

    private void echo(int fd) throws Throwable {
        long n = (long) read.invokeExact(errno, fd, readSegment, (long) READ_SIZE);
        if (n <= 0) {
            if (n < 0 && (int) ERRNO.get(errno, 0L) == EAGAIN) {
                return;
            }
            drop(fd);
            return;
        }
        if (copy) {
            byte[] data = Arrays.copyOfRange(readArray, 0, (int) n); // what dataReceived is given
            send(fd, MemorySegment.ofArray(data));
        } else {
            send(fd, readSegment.asSlice(0, n));
        }
    }

    /** Writes {@code segment}: the array given to the protocol, or the read array's first bytes (no copy). */
    private void send(int fd, MemorySegment segment) throws Throwable {
        long size = segment.byteSize();
        long written = (long) write.invokeExact(errno, fd, segment, size);
        if (written < 0) {
            if ((int) ERRNO.get(errno, 0L) != EAGAIN) {
                drop(fd);
                return;
            }
            written = 0;
        }
        if (written < size) { // keep the rest; stop reading until it is written
            pending[fd] = segment.asSlice(written).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
            watch(fd, EPOLLOUT, EPOLL_CTL_MOD);
        }
    }

    private void flushPending(int fd) throws Throwable {
        byte[] rest = pending[fd];
        pending[fd] = null;
        if (rest == null) {
            watch(fd, EPOLLIN, EPOLL_CTL_MOD);
            return;
        }
        MemorySegment segment = MemorySegment.ofArray(rest);
        long written = (long) write.invokeExact(errno, fd, segment, (long) rest.length);
        if (written < 0 && (int) ERRNO.get(errno, 0L) != EAGAIN) {
            drop(fd);
            return;
        }
        if (written < rest.length) {
            pending[fd] = Arrays.copyOfRange(rest, (int) Math.max(written, 0), rest.length);
            return;
        }
        watch(fd, EPOLLIN, EPOLL_CTL_MOD);
    }

    private void drop(int fd) throws Throwable {
        pending[fd] = null;
        int ignored = (int) epollCtl.invokeExact(epoll, EPOLL_CTL_DEL, fd, MemorySegment.NULL);
        ignored = (int) close.invokeExact(fd);
    }

    private void watch(int fd, int flags, int op) throws Throwable {
        event.set(JAVA_INT, 0, flags);
        event.set(JAVA_INT, 4, fd);
        check((int) epollCtl.invokeExact(epoll, op, fd, event), "epoll_ctl");
    }

    private static void check(int result, String call) {
        if (result < 0) {
            throw new IllegalStateException(call + " failed");
        }
    }

    private static MethodHandle downcall(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        return LINKER.downcallHandle(LINKER.defaultLookup().find(name).orElseThrow(), descriptor, options);
    }
}
