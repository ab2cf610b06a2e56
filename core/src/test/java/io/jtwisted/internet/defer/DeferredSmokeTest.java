package io.jtwisted.internet.defer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** First checks of the callback machinery; the full port of test_defer lives beside it. */
class DeferredSmokeTest {
    @Test
    void chainedDeferredResumesTheWaitingChainWithItsResult() {
        List<String> seen = new ArrayList<>();
        Deferred<String> d1 = new Deferred<>();
        Deferred<String> d2 = new Deferred<>();
        d1.addCallbackDeferring(x -> {
            seen.add("d1: " + x);
            return d2;
        }).addCallback(x -> seen.add("d1-1: " + x));
        d2.addCallback(x -> {
            seen.add("d2: " + x);
            return x;
        });
        d1.callback("d1 result");
        d2.callback("d2 result");
        assertThat(seen).containsExactly("d1: d1 result", "d2: d2 result", "d1-1: d2 result");
    }

    @Test
    void deepNestingDoesNotOverflowTheStack() {
        Deferred<Integer> outer = new Deferred<>();
        Deferred<Integer> last = outer;
        List<Deferred<Integer>> inners = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            Deferred<Integer> inner = new Deferred<>();
            inners.add(inner);
            last.addCallbackDeferring(x -> inner);
            last = inner;
        }
        outer.callback(0);
        for (int i = 0; i < inners.size() - 1; i++) {
            inners.get(i).callback(0);
        }
        assertThat(outer.hasResult()).isFalse();
        inners.get(inners.size() - 1).callback(42);
        assertThat(outer.currentResult()).isEqualTo(42);
    }
}
