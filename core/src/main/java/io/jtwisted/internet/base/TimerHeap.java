package io.jtwisted.internet.base;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A min-heap of {@link DelayedCall}s ordered by (time, sequence): the earliest first, and among calls
 * due at the same time the one scheduled first. Each call knows its index, so removing one (a cancel)
 * costs O(log n).
 *
 * <p>The heap is 4-ary and keeps the keys in primitive arrays beside the calls: comparisons read
 * contiguous memory instead of following a pointer per call, which is what a heap of a million
 * timers spends its time on.
 */
final class TimerHeap {
    private static final int ARITY = 4;

    private DelayedCall[] calls = new DelayedCall[16]; // slots from size on are null
    private double[] times = new double[16];
    private long[] sequences = new long[16];
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    @Nullable
    DelayedCall peek() {
        return size == 0 ? null : calls[0];
    }

    void add(DelayedCall call) {
        if (size == calls.length) {
            int capacity = size * 2;
            calls = Arrays.copyOf(calls, capacity);
            times = Arrays.copyOf(times, capacity);
            sequences = Arrays.copyOf(sequences, capacity);
        }
        siftUp(size++, call, call.time, call.sequence);
    }

    @Nullable
    DelayedCall poll() {
        if (size == 0) {
            return null;
        }
        DelayedCall first = calls[0];
        removeAt(0);
        return first;
    }

    /** Removes {@code call} if it is in this heap. */
    void remove(DelayedCall call) {
        int index = call.heapIndex;
        if (index >= 0 && index < size && calls[index] == call) {
            removeAt(index);
        }
    }

    List<DelayedCall> toList() {
        return new ArrayList<>(Arrays.asList(calls).subList(0, size));
    }

    @SuppressWarnings("NullAway") // clears the slot past the heap's end: slots below size are never null
    private void removeAt(int index) {
        calls[index].heapIndex = -1;
        size--;
        DelayedCall last = calls[size];
        double lastTime = times[size];
        long lastSequence = sequences[size];
        calls[size] = null;
        if (index == size) {
            return;
        }
        siftDown(index, last, lastTime, lastSequence);
        if (calls[index] == last) {
            siftUp(index, last, lastTime, lastSequence);
        }
    }

    private void siftUp(int index, DelayedCall call, double time, long sequence) {
        while (index > 0) {
            int parent = (index - 1) / ARITY;
            if (!before(time, sequence, times[parent], sequences[parent])) {
                break;
            }
            place(index, calls[parent], times[parent], sequences[parent]);
            index = parent;
        }
        place(index, call, time, sequence);
    }

    private void siftDown(int index, DelayedCall call, double time, long sequence) {
        for (; ; ) {
            int first = index * ARITY + 1;
            if (first >= size) {
                break;
            }
            int end = Math.min(first + ARITY, size);
            int best = first;
            double bestTime = times[first];
            long bestSequence = sequences[first];
            for (int child = first + 1; child < end; child++) {
                if (before(times[child], sequences[child], bestTime, bestSequence)) {
                    best = child;
                    bestTime = times[child];
                    bestSequence = sequences[child];
                }
            }
            if (!before(bestTime, bestSequence, time, sequence)) {
                break;
            }
            place(index, calls[best], bestTime, bestSequence);
            index = best;
        }
        place(index, call, time, sequence);
    }

    private void place(int index, DelayedCall call, double time, long sequence) {
        calls[index] = call;
        times[index] = time;
        sequences[index] = sequence;
        call.heapIndex = index;
    }

    private static boolean before(double time, long sequence, double otherTime, long otherSequence) {
        return time < otherTime || (time == otherTime && sequence < otherSequence);
    }
}
