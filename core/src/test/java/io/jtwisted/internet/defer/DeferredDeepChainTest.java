package io.jtwisted.internet.defer;

import static io.jtwisted.internet.defer.DeferredAssertions.assertNoResult;
import static io.jtwisted.internet.defer.DeferredAssertions.failureResultOf;
import static io.jtwisted.internet.defer.DeferredAssertions.successResultOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Chains of a million Deferreds fire without overflowing the Java stack, whichever way they are
 * linked (by {@code chainDeferred}, or by callbacks that return Deferreds) and in whichever order
 * their links fire. Twisted's own test_boundedStackDepth pins the same property for its
 * implicit chains (it stops near a thousand explicit ones); the 100 000-deep port of it lives in
 * {@link DeferredCallbackTest}.
 */
class DeferredDeepChainTest {
    private static final int DEPTH = 1_000_000;

    static final class Boom extends RuntimeException {
        Boom() {
            super("boom");
        }
    }

    /** first.chainDeferred(d1), d1.chainDeferred(d2), ...: built first, then fired. */
    private static List<Deferred<Integer>> chainedByChainDeferred() {
        List<Deferred<Integer>> links = new ArrayList<>(DEPTH + 1);
        links.add(new Deferred<>());
        for (int i = 0; i < DEPTH; i++) {
            Deferred<Integer> next = new Deferred<>();
            links.get(i).chainDeferred(next);
            links.add(next);
        }
        return links;
    }

    @Test
    void aMillionDeferredsLinkedByChainDeferredPassTheValueToTheLast() {
        List<Deferred<Integer>> links = chainedByChainDeferred();
        Deferred<Integer> last = links.get(DEPTH).addCallback(x -> x + 1);
        links.get(0).callback(41);
        assertThat(successResultOf(last)).isEqualTo(42);
        assertThat(successResultOf(links.get(0))).isNull(); // chainDeferred leaves null behind, as in Twisted
    }

    @Test
    void aMillionDeferredsLinkedByChainDeferredPassTheFailureToTheLast() {
        List<Deferred<Integer>> links = chainedByChainDeferred();
        links.get(0).errback(new Boom());
        failureResultOf(links.get(DEPTH), Boom.class);
        DeferredAssertions.swallow(links.get(DEPTH));
    }

    @Test
    void chainDeferredBuiltFromTheEndBackwardsReachesTheLast() {
        Deferred<Integer> last = new Deferred<>();
        Deferred<Integer> head = last;
        for (int i = 0; i < DEPTH; i++) {
            Deferred<Integer> before = new Deferred<>();
            before.chainDeferred(head);
            head = before;
        }
        head.callback(7);
        assertThat(successResultOf(last)).isEqualTo(7);
    }

    @Test
    void callbacksAfterAChainDeferredRunOnceTheChainedDeferredHasRun() {
        List<String> order = new ArrayList<>();
        Deferred<String> a = new Deferred<>();
        Deferred<String> b = new Deferred<>();
        a.chainDeferred(b);
        a.addCallback(x -> order.add("a after chain: " + x));
        b.addCallback(x -> order.add("b: " + x));
        a.callback("v");
        assertThat(order).containsExactly("b: v", "a after chain: null");
    }

    /** d0 -> d1 -> ... : the callback of each returns the next, which has not fired yet. */
    private static List<Deferred<Integer>> waitingOnEachOther() {
        List<Deferred<Integer>> links = new ArrayList<>(DEPTH + 1);
        links.add(new Deferred<>());
        for (int i = 0; i < DEPTH; i++) {
            Deferred<Integer> next = new Deferred<>();
            links.get(i).addCallbackDeferring(x -> next);
            links.add(next);
        }
        return links;
    }

    /** The reference to d0's chain after its callback (the one to add to from then on). */
    private static Deferred<Integer> outermost(List<Deferred<Integer>> links) {
        return links.get(0).addBoth(x -> x).addCallback(x -> (Integer) x + 1);
    }

    @Test
    void aMillionDeferredsReturnedByCallbacksFiredOutsideInResolveWhenTheInnermostFires() {
        List<Deferred<Integer>> links = waitingOnEachOther();
        Deferred<Integer> outermost = outermost(links);
        for (int i = 0; i < DEPTH; i++) {
            links.get(i).callback(0);
        }
        assertNoResult(outermost);
        links.get(DEPTH).callback(41);
        assertThat(successResultOf(outermost)).isEqualTo(42);
    }

    @Test
    void aMillionDeferredsReturnedByCallbacksFiredInsideOutResolveAtOnce() {
        List<Deferred<Integer>> links = waitingOnEachOther();
        Deferred<Integer> outermost = outermost(links);
        for (int i = DEPTH; i >= 0; i--) {
            links.get(i).callback(i == DEPTH ? 41 : 0);
        }
        assertThat(successResultOf(outermost)).isEqualTo(42);
    }

    @Test
    void aMillionDeferredsEachReturningTheNextFromItsCallbackCarryAFailureOut() {
        List<Deferred<Integer>> links = waitingOnEachOther();
        for (int i = 0; i < DEPTH; i++) {
            links.get(i).callback(0);
        }
        links.get(DEPTH).errback(new Boom());
        failureResultOf(links.get(0), Boom.class);
        DeferredAssertions.swallow(links.get(0));
    }

    @Test
    void aMillionStepsEachReturningAFreshDeferredThatChainsToTheNext() {
        // The last Deferred of the run is fed by chainDeferred from a callback's returned Deferred,
        // mixing both links at every step.
        Deferred<Integer> first = new Deferred<>();
        Deferred<Integer> current = first;
        for (int i = 0; i < DEPTH; i++) {
            Deferred<Integer> returned = new Deferred<>();
            Deferred<Integer> next = new Deferred<>();
            current.addCallbackDeferring(x -> {
                        returned.callback(x + 1);
                        return returned;
                    })
                    .chainDeferred(next);
            current = next;
        }
        first.callback(0);
        assertThat(successResultOf(current)).isEqualTo(DEPTH);
    }
}
