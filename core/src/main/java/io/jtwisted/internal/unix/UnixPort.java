package io.jtwisted.internal.unix;

import io.jtwisted.internal.loop.EventLoop;
import io.jtwisted.internal.loop.Selectable;
import io.jtwisted.internet.address.UNIXAddress;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.error.CannotListenError;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import io.jtwisted.logger.Logger;
import io.jtwisted.python.failure.Failure;
import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A listening UNIX-domain stream socket, as Twisted's {@code unix.Port}: accepts connections and
 * gives each a protocol and a {@link UnixConnection}. The socket file is removed when the port
 * stops; with {@code wantPID} a {@link PidLock} guards it. An abstract-namespace address has no
 * file: no mode, no lock, nothing to remove, as in Twisted.
 */
final class UnixPort implements IListeningPort, Selectable {
    private static final Logger LOG = Logger.forClass(UnixPort.class);
    private static final int MAX_ACCEPTS_PER_TURN = 64;

    private final EventLoop reactor;
    private final UnixStreamChannels channels;
    private final String address;
    private final @Nullable Path path; // null for an abstract-namespace address
    private final IProtocolFactory factory;
    private final int backlog;
    private final int mode;
    private final boolean wantPID;
    private final UNIXAddress host;

    @SuppressWarnings("NullAway.Init") // opened by startListening; used only while listening
    private ServerSocketChannel channel;

    @SuppressWarnings("NullAway.Init") // opened by startListening; used only while listening
    private SelectionKey key;

    private @Nullable PidLock lock;
    private boolean listening;
    private boolean factoryStarted;
    private @Nullable Deferred<@Nullable Void> stopped;

    UnixPort(
            EventLoop reactor,
            UnixStreamChannels channels,
            String address,
            IProtocolFactory factory,
            int backlog,
            int mode,
            boolean wantPID) {
        this.reactor = reactor;
        this.channels = channels;
        this.address = address;
        this.path = UnixSupport.isAbstract(address) ? null : Path.of(address);
        this.factory = factory;
        this.backlog = backlog;
        this.mode = mode;
        this.wantPID = wantPID;
        this.host = new UNIXAddress(address);
    }

    @Override
    public void startListening() {
        reactor.checkThread();
        if (listening) {
            return;
        }
        ServerSocketChannel server = null;
        try {
            if (wantPID) {
                Path socketFile = path;
                if (socketFile == null) {
                    throw new CannotListenError(shownName(), 0, new IOException(UnixSupport.NO_ABSTRACT_LOCK));
                }
                PidLock pidLock = new PidLock(Path.of(socketFile + ".lock"));
                if (!pidLock.lock()) {
                    throw new CannotListenError(
                            socketFile.toString(),
                            0,
                            new IOException("Cannot acquire lock on " + socketFile + ".lock"));
                }
                lock = pidLock;
                if (!pidLock.wasClean()) {
                    Files.deleteIfExists(socketFile); // the owner died: its socket file is stale
                }
            }
            server = channels.listen(address, backlog);
            if (path != null) {
                Files.setPosixFilePermissions(path, FileModes.permissions(mode));
            }
            key = channels.register(server, SelectionKey.OP_ACCEPT, this);
        } catch (IOException | RuntimeException e) {
            if (server != null) {
                closeQuietly(server);
                deleteQuietly(path);
            }
            if (lock != null) {
                lock.unlock();
                lock = null;
            }
            throw e instanceof CannotListenError c ? c : new CannotListenError(shownName(), 0, e);
        }
        channel = server;
        listening = true;
        factory.doStart();
        factoryStarted = true;
        LOG.info("{} starting on {}", factory.getClass().getSimpleName(), shownName());
    }

    @Override
    public void handleIo(SelectionKey ready) {
        for (int i = 0; i < MAX_ACCEPTS_PER_TURN && listening; i++) {
            SocketChannel accepted;
            try {
                accepted = channel.accept();
            } catch (IOException e) {
                LOG.warn("accept on {} failed: {}", shownName(), e.toString());
                return;
            }
            if (accepted == null) {
                return;
            }
            startConnection(accepted);
        }
    }

    private void startConnection(SocketChannel raw) {
        SocketChannel accepted = raw;
        SelectionKey acceptedKey;
        try {
            accepted = channels.accepted(raw);
            acceptedKey = channels.register(accepted, 0, null); // the connection attaches itself
        } catch (IOException e) {
            LOG.warn("could not set up an accepted connection: {}", e.toString());
            closeQuietly(accepted);
            return;
        }
        UNIXAddress peer = new UNIXAddress("");
        IProtocol protocol;
        try {
            protocol = factory.buildProtocol(peer);
        } catch (Throwable e) {
            Failure.rethrowIfFatal(e);
            LOG.failure("Unhandled error in buildProtocol of {}; dropping the connection", e, factory);
            protocol = null;
        }
        if (protocol == null) {
            acceptedKey.cancel();
            closeQuietly(accepted);
            return;
        }
        new UnixConnection(reactor, accepted, acceptedKey, null, host, peer, protocol).start();
    }

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
        closeSocket();
        channels.whenReleased(key, () -> finishStop(done));
        return done;
    }

    @Override
    public void connectionLost(Failure reason) {
        if (listening) {
            closeSocket();
            if (stopped == null) {
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
        key.cancel();
        closeQuietly(channel);
        deleteQuietly(path);
        if (lock != null) {
            lock.unlock();
        }
        LOG.info("({} Port {} Closed)", factory.getClass().getSimpleName(), shownName());
    }

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
        if (stopError != null && !done.called()) {
            done.errback(new Failure(stopError));
        } else if (!done.called()) {
            done.callback(null);
        }
    }

    private static void closeQuietly(java.nio.channels.Channel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // nothing more to do with a channel we are dropping
        }
    }

    private static void deleteQuietly(@Nullable Path file) {
        if (file == null) {
            return; // an abstract name has no file
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover socket file is removed by the next wantPID listener
        }
    }

    @Override
    public IAddress getHost() {
        return host;
    }

    @Override
    public String toString() {
        return "<" + factory.getClass().getSimpleName() + " on " + shownName() + ">";
    }

    /** The address as logs show it: a path, or an abstract name with its NUL written {@code \0}. */
    private String shownName() {
        return UnixSupport.shown(address);
    }
}
