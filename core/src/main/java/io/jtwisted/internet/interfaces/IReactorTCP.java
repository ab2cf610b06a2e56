package io.jtwisted.internet.interfaces;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** TCP servers and clients: Twisted's {@code IReactorTCP}. Call these on the reactor thread. */
public interface IReactorTCP extends IReactor {
    /**
     * The backlog when none is given: the system's own limit ({@code net.core.somaxconn}, read
     * from {@code /proc/sys/net/core/somaxconn} as Netty reads it; 128 where it cannot be read).
     * Twisted's default is 50, which makes a burst of connections overflow the accept queue: the
     * kernel then drops SYNs and clients wait a second or more to retry. Give a backlog to
     * {@code listenTCP} (or {@code backlog=} in an endpoint string) to choose another.
     */
    int DEFAULT_BACKLOG = systemBacklog();
    /** Twisted's default connect timeout, in seconds. */
    double DEFAULT_TIMEOUT = 30;

    /**
     * Listens on {@code port} (0 lets the system pick one, see {@link IListeningPort#getHost()})
     * of {@code iface}: {@code ""} for every IPv4 interface, an IPv4 or IPv6 literal
     * ({@code "::"} for every interface, both families where the system allows it), or a host
     * name, resolved when listening starts (as Twisted's {@code bind} does). Each
     * accepted connection gets a protocol from {@code factory}; the factory's {@code doStart}
     * runs now and its {@code doStop} when the port stops listening.
     *
     * @throws io.jtwisted.internet.error.CannotListenError if the port cannot be bound
     */
    IListeningPort listenTCP(int port, IProtocolFactory factory, int backlog, String iface);

    /** {@link #listenTCP(int, IProtocolFactory, int, String)} on every IPv4 interface, with {@link #DEFAULT_BACKLOG}. */
    default IListeningPort listenTCP(int port, IProtocolFactory factory) {
        return listenTCP(port, factory, DEFAULT_BACKLOG, "");
    }

    /** {@link #listenTCP(int, IProtocolFactory, int, String)} on every IPv4 interface. */
    default IListeningPort listenTCP(int port, IProtocolFactory factory, int backlog) {
        return listenTCP(port, factory, backlog, "");
    }

    /**
     * {@link #listenTCP(int, IProtocolFactory, int, String)} with its arguments in {@code options},
     * and the options that have no place in Twisted's signature ({@link ListenOptions#reusePort()}).
     * This default serves reactors that know no such option: it refuses {@code reusePort} with
     * {@link UnsupportedOperationException} and passes the rest to the four-argument method.
     */
    default IListeningPort listenTCP(int port, IProtocolFactory factory, ListenOptions options) {
        if (options.reusePort()) {
            throw new UnsupportedOperationException(getClass().getName() + " cannot listen with reusePort");
        }
        return listenTCP(port, factory, options.backlog(), options.iface());
    }

    /**
     * Connects to {@code host} (a name, resolved off the reactor thread for each attempt, or an
     * IPv4/IPv6 literal) on {@code port}. The factory hears {@code startedConnecting}, then either
     * {@code buildProtocol} and later {@code clientConnectionLost}, or
     * {@code clientConnectionFailed} (refused, unknown host, {@code timeout} seconds passed, ...).
     *
     * @param bindAddress the local address to bind before connecting, or {@code null}
     */
    IConnector connectTCP(
            String host, int port, IClientFactory factory, double timeout, @Nullable InetSocketAddress bindAddress);

    /** {@link #connectTCP(String, int, IClientFactory, double, InetSocketAddress)} with a 30 s timeout. */
    default IConnector connectTCP(String host, int port, IClientFactory factory) {
        return connectTCP(host, port, factory, DEFAULT_TIMEOUT, null);
    }

    /** {@link #connectTCP(String, int, IClientFactory, double, InetSocketAddress)} without bind address. */
    default IConnector connectTCP(String host, int port, IClientFactory factory, double timeout) {
        return connectTCP(host, port, factory, timeout, null);
    }

    /**
     * How to listen: the backlog and interface of {@link #listenTCP(int, IProtocolFactory, int, String)}
     * and {@code reusePort}. Start from {@link #defaults()} and change what you need:
     * <pre>{@code
     * reactor.listenTCP(8080, factory, ListenOptions.defaults().withInterface("127.0.0.1").withReusePort(true));
     * }</pre>
     *
     * @param backlog the listen queue length
     * @param iface the interface to bind, as for {@code listenTCP} ({@code ""}: every IPv4 interface)
     * @param reusePort set {@code SO_REUSEPORT} on the listening socket before binding it: then
     *     several sockets (of this process or of others run by the same user) may listen on the same
     *     address and port, each of which must have asked for it, and the kernel spreads new
     *     connections across them (Linux 3.9+). A socket that did not ask cannot bind an address
     *     such sockets hold, and they cannot bind one it holds: {@code CannotListenError}.
     */
    record ListenOptions(int backlog, String iface, boolean reusePort) {
        /** Every IPv4 interface, {@link #DEFAULT_BACKLOG}, no {@code SO_REUSEPORT}. */
        public static ListenOptions defaults() {
            return new ListenOptions(DEFAULT_BACKLOG, "", false);
        }

        public ListenOptions {
            java.util.Objects.requireNonNull(iface, "iface");
        }

        /** These options with another backlog. */
        public ListenOptions withBacklog(int newBacklog) {
            return new ListenOptions(newBacklog, iface, reusePort);
        }

        /** These options with another interface. */
        public ListenOptions withInterface(String newIface) {
            return new ListenOptions(backlog, newIface, reusePort);
        }

        /** These options with {@code SO_REUSEPORT} on or off. */
        public ListenOptions withReusePort(boolean newReusePort) {
            return new ListenOptions(backlog, iface, newReusePort);
        }
    }

    /** {@code net.core.somaxconn}, or 128 (Linux's historical default) where it cannot be read. */
    private static int systemBacklog() {
        // A line reader, not Files.readString: /proc files report a size of 0, and readString then
        // returns only the first byte ("4" for 4096).
        try (BufferedReader reader = Files.newBufferedReader(Path.of("/proc/sys/net/core/somaxconn"))) {
            String line = reader.readLine();
            int value = line == null ? 0 : Integer.parseInt(line.strip());
            return value > 0 ? value : 128;
        } catch (IOException | RuntimeException notLinux) {
            return 128;
        }
    }
}
