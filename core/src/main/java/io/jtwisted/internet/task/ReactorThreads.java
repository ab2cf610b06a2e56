package io.jtwisted.internet.task;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.interfaces.IReactorCore;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a reactor's loop on a thread of its own, a virtual thread by default, and waits for it:
 * what {@link Task#react} does. On a virtual thread each hand-off between the loop and a
 * {@link io.jtwisted.internet.defer.Deferred#async} body is a switch between two virtual threads
 * instead of a wake-up through the operating system, so awaits on unfired Deferreds cost a few
 * times less; waking an idle loop for I/O costs a little more (the JDK parks a virtual thread
 * that waits in a selector on its own poller thread). docs/deferreds.md has the figures.
 *
 * <p>The system property {@value #PROPERTY} chooses the default: {@code virtual} (when unset) or
 * {@code platform}. Whichever thread runs it, that thread is the reactor thread, exactly as the
 * caller's own thread is after {@code reactor.run()}.
 */
public final class ReactorThreads {
    /** The system property naming the default kind of loop thread: {@code virtual} or {@code platform}. */
    public static final String PROPERTY = "io.jtwisted.reactor.thread";

    private ReactorThreads() {}

    /**
     * True unless {@value #PROPERTY} is {@code platform}.
     *
     * @throws IllegalArgumentException when the property has another value than the two
     */
    public static boolean virtualByDefault() {
        String kind = System.getProperty(PROPERTY, "virtual").trim().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "virtual" -> true;
            case "platform" -> false;
            default ->
                throw new IllegalArgumentException(
                        PROPERTY + " is virtual or platform, not " + System.getProperty(PROPERTY));
        };
    }

    /** Runs {@code reactor}'s loop as {@link #run(IReactorCore, boolean)} does, on the default kind of thread. */
    public static void run(IReactorCore reactor) {
        run(reactor, virtualByDefault());
    }

    /**
     * Runs {@code reactor}'s loop until it stops: on a new virtual thread when {@code virtual} is
     * true (the caller waits for it, so the JVM stays alive meanwhile), on the calling thread
     * otherwise. SIGINT and SIGTERM stop the global reactor when the caller is the main thread,
     * as with {@code reactor.run()} there. What the loop throws is thrown here.
     */
    public static void run(IReactorCore reactor, boolean virtual) {
        if (!virtual) {
            reactor.run();
            return;
        }
        // Decided here, on the caller's thread, as run() itself would decide it there.
        boolean signals = "main".equals(Thread.currentThread().getName()) && reactor == Reactor.reactor;
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread loop = Thread.ofVirtual().name("reactor").start(() -> {
            try {
                if (reactor instanceof Reactor full) {
                    full.run(signals);
                } else {
                    reactor.run();
                }
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        boolean interrupted = false;
        while (true) {
            try {
                loop.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the loop still runs: keep waiting for it, as reactor.run() would
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable t = thrown.get();
        if (t instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        if (t instanceof Error error) {
            throw error;
        }
        if (t != null) {
            throw new IllegalStateException("the reactor's loop failed", t);
        }
    }
}
