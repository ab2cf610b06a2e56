package io.jtwisted.internet.defer;

import static io.jtwisted.internet.defer.DeferredAssertions.failureResultOf;
import static io.jtwisted.internet.defer.DeferredAssertions.successResultOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.python.failure.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * DeferredLock, DeferredSemaphore, DeferredQueue: port of twisted.test.test_defer.OtherPrimitivesTests.
 *
 * <p>Covered: testLock, test_cancelLockAfterAcquired, test_cancelLockBeforeAcquired, testSemaphore,
 * test_semaphoreInvalidTokens, test_cancelSemaphoreAfterAcquired, test_cancelSemaphoreBeforeAcquired,
 * testQueue, test_cancelQueueAfterSynchronousGet, test_cancelQueueAfterGet.
 *
 * <p>Not ported: DeferredFilesystemLockTests (no filesystem lock in JTwisted yet);
 * the {@code TypeError} of {@code lock.run()} without a function (a compile error in Java).
 */
class DeferredPrimitivesTest {
    private int counter;

    private Object incr(Object ignored) {
        counter++;
        return null;
    }

    @Test
    void lockIsHandedToWaitersInOrder() {
        DeferredLock lock = new DeferredLock();
        lock.acquire().addCallback(this::incr);
        assertThat(lock.locked()).isTrue();
        assertThat(counter).isEqualTo(1);
        lock.acquire().addCallback(this::incr);
        assertThat(lock.locked()).isTrue();
        assertThat(counter).isEqualTo(1);
        lock.release();
        assertThat(lock.locked()).isTrue();
        assertThat(counter).isEqualTo(2);
        lock.release();
        assertThat(lock.locked()).isFalse();
        assertThat(counter).isEqualTo(2);
    }

    @Test
    void lockRunHoldsTheLockUntilTheReturnedDeferredFires() {
        DeferredLock lock = new DeferredLock();
        Object firstUnique = new Object();
        Object secondUnique = new Object();
        Deferred<Object> control = new Deferred<>();
        List<Object> seen = new ArrayList<>();
        Deferred<Object> result = lock.runDeferring(() -> {
            seen.add(firstUnique);
            return control;
        });
        assertThat(lock.locked()).isTrue();
        assertThat(seen).containsExactly(firstUnique);
        result.addCallback(seen::add);
        lock.acquire().addCallback(this::incr);
        assertThat(counter).isZero();
        control.callback(secondUnique);
        assertThat(seen).containsExactly(firstUnique, secondUnique);
        assertThat(lock.locked()).isTrue();
        assertThat(counter).isEqualTo(1);
        List<Object> outcome = new ArrayList<>();
        Deferred<DeferredLock> d = lock.acquire();
        d.addBoth(outcome::add);
        d.cancel();
        assertThat(outcome).singleElement().isInstanceOf(Failure.class);
        assertThat(((Failure) outcome.get(0)).type()).isEqualTo(CancelledError.class);
        lock.release();
        assertThat(lock.locked()).isFalse();
    }

    @Test
    void lockRunReleasesWhenTheFunctionThrows() {
        DeferredLock lock = new DeferredLock();
        Deferred<String> d = lock.run(() -> {
            throw new IllegalStateException("inside");
        });
        assertThat(lock.locked()).isFalse();
        failureResultOf(d, IllegalStateException.class);
        DeferredAssertions.swallow(d);
        assertThat(successResultOf(lock.run(() -> "value"))).isEqualTo("value");
        assertThat(lock.locked()).isFalse();
    }

    @Test
    void releasingAnUnlockedLockIsAnError() {
        assertThatThrownBy(() -> new DeferredLock().release()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void cancellingAnAcquiredLockDeferredDoesNothing() {
        DeferredLock lock = new DeferredLock();
        Deferred<DeferredLock> d = lock.acquire();
        d.addErrback(f -> {
            throw new AssertionError("Unexpected errback call!");
        });
        d.cancel();
        assertThat(successResultOf(d)).isSameAs(lock);
    }

    @Test
    void cancellingAWaitingLockDeferredFailsItAndLeavesTheQueue() {
        DeferredLock lock = new DeferredLock();
        lock.acquire();
        Deferred<DeferredLock> d = lock.acquire();
        d.cancel();
        failureResultOf(d, CancelledError.class);
        DeferredAssertions.swallow(d);
        lock.release();
        assertThat(lock.locked()).isFalse();
    }

    @Test
    void semaphoreAllowsItsLimitAtOnce() {
        int n = 13;
        DeferredSemaphore sem = new DeferredSemaphore(n);
        Deferred<Void> control = new Deferred<>();
        Object unique = new Object();
        List<Object> helperArg = new ArrayList<>();
        List<Object> results = new ArrayList<>();
        Deferred<Void> result = sem.runDeferring(() -> {
            helperArg.add(unique);
            return control;
        });
        result.addCallback(results::add).addCallback(this::incr);
        assertThat(results).isEmpty();
        assertThat(helperArg).containsExactly(unique);
        control.callback(null);
        assertThat(results).containsExactly((Object) null);
        assertThat(counter).isEqualTo(1);

        counter = 0;
        for (int i = 1; i <= n; i++) {
            sem.acquire().addCallback(this::incr);
            assertThat(counter).isEqualTo(i);
        }
        List<Boolean> success = new ArrayList<>();
        Deferred<DeferredSemaphore> d = sem.acquire();
        d.addCallbacks(r -> success.add(false), f -> success.add(true));
        d.cancel();
        assertThat(success).containsExactly(true);

        sem.acquire().addCallback(this::incr);
        assertThat(counter).isEqualTo(n);
        sem.release();
        assertThat(counter).isEqualTo(n + 1);
        for (int i = 1; i <= n; i++) {
            sem.release();
            assertThat(counter).isEqualTo(n + 1);
        }
        assertThat(sem.tokens()).isEqualTo(n);
    }

    @Test
    void semaphoreNeedsAtLeastOneToken() {
        assertThatThrownBy(() -> new DeferredSemaphore(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeferredSemaphore(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cancellingAnAcquiredSemaphoreDeferredDoesNothing() {
        DeferredSemaphore sem = new DeferredSemaphore(1);
        Deferred<DeferredSemaphore> d = sem.acquire();
        d.addErrback(f -> {
            throw new AssertionError("Unexpected errback call!");
        });
        d.cancel();
        assertThat(successResultOf(d)).isSameAs(sem);
    }

    @Test
    void cancellingAWaitingSemaphoreDeferredFailsIt() {
        DeferredSemaphore sem = new DeferredSemaphore(1);
        sem.acquire();
        Deferred<DeferredSemaphore> d = sem.acquire();
        d.cancel();
        failureResultOf(d, CancelledError.class);
        DeferredAssertions.swallow(d);
    }

    @Test
    void queueHandsObjectsToGettersAndEnforcesItsLimits() {
        int n = 2;
        int m = 2;
        DeferredQueue<Integer> queue = new DeferredQueue<>(n, m);
        List<Integer> gotten = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            queue.get().addCallback(gotten::add);
        }
        assertThatThrownBy(queue::get).isInstanceOf(QueueUnderflow.class);
        for (int i = 0; i < m; i++) {
            queue.put(i);
            assertThat(gotten).isEqualTo(IntStream.range(0, i + 1).boxed().toList());
        }
        for (int i = 0; i < n; i++) {
            queue.put(n + i);
            assertThat(gotten).isEqualTo(IntStream.range(0, m).boxed().toList());
        }
        assertThatThrownBy(() -> queue.put(null)).isInstanceOf(QueueOverflow.class);
        gotten.clear();
        for (int i = 0; i < n; i++) {
            queue.get().addCallback(gotten::add);
            assertThat(gotten).isEqualTo(IntStream.range(n, n + i + 1).boxed().toList());
        }
    }

    @Test
    void unboundedQueueServesWaitingGettersInOrder() {
        DeferredQueue<Integer> queue = new DeferredQueue<>();
        List<Integer> gotten = new ArrayList<>();
        queue.get().addCallback(gotten::add);
        queue.get().addCallback(gotten::add);
        queue.put(0);
        queue.put(1);
        assertThat(gotten).containsExactly(0, 1);
    }

    @Test
    void zeroSizeOrBacklogQueuesRefuseAtOnce() {
        assertThatThrownBy(() -> new DeferredQueue<Object>(0, DeferredQueue.UNBOUNDED).put(null))
                .isInstanceOf(QueueOverflow.class);
        assertThatThrownBy(() -> new DeferredQueue<Object>(DeferredQueue.UNBOUNDED, 0).get())
                .isInstanceOf(QueueUnderflow.class);
    }

    @Test
    void cancellingAFiredQueueGetDoesNothing() {
        DeferredQueue<Object> queue = new DeferredQueue<>();
        Deferred<Object> d = queue.get();
        d.addErrback(f -> {
            throw new AssertionError("Unexpected errback call!");
        });
        queue.put(null);
        d.cancel();
        assertThat(successResultOf(d)).isNull();
    }

    @Test
    void cancelledGetLeavesTheQueueSoTheNextObjectIsNotLost() {
        DeferredQueue<Object> queue = new DeferredQueue<>();
        Deferred<Object> d = queue.get();
        d.cancel();
        assertThat(d.currentResult()).isInstanceOf(Failure.class);
        List<Object> done = new ArrayList<>();
        d.addErrbackDeferring(ignore -> {
                    queue.put("x");
                    return queue.get();
                })
                .addCallback(done::add);
        assertThat(done).containsExactly("x");
    }
}
