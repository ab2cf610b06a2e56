package io.jtwisted.internal.unix.afunix;

import io.jtwisted.logger.Logger;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.spi.AbstractSelectableChannel;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.newsclub.net.unix.AFSocketPair;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSelectorProvider;

/**
 * The thread that waits for a reactor's junixsocket channels to become ready. Those channels
 * belong to their own {@code SelectorProvider}, so the reactor's selector cannot wait on them;
 * this thread waits on them with junixsocket's selector instead, and does nothing else: it never
 * reads nor writes a socket, and never calls a protocol.
 *
 * <p>Each channel is an {@link Entry}, armed for some operations ({@link #arm}). When the channel
 * is ready for some of them the poller disarms it and tells its {@link Readiness} which; the
 * reactor thread does the I/O and arms it again. So the thread wakes once per readiness, never
 * spins on a channel the reactor has not served yet, and sleeps in {@code poll} otherwise.
 *
 * <p>A socket whose connection is shut both ways ({@code POLLHUP}) is dropped from junixsocket's
 * selector for good, and cannot be registered with it again. Such an entry is "hung up": every
 * read on it returns what is left and then end-of-file, every write fails, so it is reported ready
 * at once whenever it is armed, without polling.
 *
 * <p>Every change to the selector is a command run by this thread, so the selector has one user:
 * other threads queue a command and wake the poller through a socket pair of its own.
 */
public final class ForeignPoller {
    private static final Logger LOG = Logger.forClass(ForeignPoller.class);

    /** Told, on the poller thread, that its channel is ready. */
    public interface Readiness {
        /** The channel is ready for {@code ops} (a subset of what it was armed for); it is disarmed now. */
        void ready(int ops);
    }

    /** One watched channel; its fields belong to the poller thread. */
    public static final class Entry {
        private final AbstractSelectableChannel channel;
        private final Readiness readiness;
        private @Nullable SelectionKey key;
        private int armed;
        private boolean hungUp;
        private boolean forgotten;

        private Entry(AbstractSelectableChannel channel, Readiness readiness) {
            this.channel = channel;
            this.readiness = readiness;
        }
    }

    private final Selector selector;
    private final AFUNIXDatagramChannel wakeSender;
    private final AFUNIXDatagramChannel wakeReceiver;
    private final Queue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final ByteBuffer wakeByte = ByteBuffer.allocate(1);
    private final ByteBuffer drain = ByteBuffer.allocate(64);
    private final Thread thread;
    private boolean exit; // poller thread only

    public ForeignPoller(String name) throws IOException {
        selector = AFUNIXSelectorProvider.provider().openSelector();
        AFSocketPair<AFUNIXDatagramChannel> pair =
                AFUNIXSelectorProvider.provider().openDatagramChannelPair();
        wakeSender = pair.getSocket1();
        wakeReceiver = pair.getSocket2();
        wakeSender.configureBlocking(false);
        wakeReceiver.configureBlocking(false);
        wakeReceiver.register(selector, SelectionKey.OP_READ, null);
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * A new entry for {@code channel} (a non-blocking junixsocket channel), not armed yet. Any
     * thread.
     */
    public Entry entry(AbstractSelectableChannel channel, Readiness readiness) {
        return new Entry(channel, readiness);
    }

    /** Watches {@code entry} for {@code ops} (0: not at all, for now). Any thread. */
    public void arm(Entry entry, int ops) {
        command(() -> armNow(entry, ops));
    }

    /** Stops watching {@code entry} for good (before its channel is closed). Any thread. */
    public void forget(Entry entry) {
        command(() -> {
            entry.forgotten = true;
            SelectionKey key = entry.key;
            entry.key = null;
            if (key != null) {
                key.cancel();
            }
        });
    }

    /** Ends the thread once the commands queued before this one have run. Any thread. */
    public void shutdown() {
        command(() -> exit = true);
    }

    /** Whether the thread has ended. */
    public boolean ended() {
        return !thread.isAlive();
    }

    private void armNow(Entry entry, int ops) {
        if (entry.forgotten) {
            return;
        }
        entry.armed = ops;
        if (entry.hungUp) {
            report(entry, ops);
            return;
        }
        SelectionKey key = entry.key;
        try {
            if (key != null) {
                key.interestOps(ops);
            } else if (ops != 0) {
                entry.key = entry.channel.register(selector, ops, entry);
            }
        } catch (CancelledKeyException dropped) {
            // junixsocket dropped the key while it was disarmed (the connection hung up), so no
            // select will ever report it: report it ready from now on, as selected() does. If its
            // owner closed it instead, the owner forgets it, and the report reaches a cancelled key.
            entry.hungUp = true;
            entry.key = null;
            report(entry, ops);
        } catch (ClosedChannelException closed) {
            // the channel closed meanwhile: its owner forgets it
        } catch (RuntimeException e) {
            LOG.warn("cannot watch {}: {}", entry.channel, e.toString());
        }
    }

    private void report(Entry entry, int ops) {
        if (ops != 0) {
            entry.armed = 0;
            entry.readiness.ready(ops);
        }
    }

    private void command(Runnable command) {
        commands.add(command);
        if (wakePending.compareAndSet(false, true)) {
            synchronized (wakeByte) {
                try {
                    wakeByte.clear();
                    wakeSender.write(wakeByte);
                } catch (IOException e) {
                    LOG.warn("cannot wake the junixsocket poller: {}", e.toString());
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
                    if (key.attachment() instanceof Entry entry && entry.key == key) {
                        selected(entry, key);
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | RuntimeException e) {
            LOG.failure(
                    "The junixsocket poller failed; the UNIX sockets it watched for this reactor are no longer served",
                    e);
        } finally {
            closeQuietly();
        }
    }

    private void selected(Entry entry, SelectionKey key) {
        if (!key.isValid()) {
            // junixsocket dropped the key (the connection hung up): report it ready from now on
            entry.hungUp = true;
            entry.key = null;
            report(entry, entry.armed);
            return;
        }
        int ready = key.readyOps() & entry.armed;
        if (ready != 0) {
            key.interestOps(0); // until the reactor has served it
            report(entry, ready);
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
