package io.jtwisted.web.http;

import io.jtwisted.logger.ILogObserver;
import io.jtwisted.logger.LogEvent;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * An access log written off the reactor thread: {@link #observe} only queues the line; a daemon
 * thread writes queued lines to the {@link Writer} (for example a rotating {@code
 * io.jtwisted.python.logfile.LogFile}) in batches and flushes when the queue is empty. Give it to
 * {@link HTTPFactory#setAccessLogObserver}.
 *
 * <p>When the disk cannot keep up and {@code capacity} lines are waiting, further lines are
 * dropped (counted by {@link #dropped()}) rather than slowing the server.
 */
public final class AccessLogFile implements ILogObserver, AutoCloseable {
    private static final Object STOP = new Object();

    private final BlockingQueue<Object> queue; // LogEvents, and STOP
    private final Writer out;
    private final Thread writer;
    private final AtomicLong dropped = new AtomicLong();
    private volatile @Nullable IOException failure; // why the writer thread stopped, if it failed

    /** Writes to {@code out}, keeping at most {@code capacity} lines waiting. */
    public AccessLogFile(Writer out, int capacity) {
        this.out = out;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = new Thread(this::drain, "access-log-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Writes to {@code out} with room for 65536 waiting lines. */
    public AccessLogFile(Writer out) {
        this(out, 65536);
    }

    @Override
    public void observe(LogEvent event) {
        if (!queue.offer(event)) { // the text is rendered on the writer thread
            dropped.incrementAndGet();
        }
    }

    /** Lines dropped because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    private void drain() {
        List<Object> batch = new ArrayList<>(256);
        try {
            while (true) {
                Object first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, 4095);
                for (Object item : batch) {
                    if (item == STOP) {
                        out.flush();
                        return;
                    }
                    out.write(((LogEvent) item).message());
                    out.write('\n');
                }
                batch.clear();
                if (queue.isEmpty()) {
                    out.flush();
                }
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            failure = e;
        }
    }

    /** Writes every line queued so far, stops the writer thread and closes the writer. */
    @Override
    public void close() throws IOException {
        try {
            queue.put(STOP);
            writer.join(10_000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt(); // keep the caller's interrupt; lines still queued are lost
        } finally {
            out.close();
        }
        IOException failed = failure;
        if (failed != null) {
            throw failed;
        }
    }
}
