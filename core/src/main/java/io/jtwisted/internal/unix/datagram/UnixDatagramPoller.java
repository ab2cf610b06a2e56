package io.jtwisted.internal.unix.datagram;

import io.jtwisted.logger.Logger;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.newsclub.net.unix.AFSocketPair;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSelectorProvider;

/**
 * The thread that waits for a reactor's UNIX datagram sockets to become readable. junixsocket's
 * channels belong to their own {@code SelectorProvider}, so the reactor's selector cannot wait on
 * them; this thread waits on them with junixsocket's selector instead, and does nothing else: it
 * never reads nor writes a socket, and never calls a protocol.
 *
 * <p>When a socket becomes readable the poller stops watching it and tells its port (which wakes
 * the reactor). The port reads on the reactor thread and, once the socket is drained, asks to be
 * watched again ({@link #watch}). So the thread wakes once per batch of datagrams, never spins on
 * a socket the reactor has not read yet, and sleeps in {@code poll} when nothing arrives.
 *
 * <p>Every change to the selector is a command run by this thread, so the selector has one user:
 * other threads queue a command and wake the poller through a socket pair of its own (not the
 * selector's {@code wakeup}, whose pipe junixsocket shares among all its selectors).
 */
final class UnixDatagramPoller {
    private static final Logger LOG = Logger.forClass(UnixDatagramPoller.class);

    private final Selector selector;
    private final AFUNIXDatagramChannel wakeSender;
    private final AFUNIXDatagramChannel wakeReceiver;
    private final Queue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final ByteBuffer wakeByte = ByteBuffer.allocate(1);
    private final ByteBuffer drain = ByteBuffer.allocate(64);
    private final Thread thread;
    private boolean exit; // poller thread only

    UnixDatagramPoller(String name) throws IOException {
        selector = AFUNIXSelectorProvider.provider().openSelector();
        AFSocketPair<AFUNIXDatagramChannel> pair = AFUNIXSelectorProvider.provider().openDatagramChannelPair();
        wakeSender = pair.getSocket1();
        wakeReceiver = pair.getSocket2();
        wakeSender.configureBlocking(false);
        wakeReceiver.configureBlocking(false);
        wakeReceiver.register(selector, SelectionKey.OP_READ, null);
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts watching {@code port}'s socket ({@code channel}). Any thread. */
    void register(UnixDatagramPort port, AFUNIXDatagramChannel channel) {
        command(() -> {
            try {
                port.pollerKey = channel.register(selector, SelectionKey.OP_READ, port);
            } catch (ClosedChannelException closed) {
                // the port stopped before it was watched
            } catch (RuntimeException e) {
                LOG.warn("cannot watch {}: {}", port, e.toString());
            }
        });
    }

    /** Watches {@code port}'s socket again (it has been drained). Any thread. */
    void watch(UnixDatagramPort port) {
        command(() -> {
            SelectionKey key = port.pollerKey;
            if (key != null) {
                try {
                    key.interestOps(SelectionKey.OP_READ);
                } catch (CancelledKeyException closed) {
                    // the port closed meanwhile
                }
            }
        });
    }

    /** Stops watching {@code port}'s socket (before the reactor closes it). Any thread. */
    void forget(UnixDatagramPort port) {
        command(() -> {
            SelectionKey key = port.pollerKey;
            port.pollerKey = null;
            if (key != null) {
                key.cancel();
            }
        });
    }

    /** Ends the thread once the commands queued before this one have run. Any thread. */
    void shutdown() {
        command(() -> exit = true);
    }

    /** Whether the thread has ended. */
    boolean ended() {
        return !thread.isAlive();
    }

    private void command(Runnable command) {
        commands.add(command);
        if (wakePending.compareAndSet(false, true)) {
            synchronized (wakeByte) {
                try {
                    wakeByte.clear();
                    wakeSender.write(wakeByte);
                } catch (IOException e) {
                    LOG.warn("cannot wake the UNIX datagram poller: {}", e.toString());
                }
            }
        }
    }

    private void run() {
        try {
            while (true) {
                runCommands();
                if (exit) {
                    return;
                }
                selector.select();
                for (SelectionKey key : selector.selectedKeys()) {
                    if (key.attachment() instanceof UnixDatagramPort port) {
                        try {
                            key.interestOps(0); // until the reactor has read what is there
                        } catch (CancelledKeyException closed) {
                            continue;
                        }
                        port.readable();
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | RuntimeException e) {
            LOG.failure("The UNIX datagram poller failed; UNIX datagram sockets of this reactor no longer receive", e);
        } finally {
            closeQuietly();
        }
    }

    private void runCommands() throws IOException {
        wakePending.set(false);
        drain.clear();
        while (wakeReceiver.read(drain) > 0) {
            drain.clear();
        }
        Runnable command;
        while ((command = commands.poll()) != null) {
            command.run();
        }
    }

    private void closeQuietly() {
        try {
            selector.close();
            wakeSender.close();
            wakeReceiver.close();
        } catch (IOException ignored) {
            // the thread is ending: nothing more to do with these
        }
    }
}
