package io.jtwisted.internal.tcp;

import io.jtwisted.internal.loop.EventLoop;
import io.jtwisted.internal.loop.Selectable;
import io.jtwisted.internal.net.Addresses;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.error.CannotListenError;
import io.jtwisted.internet.group.ConnectionHandOff;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import io.jtwisted.logger.Logger;
import io.jtwisted.python.failure.Failure;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.Channel;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.jspecify.annotations.Nullable;

/**
 * A listening TCP port: accepts connections, builds a protocol for each with the factory and
 * starts its {@link Connection}.
 *
 * <p>When accept fails because the process is out of file descriptors ({@code EMFILE}/{@code ENFILE}),
 * the port logs it once, stops asking the selector for {@code OP_ACCEPT} (which would otherwise
 * report the same pending connection forever: a busy loop) and tries again after a growing
 * delay, up to {@link #MAX_BACKOFF} seconds.
 */
final class Port implements IListeningPort, Selectable {
    private static final Logger LOG = Logger.forClass(Port.class);
    /** The first bound on accepts per readiness, and the cap it grows to (fairness to other channels). */
    static final int FIRST_ACCEPTS_PER_TURN = 100;

    static final int MAX_ACCEPTS_PER_TURN = 1000;
    static final double FIRST_BACKOFF = 0.05;
    static final double MAX_BACKOFF = 1.0;

    private final EventLoop reactor;
    private final int requestedPort;
    private final IProtocolFactory factory;
    private final int backlog;
    private final String iface;
    private final boolean reusePort;
    /** The inherited socket to listen on instead of binding one, or {@code null}. */
    private final @Nullable ServerSocketChannel adopted;

    @SuppressWarnings("NullAway.Init") // opened by startListening; used only while listening
    private ServerSocketChannel channel;

    @SuppressWarnings("NullAway.Init") // opened by startListening; used only while listening
    private SelectionKey key;

    @SuppressWarnings("NullAway.Init") // opened by startListening; used only while listening
    private IAddress host;

    private boolean listening;
    private boolean factoryStarted;
    private @Nullable Deferred<@Nullable Void> stopped;
    private double backoff;
    private @Nullable IDelayedCall retryAccept;
    private boolean descriptorsExhaustedLogged;
    /**
     * How many connections to accept at most when the port is next ready, adapted as Twisted's
     * {@code numberAccepts}: grown by 20 when a turn used it all (more are likely waiting), else
     * set to what the turn accepted (at least 1), so that a port receiving one connection at a time
     * makes one accept call per connection instead of a second one that only says "no more".
     */
    private int acceptsPerTurn = FIRST_ACCEPTS_PER_TURN;
    /** How a connection is accepted; tests replace it to simulate running out of descriptors. */
    Acceptor acceptor = ServerSocketChannel::accept;

    /** {@code ServerSocketChannel.accept}, as a replaceable function. */
    @FunctionalInterface
    interface Acceptor {
        SocketChannel accept(ServerSocketChannel channel) throws IOException;
    }

    Port(EventLoop reactor, int port, IProtocolFactory factory, int backlog, String iface) {
        this(reactor, port, factory, backlog, iface, false);
    }

    /** @param reusePort whether to set {@code SO_REUSEPORT} before binding (several sockets on one address) */
    Port(EventLoop reactor, int port, IProtocolFactory factory, int backlog, String iface, boolean reusePort) {
        this(reactor, port, factory, backlog, iface, reusePort, null);
    }

    private Port(
            EventLoop reactor,
            int port,
            IProtocolFactory factory,
            int backlog,
            String iface,
            boolean reusePort,
            @Nullable ServerSocketChannel adopted) {
        this.reusePort = reusePort;
        this.reactor = reactor;
        this.requestedPort = port;
        this.factory = factory;
        this.backlog = backlog;
        this.iface = iface == null ? "" : iface;
        this.adopted = adopted;
    }

    /** A port on a socket bound and listening already (inherited: {@code adoptStreamPort}); it closes the socket when it stops. */
    static Port adopting(EventLoop reactor, ServerSocketChannel adopted, IProtocolFactory factory) {
        return new Port(reactor, 0, factory, 0, "", false, adopted);
    }

    @Override
    public void startListening() {
        reactor.checkThread();
        if (listening) {
            return;
        }
        ServerSocketChannel server = null;
        try {
            server = adopted != null ? adopted : bound();
            server.configureBlocking(false);
            host = Addresses.toTwisted("TCP", server.getLocalAddress());
            key = reactor.register(server, SelectionKey.OP_ACCEPT, this);
        } catch (IOException | RuntimeException e) {
            if (server != null) {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // reporting the bind failure matters more
                }
            }
            throw new CannotListenError(iface, requestedPort, e);
        }
        channel = server;
        listening = true;
        factory.doStart();
        factoryStarted = true;
        LOG.info("{} starting on {}", factory.getClass().getSimpleName(), portNumber());
    }

    /** A new socket with the requested options, bound to the requested address. */
    private ServerSocketChannel bound() throws IOException {
        InetAddress address = bindAddress();
        ServerSocketChannel server = ServerSocketChannel.open(
                Addresses.isIPv4(address) ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6);
        try {
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            if (reusePort) {
                // Not every platform has it: say so rather than bind a port the caller expects to share.
                if (!server.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
                    throw new UnsupportedOperationException("SO_REUSEPORT is not supported on this platform");
                }
                server.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            }
            server.bind(new InetSocketAddress(address, requestedPort), backlog);
            return server;
        } catch (IOException | RuntimeException e) {
            closeQuietly(server);
            throw e;
        }
    }

    private InetAddress bindAddress() throws IOException {
        if (iface.isEmpty()) {
            return InetAddress.getByName("0.0.0.0");
        }
        if (Addresses.isLiteral(iface)) {
            return Addresses.literal(iface);
        }
        // A name ("localhost"): resolved now, as Twisted's bind() does; the first IPv4 address wins.
        InetAddress[] all = InetAddress.getAllByName(iface);
        for (InetAddress candidate : all) {
            if (Addresses.isIPv4(candidate)) {
                return candidate;
            }
        }
        return all[0];
    }

    private int portNumber() {
        return host instanceof io.jtwisted.internet.address.IPv4Address v4
                ? v4.port()
                : ((io.jtwisted.internet.address.IPv6Address) host).port();
    }

    @Override
    public void handleIo(SelectionKey ready) {
        int limit = acceptsPerTurn;
        int accepted = 0;
        while (accepted < limit && listening) {
            SocketChannel connection;
            try {
                connection = acceptor.accept(channel);
            } catch (IOException e) {
                if (isOutOfDescriptors(e)) {
                    backOff(e);
                } else {
                    LOG.warn("accept on port {} failed: {}", portNumber(), e.toString());
                }
                break;
            }
            if (connection == null) {
                break;
            }
            accepted++;
            descriptorsExhaustedLogged = false;
            backoff = 0;
            if (factory instanceof ConnectionHandOff handOff) {
                handOff.handOff(connection); // a group's acceptor: another reactor runs the connection
            } else {
                startConnection(reactor, connection, factory);
            }
        }
        acceptsPerTurn = accepted == limit ? Math.min(limit + 20, MAX_ACCEPTS_PER_TURN) : Math.max(1, accepted);
    }

    /** The current bound on accepts per readiness (for tests). */
    int acceptsPerTurn() {
        return acceptsPerTurn;
    }

    /** Runs a protocol from {@code factory} on a connection accepted here or inherited ({@code adoptStreamConnection}). */
    static void startConnection(EventLoop reactor, SocketChannel accepted, IProtocolFactory factory) {
        SelectionKey acceptedKey;
        IAddress peer;
        IAddress local;
        try {
            accepted.configureBlocking(false);
            peer = Addresses.toTwisted("TCP", accepted.getRemoteAddress());
            local = Addresses.toTwisted("TCP", accepted.getLocalAddress());
            acceptedKey = reactor.register(accepted, 0, null); // the Connection attaches itself
        } catch (IOException e) {
            LOG.warn("could not set up an accepted connection: {}", e.toString());
            closeQuietly(accepted);
            return;
        }
        IProtocol protocol;
        try {
            protocol = factory.buildProtocol(peer);
        } catch (Throwable e) {
            Failure.rethrowIfFatal(e);
            LOG.failure("Unhandled error in buildProtocol of {}; dropping the connection", e, factory);
            acceptedKey.cancel();
            closeQuietly(accepted);
            return;
        }
        if (protocol == null) {
            acceptedKey.cancel();
            closeQuietly(accepted);
            return;
        }
        new Connection(reactor, accepted, acceptedKey, null, local, peer, protocol).start();
    }

    private static boolean isOutOfDescriptors(IOException e) {
        String message = e.getMessage();
        return message != null && (message.contains("Too many open files") || message.contains("too many open files"));
    }

    private void backOff(IOException e) {
        if (!descriptorsExhaustedLogged) {
            descriptorsExhaustedLogged = true;
            LOG.error(
                    "Out of file descriptors accepting on port {} ({}); not accepting for a while",
                    portNumber(),
                    e.getMessage());
        }
        backoff = backoff == 0 ? FIRST_BACKOFF : Math.min(backoff * 2, MAX_BACKOFF);
        key.interestOps(0);
        retryAccept = reactor.callLater(backoff, () -> {
            retryAccept = null;
            if (listening && key.isValid()) {
                key.interestOps(SelectionKey.OP_ACCEPT);
            }
        });
    }

    @Override
    public Deferred<@Nullable Void> stopListening() {
        reactor.checkThread();
        if (stopped != null) {
            return stopped;
        }
        stopped = new Deferred<>();
        if (!listening) {
            stopped.callback(null);
            return stopped;
        }
        closeSocket();
        Deferred<@Nullable Void> done = stopped;
        // As Twisted: the factory is stopped and the Deferred fired on a later turn.
        reactor.callLater(0, () -> finishStop(done));
        return stopped;
    }

    /** Stops listening at once, stopping the factory now (reactor shutdown, a janitor). */
    @Override
    public void connectionLost(Failure reason) {
        closeNow();
    }

    private void closeNow() {
        if (listening) {
            closeSocket();
            if (stopped == null) {
                // Nobody asked to stop, so nobody waits on this Deferred: log a stopFactory error here.
                stopped = new Deferred<>();
                stopped.addErrback(failure -> {
                    LOG.failure("Unhandled error stopping factory {}", failure.value(), factory);
                    return null;
                });
            }
            finishStop(stopped);
        }
    }

    private void closeSocket() {
        listening = false;
        if (retryAccept != null && retryAccept.active()) {
            retryAccept.cancel();
        }
        key.cancel();
        closeQuietly(channel);
        LOG.info("({} Port {} Closed)", factory.getClass().getSimpleName(), portNumber());
    }

    /** Stops the factory and fires {@code done}: with the error when {@code stopFactory} raised, as Twisted's. */
    private void finishStop(Deferred<@Nullable Void> done) {
        Throwable stopError = null;
        if (factoryStarted) {
            factoryStarted = false;
            try {
                factory.doStop();
            } catch (Throwable e) {
                Failure.rethrowIfFatal(e);
                stopError = e;
            }
        }
        if (done.called()) {
            if (stopError != null) {
                LOG.failure("Unhandled error stopping factory {}", stopError, factory);
            }
        } else if (stopError != null) {
            done.errback(new Failure(stopError));
        } else {
            done.callback(null);
        }
    }

    private static void closeQuietly(Channel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // nothing more to do with a channel we are dropping
        }
    }

    @Override
    public IAddress getHost() {
        return host;
    }

    /** True while the port asks the selector for new connections (false while backing off). */
    boolean accepting() {
        return listening && key.isValid() && (key.interestOps() & SelectionKey.OP_ACCEPT) != 0;
    }

    @Override
    public String toString() {
        return "<" + factory.getClass().getSimpleName() + " on " + (host == null ? requestedPort : portNumber()) + ">";
    }
}
