package io.jtwisted.internal.unix.afunix;

import io.jtwisted.logger.Logger;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.spi.AbstractSelectableChannel;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.newsclub.net.unix.AFDatagramChannel;
import org.newsclub.net.unix.AFServerSocketChannel;
import org.newsclub.net.unix.AFSocketChannel;
import org.newsclub.net.unix.AFSocketPair;
import org.newsclub.net.unix.AFSomeSocketChannel;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSelectorProvider;
import org.newsclub.net.unix.AFUNIXServerSocketChannel;
import org.newsclub.net.unix.AFUNIXSocketChannel;
import org.newsclub.net.unix.FileDescriptorCast;

/**
 * The thread that waits for a reactor's junixsocket channels to become ready. Those channels
 * belong to their own {@code SelectorProvider}, so the reactor's selector cannot wait on them;
 * this thread waits on them with junixsocket's selector instead, and does nothing else: it never
 * reads nor writes a socket, and never calls a protocol.
 *
 * <p>Each channel is an {@link Entry}, armed for some operations ({@link #arm}). When the channel
 * is ready for some of them the poller disarms it and tells its {@link Readiness} which; the
 * reactor thread does the I/O and arms it again ({@link #served}). So the thread wakes once per
 * readiness, never spins on a channel the reactor has not served yet, and sleeps in {@code poll}
 * otherwise. Until the reactor has served a report, a change of interest ({@link #arm}) is not
 * polled for: a second report could otherwise tell of bytes the reactor is reading at that moment,
 * and find nothing when it is served (which, for a stream, reads as its end).
 *
 * <p>A socket whose connection is shut both ways ({@code POLLHUP}, or {@code POLLERR}) gets a key
 * that junixsocket calls invalid and drops from its selector; the poller cancels that key at once
 * and leaves the channel open for the reactor. The entry is "hung up" from then on: every read on
 * it returns what is left and then end-of-file, every write fails, so it is reported ready at once
 * whenever it is armed, without polling.
 *
 * <p>A channel closed on the reactor thread is still held by the kernel while this thread waits in
 * {@code poll} with it (for an abstract name: the name stays taken); {@link #forget} tells its
 * caller when the poller has let go of it.
 *
 * <p>Every change to the selector is a command run by this thread, so the selector has one user:
 * other threads queue a command and wake the poller through a socket pair of its own.
 *
 * <p>The poller watches a duplicate of each channel's descriptor, which only this thread closes
 * (when the entry is forgotten). junixsocket's selector must not see a registered channel close
 * under it: it counts the valid keys, then fills its poll set with them, and a channel closed by
 * the reactor thread in between leaves a hole that fails the select. The socket itself lives on
 * until that duplicate is closed too, which {@link #forget} tells its caller.
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
        private final ForeignPoller poller;
        private final AbstractSelectableChannel channel; // on the duplicate the poller watches and closes
        private final FileDescriptor duplicate;
        private final Readiness readiness;
        private @Nullable SelectionKey key;
        private int armed;
        private boolean hungUp;
        private boolean forgotten;
        private boolean reported; // reported ready, not served yet

        private Entry(
                ForeignPoller poller,
                AbstractSelectableChannel channel,
                FileDescriptor duplicate,
                Readiness readiness) {
            this.poller = poller;
            this.channel = channel;
            this.duplicate = duplicate;
            this.readiness = readiness;
        }

        /** The poller that watches this entry. */
        public ForeignPoller poller() {
            return poller;
        }
    }

    private final Selector selector;
    private final AFUNIXDatagramChannel wakeSender;
    private final AFUNIXDatagramChannel wakeReceiver;
    private final Queue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final Set<Entry> live = ConcurrentHashMap.newKeySet(); // made, not forgotten yet
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final ByteBuffer wakeByte = ByteBuffer.allocate(1);
    private final ByteBuffer drain = ByteBuffer.allocate(64);
    private final Thread thread;
    private boolean exit; // poller thread only
    private final AtomicLong hangUps = new AtomicLong();

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
    public Entry entry(AbstractSelectableChannel channel, Readiness readiness) throws IOException {
        FileDescriptor duplicate =
                FileDescriptorCast.duplicating(descriptor(channel)).getFileDescriptor();
        AbstractSelectableChannel watched;
        try {
            watched = castLike(channel, duplicate);
            watched.configureBlocking(false); // the descriptors share their flags: the original stays non-blocking
        } catch (IOException | RuntimeException e) {
            closeDescriptor(duplicate);
            throw e;
        }
        Entry entry = new Entry(this, watched, duplicate, readiness);
        live.add(entry);
        return entry;
    }

    private static FileDescriptor descriptor(AbstractSelectableChannel channel) throws IOException {
        if (channel instanceof AFSomeSocketChannel socket) {
            return socket.getFileDescriptor();
        }
        throw new IllegalArgumentException("not a junixsocket channel: " + channel);
    }

    /**
     * A channel of {@code channel}'s kind on {@code duplicate}. junixsocket's casts do not own their
     * descriptor (closing the channel leaves it open): {@link #closeWatched} closes it.
     */
    private static AbstractSelectableChannel castLike(AbstractSelectableChannel channel, FileDescriptor duplicate)
            throws IOException {
        // Nothing may shut the socket down or remove its file through the cast: both are its owner's.
        FileDescriptorCast cast = FileDescriptorCast.using(duplicate);
        if (channel instanceof AFSocketChannel<?>) {
            AFUNIXSocketChannel stream = cast.as(AFUNIXSocketChannel.class);
            stream.setShutdownOnClose(false);
            return stream;
        } else if (channel instanceof AFServerSocketChannel<?>) {
            AFUNIXServerSocketChannel server = cast.as(AFUNIXServerSocketChannel.class);
            server.setShutdownOnClose(false);
            server.setDeleteOnClose(false);
            return server;
        } else if (channel instanceof AFDatagramChannel<?>) {
            AFUNIXDatagramChannel datagrams = cast.as(AFUNIXDatagramChannel.class);
            datagrams.setShutdownOnClose(false);
            datagrams.setDeleteOnClose(false);
            return datagrams;
        }
        throw new IllegalArgumentException("not a junixsocket channel: " + channel);
    }

    /**
     * Closes the poller's duplicate of an entry's descriptor (its key cancelled before). Not through
     * the cast channel: its {@code close} shuts the shared socket down, whatever its
     * shutdown-on-close setting says.
     */
    private static void closeWatched(Entry entry) {
        closeDescriptor(entry.duplicate);
    }

    private static void closeDescriptor(FileDescriptor descriptor) {
        // the JDK's one public way to close a bare descriptor; it is marked invalid (-1) after
        try {
            new FileInputStream(descriptor).close();
        } catch (IOException e) {
            LOG.warn("cannot close a poller's duplicate descriptor: {}", e.toString());
        }
    }

    /**
     * Watches {@code entry} for {@code ops} (0: not at all, for now), unless it has been reported
     * ready and not {@linkplain #served served} yet: then {@link #served} says what to watch. Any
     * thread.
     */
    public void arm(Entry entry, int ops) {
        command(() -> armNow(entry, ops, false));
    }

    /**
     * The report of {@code entry}'s readiness has been served (its I/O is done): watches it for
     * {@code ops} from now on. Any thread.
     */
    public void served(Entry entry, int ops) {
        command(() -> armNow(entry, ops, true));
    }

    /**
     * Stops watching {@code entry} for good (before its channel is closed), then runs {@code
     * released} on the poller thread: from then on the poller holds the channel in no {@code poll},
     * so closing it releases the socket (and its name). {@code released} also runs, on the calling
     * thread, if the poller has ended. Any thread.
     */
    public void forget(Entry entry, Runnable released) {
        AtomicBoolean ran = new AtomicBoolean();
        Runnable once = () -> {
            if (ran.compareAndSet(false, true)) {
                released.run();
            }
        };
        command(() -> {
            entry.forgotten = true;
            SelectionKey key = entry.key;
            entry.key = null;
            if (key != null) {
                key.cancel();
            }
            live.remove(entry);
            closeWatched(entry);
            once.run();
        });
        if (ended()) {
            once.run(); // the thread is gone: nothing holds the channel
        }
    }

    /** Ends the thread once the commands queued before this one have run. Any thread. */
    public void shutdown() {
        command(() -> exit = true);
    }

    /** How many watched connections this poller has seen hang up (tests). */
    public long hangUps() {
        return hangUps.get();
    }

    /** Waits up to {@code millis} for the thread to end; whether it has (tests). */
    boolean awaitEnd(long millis) throws InterruptedException {
        thread.join(millis);
        return ended();
    }

    /** Whether the thread has ended. */
    public boolean ended() {
        return !thread.isAlive();
    }

    private void armNow(Entry entry, int ops, boolean served) {
        if (entry.forgotten) {
            return;
        }
        if (served) {
            entry.reported = false;
        } else if (entry.reported) {
            return; // the reactor says what to watch once it has served the report
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
            hungUp(entry);
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
            entry.reported = true;
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
            // The connection hung up: junixsocket will not poll this key again. Cancelled here
            // rather than left for its next select to drop; reported ready from now on instead.
            key.cancel();
            hungUp(entry);
            report(entry, entry.armed);
            return;
        }
        int ready = key.readyOps() & entry.armed;
        if (ready != 0) {
            key.interestOps(0); // until the reactor has served it
            report(entry, ready);
        }
    }

    /** {@code entry}'s connection hung up: its key is gone, and it is reported ready whenever armed. */
    private void hungUp(Entry entry) {
        entry.hungUp = true;
        entry.key = null;
        hangUps.incrementAndGet();
    }

    private void runCommands() throws IOException {
        drain.clear();
        while (wakeReceiver.read(drain) > 0) {
            drain.clear();
        }
        // Cleared after the drain, never before: a wake-up sent between the two would be drained
        // with the flag left set, and every later command would then wait, unannounced, for good.
        wakePending.set(false);
        Runnable command;
        while ((command = commands.poll()) != null) {
            command.run();
        }
    }

    private void closeQuietly() {
        for (Entry entry : live) {
            closeWatched(entry); // ending with entries left: only after a failure
        }
        closeQuietly(selector);
        closeQuietly(wakeSender);
        closeQuietly(wakeReceiver);
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // nothing more to do with what the poller is dropping
        }
    }
}
