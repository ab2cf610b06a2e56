package io.jtwisted.internal.unix.afunix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.spi.AbstractSelectableChannel;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ForeignPoller} started with the first channel that needs it and ended after the last
 * one is gone, so that a reactor without junixsocket channels has no extra thread. Used on the
 * reactor thread only.
 */
public final class Polling {
    private final String threadName;
    private @Nullable ForeignPoller poller;
    private int open;

    public Polling(String threadName) {
        this.threadName = threadName;
    }

    /**
     * One more channel is watched: its entry (not armed yet) with the poller, started if this is
     * the first. If the entry cannot be made, a poller started for it ends again.
     */
    public ForeignPoller.Entry watch(AbstractSelectableChannel channel, ForeignPoller.Readiness readiness)
            throws IOException {
        ForeignPoller running = poller;
        if (running == null) {
            try {
                running = new ForeignPoller(threadName);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start watching junixsocket channels", e);
            }
            poller = running;
        }
        open++;
        try {
            return running.entry(channel, readiness);
        } catch (IOException | RuntimeException e) {
            if (--open == 0) {
                running.shutdown();
                poller = null;
            }
            throw e;
        }
    }

    /** A channel watched before is gone: {@code entry} is forgotten, and the poller ends if it was the last. */
    public void release(ForeignPoller.Entry entry) {
        release(entry, () -> {});
    }

    /**
     * As {@link #release(ForeignPoller.Entry)}, then runs {@code released} (on the poller thread, or
     * here if no poller runs) once the poller holds the entry's channel no more.
     */
    public void release(ForeignPoller.Entry entry, Runnable released) {
        ForeignPoller running = poller;
        if (running == null) {
            released.run();
            return;
        }
        running.forget(entry, released);
        if (--open == 0) {
            running.shutdown();
            poller = null;
        }
    }

    /** The running poller, if any (tests). */
    public @Nullable ForeignPoller current() {
        return poller;
    }

    /** Whether a poller thread runs now (tests: it ends with the last channel). */
    public boolean polling() {
        return poller != null;
    }
}
