package io.jtwisted.internal.unix.afunix;

import io.jtwisted.internal.loop.EventLoop;
import io.jtwisted.internal.loop.Selectable;
import io.jtwisted.logger.Logger;
import io.jtwisted.python.failure.Failure;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.Pipe;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.spi.AbstractSelectableChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The {@link SelectionKey} of a junixsocket channel with a reactor, so that code written for the
 * JDK's keys ({@code StreamTransport}, a listening port, a connector) serves such a channel as it
 * is: {@link #interestOps(int)} arms the {@link ForeignPoller} for those operations, and when the
 * poller finds some of them ready the reactor thread calls the key's attachment with {@link
 * #readyOps()} set to them. Every call of the attachment is on the reactor thread.
 *
 * <p>The hop: the poller writes one byte into this key's pipe, whose read end is registered with
 * the reactor with this key as its {@link Selectable}, so the channel takes part in the loop as any
 * other: listed by {@code getReaders()} (as this key), disconnected at shutdown, its errors
 * handled by the loop. After the attachment ran, the key arms the poller again with whatever the
 * attachment is interested in now; a change of interest between turns arms it at once, unless a
 * report is on its way (serving that report arms it then).
 */
public final class ForeignKey extends SelectionKey implements Selectable, ForeignPoller.Readiness {
    private static final Logger LOG = Logger.forClass(ForeignKey.class);

    private final SelectableChannel shown;
    private final Polling polling;
    private final ForeignPoller poller;
    private final EventLoop reactor;
    private final ForeignPoller.Entry entry;
    private final Pipe pipe;
    private final SelectionKey pipeKey;
    private final ByteBuffer signal = ByteBuffer.allocate(1);
    private final ByteBuffer drain = ByteBuffer.allocate(16);
    private final AtomicInteger pending = new AtomicInteger(); // ops reported, not yet served
    private int interest;
    private int armed; // what the poller was last asked for, 0 once it reported
    private int ready;
    private boolean dispatching;
    private boolean valid = true;
    private long wakeups;
    private boolean released; // the poller let go of the channel (reactor thread)
    private final List<Runnable> afterRelease = new ArrayList<>(0);

    private ForeignKey(
            SelectableChannel shown, Polling polling, AbstractSelectableChannel watched, Pipe pipe, EventLoop reactor)
            throws IOException {
        this.shown = shown;
        this.polling = polling;
        this.pipe = pipe;
        this.reactor = reactor;
        this.entry = polling.watch(watched, this);
        this.poller = entry.poller();
        try {
            this.pipeKey = reactor.register(pipe.source(), SelectionKey.OP_READ, this);
        } catch (IOException | RuntimeException e) {
            polling.release(entry);
            throw e;
        }
    }

    /**
     * Registers {@code watched} (a non-blocking junixsocket channel) with {@code reactor}.
     *
     * @param shown what {@link #channel()} gives: {@code watched} itself, or the channel its user
     *     knows it by
     * @param handler the attachment (may be {@code null} while the channel is set up)
     */
    public static ForeignKey register(
            EventLoop reactor,
            Polling polling,
            AbstractSelectableChannel watched,
            SelectableChannel shown,
            int ops,
            @Nullable Selectable handler)
            throws IOException {
        Pipe pipe = Pipe.open();
        ForeignKey key;
        try {
            pipe.sink().configureBlocking(false);
            key = new ForeignKey(shown, polling, watched, pipe, reactor);
        } catch (IOException | RuntimeException e) {
            closeQuietly(pipe.source());
            closeQuietly(pipe.sink());
            throw e;
        }
        key.attach(handler);
        key.interestOps(ops);
        return key;
    }

    // ---- the poller's side (poller thread) -------------------------------------------------

    @Override
    public void ready(int ops) {
        if (pending.getAndAccumulate(ops, (a, b) -> a | b) == 0) {
            try {
                signal.clear();
                pipe.sink().write(signal);
            } catch (ClosedChannelException closed) {
                // cancelled meanwhile
            } catch (IOException e) {
                LOG.warn("{}: cannot wake the reactor: {}", this, e.toString());
            }
        }
    }

    // ---- the reactor's side ----------------------------------------------------------------

    /**
     * The pipe is readable: serve what the poller reported, then tell it so, with what to watch
     * now. A change of interest made meanwhile ({@link #interestOps(int)}) waits for that.
     */
    @Override
    public void handleIo(SelectionKey key) {
        wakeups++;
        drainPipe();
        int reported = pending.getAndSet(0);
        if (reported == 0) {
            return;
        }
        armed = 0; // the poller disarmed the channel when it reported
        int ops = reported & interest;
        if (ops != 0 && valid && attachment() instanceof Selectable target) {
            ready = ops;
            dispatching = true;
            if (shown instanceof AfUnixSocketChannel stream) {
                stream.readinessReported((ops & OP_READ) != 0);
            }
            try {
                target.handleIo(this);
            } finally {
                dispatching = false;
                ready = 0;
                if (shown instanceof AfUnixSocketChannel stream) {
                    stream.readinessReported(false);
                }
            }
        }
        if (valid) {
            armed = interest;
            poller.served(entry, interest); // even for 0: the poller waits for this before polling again
        }
    }

    private void drainPipe() {
        try {
            int n;
            do {
                drain.clear();
                n = pipe.source().read(drain);
            } while (n == drain.capacity());
        } catch (IOException e) {
            LOG.warn("{}: reading the wake pipe failed: {}", this, e.toString());
        }
    }

    private void rearm() {
        if (valid && interest != armed) {
            armed = interest;
            poller.arm(entry, interest);
        }
    }

    /** The reactor shuts down (or the loop closes this after an error): tell the attachment. */
    @Override
    public void connectionLost(Failure reason) {
        if (attachment() instanceof Selectable target) {
            target.connectionLost(reason);
        }
        cancel(); // a target that closed has cancelled already; one that did not must not keep the poller
    }

    // ---- SelectionKey ----------------------------------------------------------------------

    @Override
    public SelectableChannel channel() {
        return shown;
    }

    @Override
    public Selector selector() {
        return pipeKey.selector();
    }

    @Override
    public boolean isValid() {
        return valid;
    }

    /** Stops watching the channel for good (its owner closes it next). */
    @Override
    public void cancel() {
        if (!valid) {
            return;
        }
        valid = false;
        pipeKey.cancel();
        polling.release(entry, () -> reactor.callFromThread(this::releasedNow));
        closeQuietly(pipe.source());
        closeQuietly(pipe.sink());
    }

    /**
     * Runs {@code then} on the reactor thread once this key is cancelled and the poller holds its
     * channel no more, so that a closed channel is really released (an abstract name is free to
     * bind again): at once if that is so already. Reactor thread.
     */
    public void whenReleased(Runnable then) {
        if (released) {
            then.run();
        } else {
            afterRelease.add(then);
        }
    }

    private void releasedNow() {
        released = true;
        for (Runnable then : List.copyOf(afterRelease)) {
            then.run();
        }
        afterRelease.clear();
    }

    @Override
    public int interestOps() {
        checkValid();
        return interest;
    }

    /** Asks for {@code ops}: the poller is armed for them now, or after the attachment's turn if it is running. */
    @Override
    public SelectionKey interestOps(int ops) {
        checkValid();
        interest = ops;
        if (!dispatching) {
            rearm();
        }
        return this;
    }

    @Override
    public int readyOps() {
        checkValid();
        return ready;
    }

    private void checkValid() {
        if (!valid) {
            throw new CancelledKeyException();
        }
    }

    private static void closeQuietly(java.nio.channels.Channel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // nothing more to do with a channel we are dropping
        }
    }

    /** Turns in which the poller woke the reactor for this channel: a test's proof of no spinning. */
    public long wakeups() {
        return wakeups;
    }

    @Override
    public String toString() {
        return "<junixsocket channel of " + attachment() + ">";
    }
}
