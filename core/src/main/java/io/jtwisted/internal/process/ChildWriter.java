package io.jtwisted.internal.process;

import io.jtwisted.internal.loop.EventLoop;
import io.jtwisted.internet.interfaces.IProducer;
import io.jtwisted.internet.interfaces.IPullProducer;
import io.jtwisted.internet.interfaces.IPushProducer;
import io.jtwisted.logger.Logger;
import io.jtwisted.python.failure.Failure;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.LinkedBlockingQueue;
import org.jspecify.annotations.Nullable;

/**
 * The pipe to the child's stdin. Writes are queued on the reactor thread and a virtual thread
 * writes them to the pipe (which may block while the child does not read), reporting each batch
 * back with {@code callFromThread}. The bytes queued but not yet written are the transport's
 * buffer: a registered streaming producer is paused above {@link #HIGH_WATER} of them and
 * resumed at or below {@link #LOW_WATER}, as a socket transport does.
 *
 * <p>Fields marked "reactor" are touched only on the reactor thread; the writing thread touches
 * only the queue and the stream.
 */
final class ChildWriter implements Runnable {
    /** Above this many unwritten bytes a streaming producer is paused (the stream transports' mark). */
    static final int HIGH_WATER = 64 * 1024;
    /** At or below this many it is resumed. */
    static final int LOW_WATER = 16 * 1024;

    private static final Logger log = Logger.forClass(ChildWriter.class);
    private static final byte[] CLOSE = new byte[0]; // compared by identity: the end of the queue

    private final ProcessTransport owner;
    private final EventLoop reactor;
    private final OutputStream out;
    private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    private long pending; // reactor: queued, not yet written
    private boolean closing; // reactor: loseConnection was called
    private boolean closeQueued; // reactor
    private boolean lost; // reactor: the protocol has been (or is being) told
    private @Nullable IProducer producer; // reactor
    private boolean streaming; // reactor
    private boolean producerPaused; // reactor

    ChildWriter(ProcessTransport owner, EventLoop reactor, OutputStream out) {
        this.owner = owner;
        this.reactor = reactor;
        this.out = out;
    }

    void start(String threadName) {
        Thread.ofVirtual().name(threadName).start(this);
    }

    /** The writing thread: batches of queued chunks, one flush each, until the close marker. */
    @Override
    public void run() {
        try {
            boolean close = false;
            while (!close) {
                byte[] chunk = queue.take();
                long written = 0;
                while (chunk != null) {
                    if (chunk == CLOSE) {
                        close = true;
                        break;
                    }
                    out.write(chunk);
                    written += chunk.length;
                    chunk = queue.poll();
                }
                if (written > 0) {
                    out.flush();
                    long batch = written;
                    reactor.callFromThread(() -> written(batch));
                }
            }
        } catch (IOException e) {
            // EPIPE: the child closed its stdin or exited
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            out.close();
        } catch (IOException e) {
            // the pipe is broken already; closing released the descriptor
        }
        reactor.callFromThread(this::finished);
    }

    // ---- reactor thread ---------------------------------------------------------------------

    void write(byte[] data) {
        if (closing || lost || data.length == 0) {
            return; // as Twisted's: writes after closeStdin, or to a closed stdin, are dropped
        }
        pending += data.length;
        queue.add(data);
        if (producer instanceof IPushProducer push && streaming && !producerPaused && pending > HIGH_WATER) {
            producerPaused = true;
            try {
                push.pauseProducing();
            } catch (Throwable e) {
                Failure.rethrowIfFatal(e);
                log.failure("Unhandled error in pauseProducing of {}", e, push);
            }
        }
    }

    private void written(long count) {
        pending -= count;
        if (lost || producer == null) {
            return;
        }
        try {
            if (streaming && producerPaused && pending <= LOW_WATER) {
                producerPaused = false;
                ((IPushProducer) producer).resumeProducing();
            } else if (!streaming && pending == 0) {
                ((IPullProducer) producer).resumeProducing();
            }
        } catch (Throwable e) {
            Failure.rethrowIfFatal(e);
            log.failure("Unhandled error in resumeProducing of {}", e, producer);
        }
    }

    /** Closes stdin once everything queued is written and any registered producer has unregistered. */
    void loseConnection() {
        if (closing || lost) {
            return;
        }
        closing = true;
        if (producer == null) {
            queueClose();
        }
    }

    /** Drops what is still queued, closes, and tells the protocol now: the child exited, or the transport was aborted. */
    void abort() {
        if (lost) {
            return;
        }
        finished();
    }

    private void queueClose() {
        if (!closeQueued) {
            closeQueued = true;
            queue.add(CLOSE);
        }
    }

    /** The pipe is closed, by this side or because the child no longer reads it: the protocol hears the same either way. */
    private void finished() {
        if (lost) {
            return;
        }
        lost = true;
        queue.clear();
        queue.add(CLOSE); // a writer still running ends after its current write
        closeQueued = true;
        IProducer registered = producer;
        producer = null;
        if (registered != null) {
            try {
                registered.stopProducing();
            } catch (Throwable e) {
                Failure.rethrowIfFatal(e);
                log.failure("Unhandled error in stopProducing of {}", e, registered);
            }
        }
        owner.pipeLost(0);
    }

    void registerProducer(IProducer newProducer, boolean isStreaming) {
        if (producer != null) {
            throw new IllegalStateException("Cannot register producer " + newProducer + ", because producer " + producer
                    + " was never unregistered.");
        }
        if (isStreaming && !(newProducer instanceof IPushProducer)) {
            throw new IllegalArgumentException("a streaming producer must be an IPushProducer: " + newProducer);
        }
        if (!isStreaming && !(newProducer instanceof IPullProducer)) {
            throw new IllegalArgumentException("a non-streaming producer must be an IPullProducer: " + newProducer);
        }
        if (lost) {
            newProducer.stopProducing();
            return;
        }
        producer = newProducer;
        streaming = isStreaming;
        producerPaused = false;
        if (!isStreaming) {
            ((IPullProducer) newProducer).resumeProducing();
        }
    }

    void unregisterProducer() {
        producer = null;
        producerPaused = false;
        if (closing && !lost) {
            queueClose();
        }
    }

    boolean lost() {
        return lost;
    }
}
