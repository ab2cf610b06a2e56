package io.jtwisted.internal.reactor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A binary min-heap of {@link DelayedCall}s ordered by (time, sequence): the earliest first, and
 * among calls due at the same time the one scheduled first. Each call knows its index, so
 * removing one (a cancel) costs O(log n).
 */
final class TimerHeap {
    private DelayedCall[] heap = new DelayedCall[16];
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    DelayedCall peek() {
        return size == 0 ? null : heap[0];
    }

    void add(DelayedCall call) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        heap[size] = call;
        call.heapIndex = size;
        size++;
        siftUp(size - 1);
    }

    DelayedCall poll() {
        if (size == 0) {
            return null;
        }
        DelayedCall first = heap[0];
        removeAt(0);
        return first;
    }

    /** Removes {@code call} if it is in this heap. */
    void remove(DelayedCall call) {
        int index = call.heapIndex;
        if (index >= 0 && index < size && heap[index] == call) {
            removeAt(index);
        }
    }

    List<DelayedCall> toList() {
        List<DelayedCall> calls = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            calls.add(heap[i]);
        }
        return calls;
    }

    private void removeAt(int index) {
        DelayedCall removed = heap[index];
        removed.heapIndex = -1;
        size--;
        if (index == size) {
            heap[size] = null;
            return;
        }
        DelayedCall moved = heap[size];
        heap[size] = null;
        heap[index] = moved;
        moved.heapIndex = index;
        siftDown(index);
        if (heap[index] == moved) {
            siftUp(index);
        }
    }

    private void siftUp(int index) {
        DelayedCall call = heap[index];
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            DelayedCall above = heap[parent];
            if (!before(call, above)) {
                break;
            }
            heap[index] = above;
            above.heapIndex = index;
            index = parent;
        }
        heap[index] = call;
        call.heapIndex = index;
    }

    private void siftDown(int index) {
        DelayedCall call = heap[index];
        int half = size >>> 1;
        while (index < half) {
            int child = 2 * index + 1;
            int right = child + 1;
            if (right < size && before(heap[right], heap[child])) {
                child = right;
            }
            DelayedCall below = heap[child];
            if (!before(below, call)) {
                break;
            }
            heap[index] = below;
            below.heapIndex = index;
            index = child;
        }
        heap[index] = call;
        call.heapIndex = index;
    }

    private static boolean before(DelayedCall a, DelayedCall b) {
        return a.time < b.time || (a.time == b.time && a.sequence < b.sequence);
    }
}
