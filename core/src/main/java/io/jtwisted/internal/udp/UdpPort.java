package io.jtwisted.internal.udp;

import io.jtwisted.internal.loop.EventLoop;
import io.jtwisted.internal.loop.Selectable;
import io.jtwisted.internal.net.Addresses;
import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.address.IPv6Address;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.error.CannotListenError;
import io.jtwisted.internet.error.InvalidAddressError;
import io.jtwisted.internet.error.MessageLengthError;
import io.jtwisted.internet.error.MulticastJoinError;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IDatagramProtocol;
import io.jtwisted.internet.interfaces.IMulticastTransport;
import io.jtwisted.logger.Logger;
import io.jtwisted.python.failure.Failure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.PortUnreachableException;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.MembershipKey;
import java.nio.channels.SelectionKey;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A UDP port: the transport of a datagram protocol, as Twisted's {@code udp.Port} and
 * {@code udp.MulticastPort} (every port can join groups; {@code listenMulticast} only adds the
 * choice of letting several sockets share the port).
 *
 * <p>Reading: each readiness drains up to {@link #MAX_THROUGHPUT} bytes or {@link
 * #MAX_DATAGRAMS_PER_TURN} datagrams, whichever comes first, so that other channels of the reactor
 * get their turn (Twisted's {@code maxThroughput}). A datagram longer than {@code maxPacketSize} is
 * dropped; an exception thrown by {@code datagramReceived} is logged and reading goes on.
 *
 * <p>Writing: a datagram is sent at once; one the socket buffer cannot take now ({@code EAGAIN})
 * is dropped, as the network may drop it, never retried in a loop. Drops are counted and logged
 * at most once a second, with the counts ({@link DatagramDrops}).
 */
public final class UdpPort implements IMulticastTransport, Selectable {
    private static final Logger LOG = Logger.forClass(UdpPort.class);
    /** Bytes read per readiness at most (Twisted's maxThroughput). */
    static final int MAX_THROUGHPUT = 256 * 1024;
    /** Datagrams read per readiness at most. */
    static final int MAX_DATAGRAMS_PER_TURN = 64;

    private final EventLoop reactor;
    private final int requestedPort;
    private final IDatagramProtocol protocol;
    private final String iface;
    private final int maxPacketSize;
    private final boolean listenMultiple;

    @SuppressWarnings("NullAway.Init") // opened by startListening; used only while listening
    private DatagramChannel channel;

    @SuppressWarnings("NullAway.Init") // opened by startListening; used only while listening
    private SelectionKey key;

    @SuppressWarnings("NullAway.Init") // opened by startListening; used only while listening
    private IAddress host;

    private boolean listening;
    private @Nullable Deferred<@Nullable Void> stopped;
    private @Nullable ByteBuffer ownBuffer; // when maxPacketSize does not fit the reactor's shared buffer
    private @Nullable InetSocketAddress connected;
    private @Nullable String connectedHost; // as the caller spelled it, for write(data, host, port)
    private String outgoingInterface = "";
    private final Map<String, MembershipKey> memberships = new HashMap<>();

    // The last peer seen, so that an echo reuses its address instead of converting it each time.
    private @Nullable SocketAddress lastFrom;
    private @Nullable IAddress lastAddress;

    private final DatagramDrops drops;
    private Sender sender = (socket, data, target) -> target == null ? socket.write(data) : socket.send(data, target);

    /** How a datagram leaves: through the channel, or in a test through one that reports a full buffer. */
    @FunctionalInterface
    interface Sender {
        /**
         * Sends as {@link DatagramChannel#send} does ({@link DatagramChannel#write} when {@code target}
         * is {@code null}): the bytes sent, 0 when the socket cannot take the datagram now.
         */
        int send(DatagramChannel channel, ByteBuffer datagram, @Nullable SocketAddress target) throws IOException;
    }

    UdpPort(
            EventLoop reactor,
            int port,
            IDatagramProtocol protocol,
            String iface,
            int maxPacketSize,
            boolean listenMultiple) {
        if (maxPacketSize < 1 || maxPacketSize > 65535) {
            throw new IllegalArgumentException("maxPacketSize must be in 1..65535, got " + maxPacketSize);
        }
        this.reactor = reactor;
        this.requestedPort = port;
        this.protocol = protocol;
        this.iface = iface == null ? "" : iface;
        this.maxPacketSize = maxPacketSize;
        this.listenMultiple = listenMultiple;
        this.drops = new DatagramDrops(LOG, reactor, maxPacketSize, this);
    }

    @Override
    public void startListening() {
        reactor.checkThread();
        if (listening) {
            return;
        }
        DatagramChannel socket = null;
        try {
            InetAddress address = iface.isEmpty() ? InetAddress.getByName("0.0.0.0") : Addresses.literal(iface);
            socket = DatagramChannel.open(
                    Addresses.isIPv4(address) ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6);
            if (listenMultiple) {
                socket.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                if (socket.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
                    socket.setOption(StandardSocketOptions.SO_REUSEPORT, true);
                }
            }
            socket.bind(new InetSocketAddress(address, requestedPort));
            socket.configureBlocking(false);
            host = Addresses.toTwisted("UDP", socket.getLocalAddress());
            key = reactor.register(socket, SelectionKey.OP_READ, this);
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            throw new CannotListenError(iface, requestedPort, e);
        }
        channel = socket;
        listening = true;
        LOG.info("{} starting on {}", protocol.getClass().getSimpleName(), portNumber());
        protocol.makeConnection(this);
    }

    private int portNumber() {
        return host instanceof IPv4Address v4 ? v4.port() : ((IPv6Address) host).port();
    }

    // ---- reading --------------------------------------------------------------------------

    @Override
    public void handleIo(SelectionKey ready) {
        ByteBuffer buffer = buffer();
        int bytes = 0;
        for (int count = 0; listening && count < MAX_DATAGRAMS_PER_TURN && bytes < MAX_THROUGHPUT; count++) {
            buffer.clear().limit(maxPacketSize + 1); // one byte more tells an oversized datagram
            SocketAddress from;
            try {
                from = channel.receive(buffer);
            } catch (PortUnreachableException refused) {
                refused();
                continue;
            } catch (IOException e) {
                LOG.warn("UDP port {}: receive failed: {}", portNumber(), e.toString());
                return;
            }
            if (from == null) {
                return; // drained
            }
            int length = buffer.position();
            bytes += length;
            if (length > maxPacketSize) {
                drops.oversize();
                continue;
            }
            byte[] datagram = new byte[length];
            buffer.flip();
            buffer.get(datagram);
            try {
                protocol.datagramReceived(datagram, addressOf(from));
            } catch (Throwable e) {
                Failure.rethrowIfFatal(e);
                LOG.failure("Unhandled error in datagramReceived of {}", e, protocol);
            }
        }
    }

    private ByteBuffer buffer() {
        ByteBuffer shared = reactor.readBuffer();
        if (maxPacketSize < shared.capacity()) {
            return shared;
        }
        if (ownBuffer == null) {
            ownBuffer = ByteBuffer.allocateDirect(maxPacketSize + 1);
        }
        return ownBuffer;
    }

    @SuppressWarnings(
            "NullAway") // lastAddress is set with lastFrom, and a non-null from equals lastFrom only once both are
    private IAddress addressOf(SocketAddress from) {
        if (!from.equals(lastFrom)) {
            lastFrom = from;
            lastAddress = Addresses.toTwisted("UDP", from);
        }
        return lastAddress;
    }

    private void refused() {
        try {
            protocol.connectionRefused();
        } catch (Throwable e) {
            Failure.rethrowIfFatal(e);
            LOG.failure("Unhandled error in connectionRefused of {}", e, protocol);
        }
    }

    /** Datagrams dropped so far: received longer than maxPacketSize, and not sent because the socket buffer was full. */
    long[] dropCounts() {
        return drops.counts();
    }

    /** Replaces how datagrams are sent (a test's full socket buffer). */
    void sendWith(Sender replacement) {
        sender = replacement;
    }

    // ---- writing --------------------------------------------------------------------------

    @Override
    public void write(byte[] datagram, String host, int port) {
        reactor.checkThread();
        if (connected != null) {
            if (host.equals(connectedHost) && port == connected.getPort()) {
                send(datagram, null);
                return;
            }
            throw new IllegalStateException("this transport is connected to " + connected + ": use write(datagram)");
        }
        send(datagram, target(host, port));
    }

    @Override
    public void write(byte[] datagram, IAddress address) {
        reactor.checkThread();
        if (address == lastAddress && lastFrom != null && connected == null) {
            send(datagram, lastFrom); // answering the last sender: no conversion
            return;
        }
        if (address instanceof IPv4Address v4) {
            write(datagram, v4.host(), v4.port());
        } else if (address instanceof IPv6Address v6) {
            write(datagram, v6.host(), v6.port());
        } else {
            throw new InvalidAddressError(String.valueOf(address), "not an IPv4 or IPv6 address");
        }
    }

    @Override
    public void write(byte[] datagram) {
        reactor.checkThread();
        if (connected == null) {
            throw new IllegalStateException("this transport is not connected: use write(datagram, host, port)");
        }
        send(datagram, null);
    }

    private static SocketAddress target(String host, int port) {
        String literal = "<broadcast>".equals(host) ? "255.255.255.255" : host;
        if (!Addresses.isLiteral(literal)) {
            throw new InvalidAddressError(host, "write() only accepts IP addresses, not hostnames");
        }
        try {
            return new InetSocketAddress(Addresses.literal(literal), port);
        } catch (UnknownHostException e) {
            throw new InvalidAddressError(host, e.getMessage());
        }
    }

    /** Sends to {@code target}, or to the connected peer when it is {@code null}. */
    private void send(byte[] datagram, @Nullable SocketAddress target) {
        if (!listening) {
            return;
        }
        ByteBuffer data = ByteBuffer.wrap(datagram);
        int sent;
        try {
            sent = sender.send(channel, data, target);
        } catch (PortUnreachableException refused) {
            refused();
            return;
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("too long") || message.contains("Message too large")) {
                throw new MessageLengthError("message too long: " + datagram.length + " bytes");
            }
            throw new UncheckedIOException(
                    "sending a datagram to " + (target == null ? connected : target) + " failed", e);
        }
        if (sent == 0 && datagram.length > 0) {
            drops.unsent(); // EAGAIN: dropped, as Twisted's udp.Port drops it
        }
    }

    @Override
    public void connect(String host, int port) {
        reactor.checkThread();
        if (connected != null) {
            throw new IllegalStateException("already connected, reconnecting is not currently supported");
        }
        if (!Addresses.isLiteral(host)) {
            throw new InvalidAddressError(host, "not an IPv4 or IPv6 address.");
        }
        try {
            InetSocketAddress peer = new InetSocketAddress(Addresses.literal(host), port);
            channel.connect(peer);
            connected = peer;
            connectedHost = host;
        } catch (IOException e) {
            throw new UncheckedIOException("connecting to " + host + ":" + port + " failed", e);
        }
    }

    @Override
    public void setBroadcastAllowed(boolean enabled) {
        setOption(StandardSocketOptions.SO_BROADCAST, enabled);
    }

    @Override
    public boolean getBroadcastAllowed() {
        return option(StandardSocketOptions.SO_BROADCAST);
    }

    // ---- multicast ------------------------------------------------------------------------

    @Override
    public String getOutgoingInterface() {
        return outgoingInterface;
    }

    @Override
    public Deferred<@Nullable Void> setOutgoingInterface(String addr) {
        reactor.checkThread();
        try {
            NetworkInterface ni = interfaceWithAddress(addr);
            channel.setOption(StandardSocketOptions.IP_MULTICAST_IF, ni);
            outgoingInterface = addr;
            return Deferred.<@Nullable Void>succeed(null);
        } catch (IOException | RuntimeException e) {
            return Deferred.fail(new Failure(e));
        }
    }

    @Override
    public boolean getLoopbackMode() {
        return option(StandardSocketOptions.IP_MULTICAST_LOOP);
    }

    @Override
    public void setLoopbackMode(boolean mode) {
        setOption(StandardSocketOptions.IP_MULTICAST_LOOP, mode);
    }

    @Override
    public int getTTL() {
        return option(StandardSocketOptions.IP_MULTICAST_TTL);
    }

    @Override
    public void setTTL(int ttl) {
        setOption(StandardSocketOptions.IP_MULTICAST_TTL, ttl);
    }

    @Override
    public Deferred<@Nullable Void> joinGroup(String addr, String iface) {
        reactor.checkThread();
        String name = membershipName(addr, iface);
        try {
            InetAddress group = Addresses.literal(addr);
            NetworkInterface ni =
                    iface == null || iface.isEmpty() ? defaultMulticastInterface() : interfaceWithAddress(iface);
            memberships.put(name, channel.join(group, ni));
            return Deferred.<@Nullable Void>succeed(null);
        } catch (IOException | RuntimeException e) {
            return Deferred.fail(new Failure(new MulticastJoinError(addr, iface, e)));
        }
    }

    @Override
    public Deferred<@Nullable Void> leaveGroup(String addr, String iface) {
        reactor.checkThread();
        MembershipKey membership = memberships.remove(membershipName(addr, iface));
        if (membership == null) {
            return Deferred.fail(
                    new Failure(new MulticastJoinError(addr, iface, new IllegalStateException("not a member"))));
        }
        membership.drop();
        return Deferred.<@Nullable Void>succeed(null);
    }

    private static String membershipName(String addr, String iface) {
        return addr + "%" + (iface == null ? "" : iface);
    }

    private static NetworkInterface interfaceWithAddress(String addr) throws IOException {
        NetworkInterface ni = NetworkInterface.getByInetAddress(Addresses.literal(addr));
        if (ni == null) {
            throw new SocketException("no network interface has the address " + addr);
        }
        return ni;
    }

    /**
     * Where a group is joined when no interface is named: the outgoing interface if one was set,
     * else the first interface that is up and does multicast, else the loopback interface.
     */
    private NetworkInterface defaultMulticastInterface() throws IOException {
        NetworkInterface set = channel.getOption(StandardSocketOptions.IP_MULTICAST_IF);
        if (set != null) {
            return set;
        }
        NetworkInterface loopback = null;
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!ni.isUp()) {
                continue;
            }
            if (ni.isLoopback()) {
                loopback = ni;
            } else if (ni.supportsMulticast()) {
                return ni;
            }
        }
        if (loopback == null) {
            throw new SocketException("no network interface to join a multicast group on");
        }
        return loopback;
    }

    private <T> T option(java.net.SocketOption<T> name) {
        reactor.checkThread();
        try {
            return channel.getOption(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> void setOption(java.net.SocketOption<T> name, T value) {
        reactor.checkThread();
        try {
            channel.setOption(name, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- stopping -------------------------------------------------------------------------

    /**
     * Stops receiving now; on a later turn the protocol's {@code doStop} runs, the socket closes
     * and the returned Deferred fires with {@code null}, as Twisted's {@code udp.Port}.
     */
    @Override
    public Deferred<@Nullable Void> stopListening() {
        reactor.checkThread();
        if (stopped != null) {
            return stopped;
        }
        Deferred<@Nullable Void> done = new Deferred<>();
        stopped = done;
        if (!listening) {
            done.callback(null);
            return done;
        }
        listening = false;
        key.cancel();
        reactor.callLater(0, () -> finishStop(done));
        return done;
    }

    /** Stops at once (reactor shutdown, a janitor). */
    @Override
    public void connectionLost(Failure reason) {
        if (listening) {
            listening = false;
            key.cancel();
            if (stopped == null) {
                stopped = new Deferred<>();
            }
            finishStop(stopped);
        }
    }

    private void finishStop(Deferred<@Nullable Void> done) {
        closeQuietly(channel);
        LOG.info("(UDP Port {} Closed)", portNumber());
        try {
            protocol.doStop();
        } catch (Throwable e) {
            Failure.rethrowIfFatal(e);
            if (!done.called()) {
                done.errback(new Failure(e));
                return;
            }
            LOG.failure("Unhandled error stopping protocol {}", e, protocol);
        }
        if (!done.called()) {
            done.callback(null);
        }
    }

    private static void closeQuietly(@Nullable DatagramChannel socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing more to do with a socket we are dropping
            }
        }
    }

    @Override
    public IAddress getHost() {
        return host;
    }

    @Override
    public String toString() {
        return "<" + protocol.getClass().getSimpleName() + " on UDP " + (host == null ? requestedPort : portNumber())
                + ">";
    }
}
