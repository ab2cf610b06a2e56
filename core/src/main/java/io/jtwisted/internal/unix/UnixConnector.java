package io.jtwisted.internal.unix;

import io.jtwisted.internal.loop.EventLoop;
import io.jtwisted.internal.loop.Selectable;
import io.jtwisted.internet.address.UNIXAddress;
import io.jtwisted.internet.error.BadFileError;
import io.jtwisted.internet.error.ConnectError;
import io.jtwisted.internet.error.ConnectionRefusedError;
import io.jtwisted.internet.error.NotConnectingError;
import io.jtwisted.internet.error.TimeoutError;
import io.jtwisted.internet.error.UserError;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IClientFactory;
import io.jtwisted.internet.interfaces.IConnector;
import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.logger.Logger;
import io.jtwisted.python.failure.Failure;
import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@link IConnector} of {@code connectUNIX}, as Twisted's {@code unix.Connector}: one attempt
 * at a time (started on a later turn, as Twisted's), the factory told how it goes, its {@code
 * doStop} run once the connection ends without a reconnect.
 */
final class UnixConnector implements IConnector, Selectable {
    private static final Logger LOG = Logger.forClass(UnixConnector.class);

    private final EventLoop reactor;
    private final UnixSupport support;
    private final String address;
    private final IClientFactory factory;
    private final double timeout;
    private final boolean checkPID;
    private boolean connecting;
    private boolean connected;
    private boolean factoryStarted;
    private @Nullable SocketChannel channel;
    private @Nullable SelectionKey key;
    private @Nullable IDelayedCall timeoutCall;
    private @Nullable UnixConnection connection;

    UnixConnector(
            EventLoop reactor,
            UnixSupport support,
            String address,
            IClientFactory factory,
            double timeout,
            boolean checkPID) {
        this.reactor = reactor;
        this.support = support;
        this.address = address;
        this.factory = factory;
        this.timeout = timeout;
        this.checkPID = checkPID;
    }

    @Override
    public void connect() {
        reactor.checkThread();
        if (connecting || connected) {
            throw new IllegalStateException("can't connect while " + (connecting ? "connecting" : "connected"));
        }
        connecting = true;
        if (!factoryStarted) {
            factory.doStart();
            factoryStarted = true;
        }
        if (timeout > 0) {
            timeoutCall = reactor.callLater(timeout, () -> failIfNotConnected(new TimeoutError()));
        }
        reactor.callLater(0, this::begin);
        factory.startedConnecting(this);
    }

    private void begin() {
        if (!connecting) {
            return;
        }
        boolean abstractName = UnixSupport.isAbstract(address);
        if (checkPID && abstractName) {
            failIfNotConnected(
                    new BadFileError(UnixSupport.shown(address), new IOException(UnixSupport.NO_ABSTRACT_LOCK)));
            return;
        }
        if (checkPID && !PidLock.isLocked(Path.of(address + ".lock"))) {
            failIfNotConnected(new BadFileError(address, new IOException("no process holds " + address + ".lock")));
            return;
        }
        UnixStreamChannels channels;
        try {
            channels = support.channelsFor(address);
        } catch (UnsupportedOperationException e) {
            failIfNotConnected(new ConnectError(e.getMessage(), e));
            return;
        }
        try {
            channel = channels.open();
            key = channels.register(channel, 0, this);
            if (channels.connect(channel, address)) {
                connected();
            } else {
                key.interestOps(SelectionKey.OP_CONNECT);
            }
        } catch (IOException e) {
            failIfNotConnected(errorOf(e));
        } catch (InvalidPathException e) {
            failIfNotConnected(new BadFileError(address, e));
        }
    }

    private static ConnectError errorOf(IOException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("Connection refused")) {
            return new ConnectionRefusedError(message, e);
        }
        if (message.contains("No such file") || e instanceof java.nio.file.NoSuchFileException) {
            return new BadFileError(message, e);
        }
        return new ConnectError(message, e);
    }

    @Override
    public void handleIo(SelectionKey ready) {
        if (!connecting) {
            return;
        }
        try {
            // Ready only once registered, after the channel was opened.
            if (Objects.requireNonNull(channel, "ready before it was opened").finishConnect()) {
                connected();
            }
        } catch (IOException e) {
            failIfNotConnected(errorOf(e));
        }
    }

    private void connected() {
        connecting = false;
        connected = true;
        cancelTimeout();
        UNIXAddress peer = new UNIXAddress(address);
        IProtocol protocol;
        try {
            protocol = factory.buildProtocol(peer);
        } catch (Throwable e) {
            Failure.rethrowIfFatal(e);
            LOG.failure("Unhandled error in buildProtocol of {}", e, factory);
            protocol = null;
        }
        boolean refused = protocol == null;
        UnixConnection made = new UnixConnection(
                reactor,
                Objects.requireNonNull(channel, "connected before it was opened"),
                Objects.requireNonNull(key, "connected before it was registered"),
                this,
                new UNIXAddress(""),
                peer,
                protocol == null ? new Protocol() {} : protocol);
        connection = made;
        made.start();
        if (refused) {
            made.loseConnection();
        }
    }

    private void failIfNotConnected(ConnectError reason) {
        if (!connecting) {
            return;
        }
        connecting = false;
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
        try {
            factory.clientConnectionFailed(this, new Failure(reason));
        } catch (Throwable e) {
            Failure.rethrowIfFatal(e);
            LOG.failure("Unhandled error in clientConnectionFailed of {}", e, factory);
        }
        stopFactoryIfIdle();
    }

    /** The established connection ended (after its protocol heard connectionLost). */
    void connectionEnded(Failure reason) {
        connected = false;
        connection = null;
        try {
            factory.clientConnectionLost(this, reason);
        } catch (Throwable e) {
            Failure.rethrowIfFatal(e);
            LOG.failure("Unhandled error in clientConnectionLost of {}", e, factory);
        }
        stopFactoryIfIdle();
    }

    private void stopFactoryIfIdle() {
        if (!connecting && !connected && factoryStarted) {
            factoryStarted = false;
            factory.doStop();
        }
    }

    private void cancelTimeout() {
        if (timeoutCall != null && timeoutCall.active()) {
            timeoutCall.cancel();
        }
        timeoutCall = null;
    }

    /** The reactor shuts down while connecting: the attempt fails. */
    @Override
    public void connectionLost(Failure reason) {
        failIfNotConnected(new ConnectError(reason.getErrorMessage(), reason.value()));
    }

    @Override
    public void stopConnecting() {
        reactor.checkThread();
        if (!connecting) {
            throw new NotConnectingError();
        }
        failIfNotConnected(new UserError());
    }

    @Override
    public void disconnect() {
        reactor.checkThread();
        if (connecting) {
            stopConnecting();
        } else if (connection != null) {
            connection.loseConnection();
        }
    }

    @Override
    public IAddress getDestination() {
        return new UNIXAddress(address);
    }

    @Override
    public String toString() {
        return "<UNIX connector to " + address + ">";
    }
}
