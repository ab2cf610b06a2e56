package io.jtwisted.internal.fd;

import java.io.FileDescriptor;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.SocketAddress;
import java.nio.channels.Channel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.SelectorProvider;
import org.jspecify.annotations.Nullable;

/**
 * Turns an inherited socket descriptor into a JDK channel, for {@code adoptStreamPort} and
 * {@code adoptStreamConnection}.
 *
 * <p>Why this way: the JDK's only public door is {@link System#inheritedChannel()}, and it opens
 * descriptor 0 alone, once per process; systemd passes sockets from descriptor 3 on. The
 * alternatives were an FFM call ({@code java.lang.foreign} is a preview API under this project's
 * {@code --release 21}, so every user would need {@code --enable-preview}, and from JDK 24 on
 * {@code --enable-native-access} too) or {@code dup2} onto descriptor 0 (native code again, and one
 * socket per process). What is left needs no native code: the constructors the JDK itself uses for
 * inherited and accepted sockets ({@code sun.nio.ch.ServerSocketChannelImpl(SelectorProvider,
 * ProtocolFamily, FileDescriptor, boolean)} and {@code SocketChannelImpl(SelectorProvider,
 * ProtocolFamily, FileDescriptor, SocketAddress)}, the same from JDK 17 to 25), reached with
 * {@code --add-opens java.base/sun.nio.ch=io.jtwisted.core} (or {@code =ALL-UNNAMED} on the class
 * path). Descriptor 0 goes through {@code System.inheritedChannel()} and needs no option.
 *
 * <p>The channel owns the descriptor: closing it closes the descriptor.
 */
public final class InheritedSockets {
    private InheritedSockets() {}

    /**
     * The listening socket at {@code fd} as a (blocking) channel.
     *
     * @throws IOException if {@code fd} is not an open socket, or is a connected one
     * @throws UnsupportedOperationException if the JDK's channel constructors are not open to JTwisted
     */
    public static ServerSocketChannel listening(int fd, ProtocolFamily family) throws IOException {
        if (fd == 0) {
            return standardInput(ServerSocketChannel.class, "listening");
        }
        FileDescriptor descriptor = descriptor(fd);
        if (remoteAddress(descriptor) != null) {
            throw new IOException("descriptor " + fd + " is a connected socket, not a listening one");
        }
        return (ServerSocketChannel) construct(
                "sun.nio.ch.ServerSocketChannelImpl",
                new Class<?>[] {SelectorProvider.class, ProtocolFamily.class, FileDescriptor.class, boolean.class},
                SelectorProvider.provider(),
                family,
                descriptor,
                true);
    }

    /**
     * The connected socket at {@code fd} as a (blocking) channel.
     *
     * @throws IOException if {@code fd} is not an open, connected socket
     * @throws UnsupportedOperationException if the JDK's channel constructors are not open to JTwisted
     */
    public static SocketChannel connected(int fd, ProtocolFamily family) throws IOException {
        if (fd == 0) {
            return standardInput(SocketChannel.class, "connected");
        }
        FileDescriptor descriptor = descriptor(fd);
        SocketAddress remote = remoteAddress(descriptor);
        if (remote == null) {
            throw new IOException("descriptor " + fd + " is not a connected socket");
        }
        return (SocketChannel) construct(
                "sun.nio.ch.SocketChannelImpl",
                new Class<?>[] {SelectorProvider.class, ProtocolFamily.class, FileDescriptor.class, SocketAddress.class
                },
                SelectorProvider.provider(),
                family,
                descriptor,
                remote);
    }

    /** Descriptor 0 through the JDK's public door, if it is a {@code type}. */
    private static <T extends Channel> T standardInput(Class<T> type, String kind) throws IOException {
        Channel inherited = System.inheritedChannel();
        if (type.isInstance(inherited)) {
            return type.cast(inherited);
        }
        throw new IOException(
                "descriptor 0 is not a " + kind + " socket (System.inheritedChannel() gives " + inherited + ")");
    }

    /** A {@link FileDescriptor} for {@code fd}, after checking it is an open socket. */
    private static FileDescriptor descriptor(int fd) throws IOException {
        if (fd < 0) {
            throw new IOException("invalid descriptor " + fd);
        }
        FileDescriptor descriptor = (FileDescriptor) call("sun.nio.ch.IOUtil", "newFD", new Class<?>[] {int.class}, fd);
        try {
            call("sun.nio.ch.Net", "localAddress", new Class<?>[] {FileDescriptor.class}, descriptor);
        } catch (IOException notASocket) {
            throw new IOException(
                    "descriptor " + fd + " is not an open socket: " + notASocket.getMessage(), notASocket);
        }
        return descriptor;
    }

    /** The peer of a connected socket, or {@code null} when it has none (listening, or never connected). */
    private static @Nullable InetSocketAddress remoteAddress(FileDescriptor descriptor) {
        try {
            return (InetSocketAddress)
                    call("sun.nio.ch.Net", "remoteAddress", new Class<?>[] {FileDescriptor.class}, descriptor);
        } catch (IOException notConnected) {
            return null;
        }
    }

    private static Object call(String className, String method, Class<?>[] types, Object... arguments)
            throws IOException {
        try {
            Method m = Class.forName(className).getDeclaredMethod(method, types);
            m.setAccessible(true);
            return m.invoke(null, arguments);
        } catch (InvocationTargetException e) {
            throw rethrow(e);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw notOpen(e);
        }
    }

    private static Object construct(String className, Class<?>[] types, Object... arguments) throws IOException {
        try {
            Constructor<?> c = Class.forName(className).getDeclaredConstructor(types);
            c.setAccessible(true);
            return c.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw rethrow(e);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw notOpen(e);
        }
    }

    private static IOException rethrow(InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IOException(cause);
    }

    /** What to do when the JDK's classes are closed to us (the usual case: the JVM option is missing). */
    private static UnsupportedOperationException notOpen(Exception e) {
        Module self = InheritedSockets.class.getModule();
        String target = self.isNamed() ? self.getName() : "ALL-UNNAMED";
        return new UnsupportedOperationException(
                "adopting an inherited socket other than descriptor 0 needs the JVM option"
                        + " --add-opens java.base/sun.nio.ch=" + target
                        + " (bin/twistd passes it; or hand the socket over as"
                        + " standard input, descriptor 0, which needs no option): " + e,
                e);
    }
}
