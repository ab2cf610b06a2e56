package io.jtwisted.internet.defer;

import static io.jtwisted.internet.defer.DeferredAssertions.failureResultOf;
import static io.jtwisted.internet.defer.DeferredAssertions.successResultOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Twisted's habit {@code d.addCallback(f); d.addCallback(g);} on a Deferred that {@code f}
 * retyped fails at the second call, with a message that says what to do, instead of a
 * ClassCastException inside the chain; everything that does not depend on the result's type
 * still works through the old reference. Twisted has no counterpart (Python is not typed).
 */
class DeferredRetypingTest {
    @Test
    void secondAddCallbackThroughTheOldReferenceFailsAtOnceSayingWhatToDo() {
        Deferred<String> d = new Deferred<>();
        d.addCallback(String::length);
        assertThatThrownBy(() -> d.addCallback(s -> s.toUpperCase(java.util.Locale.ROOT)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("addCallback through a stale reference")
                .hasMessageContaining("d = d.addCallback(f)")
                .hasMessageContaining("d.addCallback(f).addCallback(g)");
        d.callback("four");
        assertThat(d.currentResult()).isEqualTo(4);
    }

    @Test
    void keepingTheReturnedReferenceOrChainingWorks() {
        Deferred<String> source = new Deferred<>();
        Deferred<Integer> length = source.addCallback(String::length);
        length = length.addCallback(n -> n * 2);
        Deferred<String> shown = length.addCallback(n -> "n=" + n);
        source.callback("four");
        assertThat(successResultOf(shown)).isEqualTo("n=8");
    }

    @Test
    void everyRetypingMethodMakesTheOldReferenceStaleForTypedAdds() {
        Deferred<String> a = new Deferred<>();
        a.addCallbacks(String::length, f -> 0);
        assertThatThrownBy(() -> a.addCallbackDeferring(s -> Deferred.succeed(s)))
                .isInstanceOf(IllegalStateException.class);
        Deferred<String> b = new Deferred<>();
        b.addBoth(x -> 1);
        assertThatThrownBy(() -> b.addCallbacks(s -> s, f -> "")).isInstanceOf(IllegalStateException.class);
        Deferred<String> c = new Deferred<>();
        c.addCallbackDeferring(s -> Deferred.succeed(s.length()));
        assertThatThrownBy(() -> c.chainDeferred(new Deferred<>())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(c::toCompletableFuture).isInstanceOf(IllegalStateException.class);
        for (Deferred<String> d : List.of(a, b, c)) {
            d.callback("x");
        }
    }

    @Test
    void errbacksBothFiringCancelAndInspectionWorkThroughTheOldReference() {
        Deferred<String> d = new Deferred<>();
        Deferred<Integer> typed = d.addCallback(s -> {
            throw new IllegalStateException("bad " + s);
        });
        List<String> seen = new ArrayList<>();
        d.addErrback(f -> {
            seen.add(f.getErrorMessage());
            throw f.raiseException();
        });
        d.addBoth(result -> seen.add("both"));
        d.callback("x");
        assertThat(seen).containsExactly("bad x", "both");
        assertThat(d.hasResult()).isTrue();
        assertThat(d.sameChainAs(typed)).isTrue();
        assertThat(d.sameChainAs(new Deferred<>())).isFalse();
        assertThat(d.toString()).isEqualTo(typed.toString());
    }

    @Test
    void cancelThroughARetypedReferenceRunsTheChainsCanceller() {
        int[] cancelled = {0};
        Deferred<String> d = new Deferred<>(x -> cancelled[0]++);
        Deferred<Integer> typed = d.addCallback(String::length);
        typed.cancel();
        assertThat(cancelled[0]).isEqualTo(1);
        failureResultOf(typed, CancelledError.class);
        typed.addErrback(f -> null);
    }

    @Test
    void aDeferredListReachedThroughARetypedReferenceCancelsItsMembers() {
        Deferred<String> member = new Deferred<>();
        Deferred<Integer> count = new DeferredList<>(List.of(member)).addCallback(List::size);
        count.cancel();
        failureResultOf(member, CancelledError.class);
        member.addErrback(f -> null);
        assertThat(successResultOf(count)).isEqualTo(1);
    }
}
