package io.jtwisted.protocols.tls;

import java.util.function.LongSupplier;

/**
 * How much of one reactor thread's time the engines' delegated tasks have taken inline lately:
 * the time is cut into windows of {@link #WINDOW_NANOS}, and a task may run inline while the tasks
 * of the current window took less than the allowed share of it. Handing a task to the pool costs
 * two thread wake-ups (there and back), which on a machine with a core to spare is more than the
 * task itself saves; the budget keeps that cheap path from starving the reactor's other
 * connections when handshakes pile up, because past it every task goes to the pool. Time is wall
 * time: on a machine whose cores are busy elsewhere a task takes longer, so the pool takes over
 * sooner, which is where a loaded machine's handshakes go faster.
 */
final class InlineTaskBudget {
    /** The accounting window: 100 ms. */
    static final long WINDOW_NANOS = 100_000_000L;

    private static final ThreadLocal<InlineTaskBudget> PER_THREAD =
            ThreadLocal.withInitial(() -> new InlineTaskBudget(System::nanoTime));

    private final LongSupplier clock;
    private long windowStart;
    private long spent;

    InlineTaskBudget(LongSupplier clock) {
        this.clock = clock;
        this.windowStart = clock.getAsLong();
    }

    /** The budget of the calling (reactor) thread. */
    static InlineTaskBudget forCurrentThread() {
        return PER_THREAD.get();
    }

    /** The clock reading now, starting a new window when the current one is over. */
    long now() {
        long now = clock.getAsLong();
        if (now - windowStart >= WINDOW_NANOS) {
            windowStart = now;
            spent = 0;
        }
        return now;
    }

    /** Whether a task may run inline now, when tasks may take {@code share} (0 to 1) of the thread's time. */
    boolean allows(double share) {
        now();
        return share > 0 && spent < share * WINDOW_NANOS;
    }

    /** Records a task run inline that started at {@code startedAt} (a reading of {@link #now()}). */
    void spentSince(long startedAt) {
        spent += clock.getAsLong() - startedAt;
    }
}
