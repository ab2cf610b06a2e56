package io.jtwisted.internet.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The timer heap against a sorted list, under random adds, removals and polls. */
class TimerHeapTest {
    private final DelayedCalls owner = new DelayedCalls(() -> 0);

    @Test
    void pollsInTimeThenSequenceOrderUnderRandomAddsAndRemoves() {
        SplittableRandom random = new SplittableRandom(7);
        TimerHeap heap = new TimerHeap();
        List<DelayedCall> model = new ArrayList<>();
        Comparator<DelayedCall> order =
                Comparator.<DelayedCall>comparingDouble(c -> c.time).thenComparingLong(c -> c.sequence);
        long sequence = 0;
        for (int step = 0; step < 20_000; step++) {
            int action = random.nextInt(10);
            if (action < 5 || model.isEmpty()) {
                DelayedCall call = new DelayedCall(owner, random.nextInt(50), () -> {});
                call.sequence = sequence++;
                heap.add(call);
                model.add(call);
            } else if (action < 8) {
                DelayedCall victim = model.remove(random.nextInt(model.size()));
                heap.remove(victim);
                assertThat(victim.heapIndex).isEqualTo(-1);
            } else {
                model.sort(order);
                DelayedCall expected = model.remove(0);
                assertThat(heap.poll()).isSameAs(expected);
            }
            assertThat(heap.size()).isEqualTo(model.size());
        }
        model.sort(order);
        for (DelayedCall expected : model) {
            assertThat(heap.poll()).isSameAs(expected);
        }
        assertThat(heap.isEmpty()).isTrue();
        assertThat(heap.poll()).isNull();
    }
}
