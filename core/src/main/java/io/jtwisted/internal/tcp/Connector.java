package io.jtwisted.internal.tcp;

import io.jtwisted.internal.loop.EventLoop;
import io.jtwisted.internal.loop.Selectable;
import io.jtwisted.internal.net.Addresses;
import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.address.IPv6Address;
import io.jtwisted.internet.base.ThreadedResolver;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.error.ConnectBindError;
import io.jtwisted.internet.error.ConnectError;
import io.jtwisted.internet.error.DNSLookupError;
import io.jtwisted.internet.error.NotConnectingError;
import io.jtwisted.internet.error.TimeoutError;
import io.jtwisted.internet.error.UserError;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IClientFactory;
import io.jtwisted.internet.interfaces.IConnector;
import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.internet.interfaces.IHostnameResolver;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IReactorPluggableNameResolver;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.logger.Logger;
import io.jtwisted.python.failure.Failure;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnknownHostException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@link IConnector} of {@code connectTCP}: runs connection attempts for one client factory
 * and tells it how they go, as Twisted's {@code tcp.Connector}.
 *
 * <p>States: disconnected, connecting, connected. The factory's {@code doStart} runs with the
 * first attempt and its {@code doStop} once an attempt fails or a connection ends without the
 * factory calling {@link #connect()} again.
 */
final class Connector implements IConnector {
    private static final Logger LOG = Logger.forClass(Connector.class);

    private enum State {
        DISCONNECTED,
        CONNECTING,
        CONNECTED
    }

    private final EventLoop reactor;
    private final String host;
    private final int port;
    private final IClientFactory factory;
    private final double timeout;
    private final @Nullable InetSocketAddress bindAddress;
    private State state = State.DISCONNECTED;
    private boolean factoryStarted;
    private @Nullable Attempt attempt;
    private @Nullable Connection connection;

    Connector(
            EventLoop reactor,
            String host,
            int port,
            IClientFactory factory,
            double timeout,
            @Nullable InetSocketAddress bindAddress) {
        this.reactor = reactor;
        this.host = host;
        this.port = port;
        this.factory = factory;
        this.timeout = timeout;
        this.bindAddress = bindAddress;
    }

    @Override
    public void connect() {
        reactor.checkThread();
        if (state != State.DISCONNECTED) {
            throw new IllegalStateException("can't connect in this state: " + state);
        }
        state = State.CONNECTING;
        if (!factoryStarted) {
            factory.doStart();
            factoryStarted = true;
        }
        attempt = new Attempt();
        attempt.begin();
        factory.startedConnecting(this);
    }

    @Override
    public void stopConnecting() {
        reactor.checkThread();
        if (state != State.CONNECTING) {
            throw new NotConnectingError();
        }
        Objects.requireNonNull(attempt, "connecting without an attempt").failIfNotConnected(new UserError());
    }

    @Override
    public void disconnect() {
        reactor.checkThread();
        if (state == State.CONNECTING) {
            stopConnecting();
        } else if (state == State.CONNECTED && connection != null) {
            connection.loseConnection();
        }
    }

    @Override
    public IAddress getDestination() {
        return Addresses.isIPv6Literal(host) ? new IPv6Address("TCP", host, port) : new IPv4Address("TCP", host, port);
    }

    private void connectionFailed(Failure reason) {
        attempt = null;
        state = State.DISCONNECTED;
        try {
            factory.clientConnectionFailed(this, reason);
        } catch (RuntimeException | Error e) {
            LOG.failure("Unhandled error in clientConnectionFailed of {}", e, factory);
        }
        stopFactoryIfIdle();
    }

    void connectionLost(Failure reason) {
        connection = null;
        state = State.DISCONNECTED;
        try {
            factory.clientConnectionLost(this, reason);
        } catch (RuntimeException | Error e) {
            LOG.failure("Unhandled error in clientConnectionLost of {}", e, factory);
        }
        stopFactoryIfIdle();
    }

    private void stopFactoryIfIdle() {
        if (state == State.DISCONNECTED && factoryStarted) {
            factoryStarted = false;
            factory.doStop();
        }
    }

    @Override
    public String toString() {
        return "<Connector to " + getDestination() + ">";
    }

    /** One connection attempt: resolve, bind, connect, time out. */
    final class Attempt implements Selectable {
        private @Nullable SocketChannel channel;
        private @Nullable SelectionKey key;
        private @Nullable IDelayedCall timeoutCall;
        private boolean finished;

        void begin() {
            if (timeout > 0) {
                timeoutCall = reactor.callLater(timeout, () -> {
                    timeoutCall = null;
                    failIfNotConnected(new TimeoutError());
                });
            }
            // As Twisted, the work starts on a later turn: connectTCP returns first.
            if (Addresses.isLiteral(host)) {
                reactor.callLater(0, () -> {
                    if (!finished) {
                        InetAddress address;
                        try {
                            address = Addresses.literal(host);
                        } catch (UnknownHostException e) {
                            failIfNotConnected(new DNSLookupError("address " + host + " not found: " + e.getMessage()));
                            return;
                        }
                        start(address);
                    }
                });
            } else {
                // The reactor's installed resolver (the system's on its thread pool by default).
                IHostnameResolver resolver = reactor instanceof IReactorPluggableNameResolver pluggable
                        ? pluggable.nameResolver()
                        : new ThreadedResolver(reactor);
                reactor.callLater(0, () -> {
                    if (finished) {
                        return;
                    }
                    Deferred.maybeDeferredDeferring(() -> resolver.resolveHostName(host))
                            .<@Nullable Void>addCallbacks(
                                    all -> {
                                        if (!finished) {
                                            start(preferIPv4(all));
                                        }
                                        return null;
                                    },
                                    failure -> {
                                        if (!finished) {
                                            failIfNotConnected(new DNSLookupError(
                                                    "address '" + host + "' not found: " + failure.getErrorMessage()));
                                        }
                                        return null;
                                    });
                });
            }
        }

        /** The first IPv4 address, else the first: Twisted's connectTCP resolves as gethostbyname does. */
        private InetAddress preferIPv4(java.util.List<InetAddress> all) {
            for (InetAddress candidate : all) {
                if (candidate instanceof Inet4Address) {
                    return candidate;
                }
            }
            return all.get(0);
        }

        private void start(InetAddress address) {
            try {
                channel = SocketChannel.open(
                        address instanceof Inet4Address ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6);
                channel.configureBlocking(false);
            } catch (IOException e) {
                failIfNotConnected(new ConnectError("could not create a socket: " + e.getMessage(), e));
                return;
            }
            if (bindAddress != null) {
                try {
                    InetSocketAddress local = bindAddress.isUnresolved()
                            ? new InetSocketAddress(
                                    InetAddress.getByName(bindAddress.getHostString()), bindAddress.getPort())
                            : bindAddress;
                    channel.bind(local);
                } catch (IOException e) {
                    failIfNotConnected(new ConnectBindError(e.getMessage(), e));
                    return;
                }
            }
            try {
                key = reactor.register(channel, 0, this);
                if (channel.connect(new InetSocketAddress(address, port))) {
                    connected();
                } else {
                    key.interestOps(SelectionKey.OP_CONNECT);
                }
            } catch (IOException e) {
                failIfNotConnected(ConnectErrors.of(e));
            }
        }

        @Override
        public void handleIo(SelectionKey ready) {
            if (finished) {
                return;
            }
            try {
                // Ready only once registered, after the channel was opened.
                if (Objects.requireNonNull(channel, "ready before it was opened")
                        .finishConnect()) {
                    connected();
                }
            } catch (IOException e) {
                failIfNotConnected(ConnectErrors.of(e));
            }
        }

        private void connected() throws IOException {
            finished = true;
            cancelTimeout();
            SocketChannel socket = Objects.requireNonNull(channel, "connected before it was opened");
            SelectionKey socketKey = Objects.requireNonNull(key, "connected before it was registered");
            IAddress peer = Addresses.toTwisted("TCP", socket.getRemoteAddress());
            IAddress local = Addresses.toTwisted("TCP", socket.getLocalAddress());
            state = State.CONNECTED;
            attempt = null;
            IProtocol protocol;
            try {
                protocol = factory.buildProtocol(peer);
            } catch (RuntimeException | Error e) {
                LOG.failure("Unhandled error in buildProtocol of {}", e, factory);
                protocol = null;
            }
            boolean refused = protocol == null;
            Connection made = new Connection(
                    reactor,
                    socket,
                    socketKey,
                    Connector.this,
                    local,
                    peer,
                    protocol == null ? new Protocol() {} : protocol);
            connection = made;
            made.start();
            if (refused) {
                made.loseConnection();
            }
        }

        /** The reactor shuts down (or a janitor removes the attempt): the attempt fails. */
        @Override
        public void connectionLost(Failure reason) {
            failIfNotConnected(new ConnectError(reason.getErrorMessage(), reason.value()));
        }

        @Override
        public String toString() {
            return "<connection attempt to " + getDestination() + ">";
        }

        /** Ends the attempt with {@code reason} unless it already connected or ended. */
        void failIfNotConnected(ConnectError reason) {
            if (finished) {
                return;
            }
            finished = true;
            cancelTimeout();
            if (key != null) {
                key.cancel();
            }
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // the failure being reported matters more
                }
            }
            connectionFailed(new Failure(reason));
        }

        private void cancelTimeout() {
            if (timeoutCall != null && timeoutCall.active()) {
                timeoutCall.cancel();
            }
            timeoutCall = null;
        }
    }
}
