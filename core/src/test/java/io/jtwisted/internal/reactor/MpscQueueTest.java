package io.jtwisted.internal.reactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The lock-free queue behind callFromThread. */
class MpscQueueTest {
    @Test
    void drainsInOfferOrderAcrossChunks() {
        MpscQueue<Integer> queue = new MpscQueue<>();
        assertThat(queue.isEmpty()).isTrue();
        int n = MpscQueue.CHUNK_SIZE * 3 + 7;
        for (int i = 0; i < n; i++) {
            queue.offer(i);
        }
        assertThat(queue.isEmpty()).isFalse();
        List<Integer> seen = new ArrayList<>();
        assertThat(queue.drain(seen::add)).isEqualTo(n);
        assertThat(seen).hasSize(n).isSorted();
        assertThat(queue.isEmpty()).isTrue();
        assertThat(queue.drain(seen::add)).isZero();
    }

    @Test
    void elementsOfferedDuringADrainWaitForTheNextOne() {
        MpscQueue<String> queue = new MpscQueue<>();
        List<String> seen = new ArrayList<>();
        queue.offer("first");
        queue.drain(value -> {
            seen.add(value);
            queue.offer("offered while draining");
        });
        assertThat(seen).containsExactly("first");
        assertThat(queue.isEmpty()).isFalse();
        seen.clear();
        queue.drain(seen::add);
        assertThat(seen).containsExactly("offered while draining");
    }

    @Test
    void concurrentProducersLoseNothingAndKeepTheirOwnOrder() throws InterruptedException {
        MpscQueue<long[]> queue = new MpscQueue<>();
        int producers = 4;
        int perProducer = 200_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int id = p;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perProducer; i++) {
                    queue.offer(new long[] {id, i});
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        long[] next = new long[producers];
        int[] total = {0};
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (total[0] < producers * perProducer && System.nanoTime() < deadline) {
            queue.drain(item -> {
                assertThat(item[1]).isEqualTo(next[(int) item[0]]);
                next[(int) item[0]]++;
                total[0]++;
            });
            Thread.onSpinWait();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(total[0]).isEqualTo(producers * perProducer);
        assertThat(queue.isEmpty()).isTrue();
    }
}
