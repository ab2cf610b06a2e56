package io.jtwisted.internal.reactor;

import io.jtwisted.internal.loop.EventLoop;
import io.jtwisted.internal.process.ProcessSupport;
import io.jtwisted.internal.tcp.Adoption;
import io.jtwisted.internal.tcp.TcpSupport;
import io.jtwisted.internal.udp.UdpSupport;
import io.jtwisted.internal.unix.UnixSupport;
import io.jtwisted.internal.unix.afunix.AbstractNamespaceChannels;
import io.jtwisted.internal.unix.datagram.UnixDatagramSupport;
import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.base.ThreadedResolver;
import io.jtwisted.internet.interfaces.IClientFactory;
import io.jtwisted.internet.interfaces.IConnectedDatagramProtocol;
import io.jtwisted.internet.interfaces.IConnector;
import io.jtwisted.internet.interfaces.IDatagramProtocol;
import io.jtwisted.internet.interfaces.IHostnameResolver;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IMulticastTransport;
import io.jtwisted.internet.interfaces.IProcessProtocol;
import io.jtwisted.internet.interfaces.IProcessTransport;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import io.jtwisted.internet.interfaces.IUDPTransport;
import io.jtwisted.internet.interfaces.IUNIXDatagramConnectedTransport;
import io.jtwisted.internet.interfaces.IUNIXDatagramTransport;
import io.jtwisted.internet.ssl.IClientConnectionCreator;
import io.jtwisted.internet.ssl.IServerConnectionCreator;
import io.jtwisted.protocols.tls.TLSMemoryBIOFactory;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The default reactor: the {@link EventLoop} (selector, timers, call queue, signals) with the
 * transports on top (TLS as a protocol wrapper over TCP, as Twisted's). Each {@code IReactor*} transport method delegates to that transport's
 * support class, created on first use; the loop itself knows none of them.
 */
public class NioReactor extends EventLoop implements Reactor {
    private @Nullable TcpSupport tcp;
    private @Nullable UdpSupport udp;
    private @Nullable UnixSupport unix;
    private @Nullable UnixDatagramSupport unixDatagram; // needs junixsocket, which may be absent: made on first use
    private volatile @Nullable IHostnameResolver nameResolver; // the system's, made on first use

    /** A new reactor, not running. Cheap: the selector is opened when first needed. */
    public NioReactor() {
        this(false);
    }

    /** @param global whether this is the process's default reactor (which handles signals when run on the main thread) */
    public NioReactor(boolean global) {
        super(global);
    }

    private TcpSupport tcp() {
        if (tcp == null) {
            tcp = new TcpSupport(this);
        }
        return tcp;
    }

    private UdpSupport udp() {
        if (udp == null) {
            udp = new UdpSupport(this);
        }
        return udp;
    }

    private UnixSupport unix() {
        if (unix == null) {
            // a lambda, not a constructor reference: junixsocket's classes load only when an abstract name is used
            unix = new UnixSupport(this, () -> new AbstractNamespaceChannels(this));
        }
        return unix;
    }

    @Override
    public IHostnameResolver nameResolver() {
        IHostnameResolver resolver = nameResolver;
        if (resolver == null) {
            resolver = new ThreadedResolver(this);
            nameResolver = resolver;
        }
        return resolver;
    }

    @Override
    public IHostnameResolver installNameResolver(IHostnameResolver resolver) {
        IHostnameResolver previous = nameResolver();
        nameResolver = java.util.Objects.requireNonNull(resolver, "resolver");
        return previous;
    }

    @Override
    public IListeningPort listenTCP(int port, IProtocolFactory factory, int backlog, String iface) {
        checkThread();
        return tcp().listenTCP(port, factory, backlog, iface);
    }

    /** Listens as the four-argument {@code listenTCP}, with {@code SO_REUSEPORT} when the options ask for it. */
    @Override
    public IListeningPort listenTCP(int port, IProtocolFactory factory, ListenOptions options) {
        checkThread();
        return tcp().listenTCP(port, factory, options.backlog(), options.iface(), options.reusePort());
    }

    @Override
    public IConnector connectTCP(
            String host, int port, IClientFactory factory, double timeout, @Nullable InetSocketAddress bindAddress) {
        checkThread();
        return tcp().connectTCP(host, port, factory, timeout, bindAddress);
    }

    @Override
    public IUDPTransport listenUDP(int port, IDatagramProtocol protocol, String iface, int maxPacketSize) {
        checkThread();
        return udp().listenUDP(port, protocol, iface, maxPacketSize);
    }

    @Override
    public IMulticastTransport listenMulticast(
            int port, IDatagramProtocol protocol, String iface, int maxPacketSize, boolean listenMultiple) {
        checkThread();
        return udp().listenMulticast(port, protocol, iface, maxPacketSize, listenMultiple);
    }

    @Override
    public IListeningPort listenUNIX(String address, IProtocolFactory factory, int backlog, int mode, boolean wantPID) {
        checkThread();
        return unix().listenUNIX(address, factory, backlog, mode, wantPID);
    }

    @Override
    public IConnector connectUNIX(String address, IClientFactory factory, double timeout, boolean checkPID) {
        checkThread();
        return unix().connectUNIX(address, factory, timeout, checkPID);
    }

    // IReactorUNIXDatagram: the only calls that load junixsocket's classes.

    @Override
    public IUNIXDatagramTransport listenUNIXDatagram(
            String address, IDatagramProtocol protocol, int maxPacketSize, int mode) {
        checkThread();
        return unixDatagram().listenUNIXDatagram(address, protocol, maxPacketSize, mode);
    }

    @Override
    public IUNIXDatagramConnectedTransport connectUNIXDatagram(
            String address,
            IConnectedDatagramProtocol protocol,
            int maxPacketSize,
            int mode,
            @Nullable String bindAddress) {
        checkThread();
        return unixDatagram().connectUNIXDatagram(address, protocol, maxPacketSize, mode, bindAddress);
    }

    private UnixDatagramSupport unixDatagram() {
        if (unixDatagram == null) {
            try {
                unixDatagram = new UnixDatagramSupport(this);
            } catch (LinkageError missing) {
                throw new UnsupportedOperationException(
                        "UNIX datagram sockets need junixsocket on the class path"
                                + " (com.kohlschutter.junixsocket:junixsocket-core)",
                        missing);
            }
        }
        return unixDatagram;
    }

    /** TCP with a {@link TLSMemoryBIOFactory} around {@code factory}, as Twisted's {@code listenSSL}. */
    @Override
    public IListeningPort listenSSL(
            int port, IProtocolFactory factory, IServerConnectionCreator contextFactory, int backlog, String iface) {
        return listenTCP(port, new TLSMemoryBIOFactory(contextFactory, false, factory, this), backlog, iface);
    }

    /** TCP with a {@link TLSMemoryBIOFactory} around {@code factory}, as Twisted's {@code connectSSL}. */
    @Override
    public IConnector connectSSL(
            String host,
            int port,
            IClientFactory factory,
            IClientConnectionCreator contextFactory,
            double timeout,
            @Nullable InetSocketAddress bindAddress) {
        return connectTCP(
                host, port, new TLSMemoryBIOFactory(contextFactory, true, factory, this), timeout, bindAddress);
    }

    // ---- IReactorProcess: child processes (internal.process) ----------------------------------

    private @Nullable ProcessSupport processes;

    private ProcessSupport processes() {
        if (processes == null) {
            processes = new ProcessSupport(this);
        }
        return processes;
    }

    @Override
    public IProcessTransport spawnProcess(
            IProcessProtocol protocol,
            String executable,
            List<String> args,
            @Nullable Map<String, String> env,
            @Nullable String path,
            boolean usePTY,
            @Nullable Map<Integer, Object> childFDs) {
        checkThread();
        return processes().spawnProcess(protocol, executable, args, env, path, usePTY, childFDs);
    }

    // IReactorSocket: inherited sockets (systemd socket activation, inetd), adopted as TCP ports and connections.

    private @Nullable Adoption adoption;

    private Adoption adoption() {
        if (adoption == null) {
            adoption = new Adoption(this);
        }
        return adoption;
    }

    @Override
    public IListeningPort adoptStreamPort(int fileDescriptor, ProtocolFamily addressFamily, IProtocolFactory factory) {
        return adoption().adoptStreamPort(fileDescriptor, addressFamily, factory);
    }

    @Override
    public void adoptStreamConnection(int fileDescriptor, ProtocolFamily addressFamily, IProtocolFactory factory) {
        adoption().adoptStreamConnection(fileDescriptor, addressFamily, factory);
    }

    @Override
    public void adoptStreamConnection(java.nio.channels.SocketChannel connected, IProtocolFactory factory) {
        adoption().adoptStreamConnection(connected, factory);
    }
}
