package io.jtwisted.internal.loop;

import static io.jtwisted.internet.ReactorTestSupport.runUntilStopped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.error.AlreadyCalled;
import io.jtwisted.internet.error.AlreadyCancelled;
import io.jtwisted.internet.error.WrongThreadError;
import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.logger.LogLevel;
import io.jtwisted.python.failure.Failure;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The select loop: timers, calls from other threads, selectables, flushes, errors, the thread
 * check and the descriptor introspection (Twisted's IReactorFDSet: getReaders, getWriters,
 * removeAll, from twisted/internet/test/test_core.py and reactormixins' cleanup expectations).
 */
class EventLoopTest {
    private final EventLoop reactor = (EventLoop) Reactor.create();

    /** A selectable that runs {@code onReady} when ready and records its connectionLost reasons. */
    private static class Recording implements Selectable {
        final java.util.function.Consumer<SelectionKey> onReady;
        final List<String> lost = new ArrayList<>();

        Recording(java.util.function.Consumer<SelectionKey> onReady) {
            this.onReady = onReady;
        }

        @Override
        public void handleIo(SelectionKey key) {
            onReady.accept(key);
        }

        @Override
        public void connectionLost(Failure reason) {
            lost.add(reason.type().getSimpleName());
        }
    }

    @Test
    void timersRunInTimeOrderAndSameTimeCallsInSchedulingOrder() {
        List<String> order = new ArrayList<>();
        reactor.callLater(0.02, () -> order.add("later"));
        for (int i = 0; i < 5; i++) {
            int n = i;
            reactor.callLater(0, () -> order.add("now" + n));
        }
        reactor.callLater(0.03, reactor::stop);
        runUntilStopped((Reactor) reactor);
        assertThat(order).containsExactly("now0", "now1", "now2", "now3", "now4", "later");
    }

    @Test
    void timerRunsNoEarlierThanItsDelay() {
        double[] times = new double[2];
        reactor.callWhenRunning(() -> {
            times[0] = reactor.seconds();
            reactor.callLater(0.05, () -> {
                times[1] = reactor.seconds();
                reactor.stop();
            });
        });
        runUntilStopped((Reactor) reactor);
        assertThat(times[1] - times[0]).isGreaterThanOrEqualTo(0.05);
    }

    @Test
    void cancelledCallDoesNotRunAndCannotBeChangedAgain() {
        List<String> ran = new ArrayList<>();
        IDelayedCall call = reactor.callLater(0, () -> ran.add("cancelled one"));
        assertThat(call.active()).isTrue();
        call.cancel();
        assertThat(call.active()).isFalse();
        assertThat(reactor.getDelayedCalls()).doesNotContain(call);
        assertThatThrownBy(call::cancel).isInstanceOf(AlreadyCancelled.class);
        assertThatThrownBy(() -> call.reset(1)).isInstanceOf(AlreadyCancelled.class);
        assertThatThrownBy(() -> call.delay(1)).isInstanceOf(AlreadyCancelled.class);
        reactor.callLater(0.01, reactor::stop);
        runUntilStopped((Reactor) reactor);
        assertThat(ran).isEmpty();
    }

    @Test
    void calledCallCannotBeCancelled() {
        IDelayedCall[] call = new IDelayedCall[1];
        call[0] = reactor.callLater(0, () -> {});
        reactor.callLater(0.01, reactor::stop);
        runUntilStopped((Reactor) reactor);
        assertThat(call[0].active()).isFalse();
        assertThatThrownBy(call[0]::cancel).isInstanceOf(AlreadyCalled.class);
        assertThatThrownBy(() -> call[0].reset(0)).isInstanceOf(AlreadyCalled.class);
    }

    @Test
    void resetAndDelayMoveTheCall() {
        List<String> order = new ArrayList<>();
        IDelayedCall first = reactor.callLater(0, () -> order.add("first"));
        IDelayedCall second = reactor.callLater(0.01, () -> order.add("second"));
        double before = first.getTime();
        first.delay(0.02);
        assertThat(first.getTime()).isEqualTo(before + 0.02);
        IDelayedCall third = reactor.callLater(10, () -> order.add("third"));
        double resetAt = reactor.seconds();
        third.reset(0.04);
        assertThat(third.getTime()).isBetween(resetAt + 0.04, reactor.seconds() + 0.04);
        reactor.callLater(0.06, reactor::stop);
        runUntilStopped((Reactor) reactor);
        // On a loaded machine the wall clock may move between the calls above, so the expected
        // order follows the times the calls hold, which the assertions above pin down.
        java.util.Map<String, IDelayedCall> byName = java.util.Map.of("first", first, "second", second, "third", third);
        List<String> expected = new ArrayList<>(byName.keySet());
        expected.sort(
                java.util.Comparator.comparingDouble(name -> byName.get(name).getTime()));
        assertThat(order).containsExactlyElementsOf(expected);
        assertThat(order.get(2)).isEqualTo("third");
    }

    @Test
    void cancelInTheMiddleOfManyTimersKeepsTheOthersInOrder() {
        List<Integer> ran = new ArrayList<>();
        List<IDelayedCall> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = i;
            calls.add(reactor.callLater((i * 7919 % 200) / 100_000.0, () -> ran.add(n)));
        }
        for (int i = 0; i < 200; i += 3) {
            calls.get(i).cancel();
        }
        assertThat(reactor.getDelayedCalls()).hasSize(200 - 67);
        reactor.callLater(0.01, reactor::stop);
        runUntilStopped((Reactor) reactor);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            if (i % 3 != 0) {
                expected.add(i);
            }
        }
        // by scheduled time, then scheduling order
        expected.sort(
                (a, b) -> Double.compare(calls.get(a).getTime(), calls.get(b).getTime()));
        assertThat(ran).isEqualTo(expected);
    }

    @Test
    void callLaterZeroFromATimerRunsOnALaterTurn() {
        List<String> order = new ArrayList<>();
        reactor.callLater(0, () -> {
            order.add("a");
            reactor.callLater(0, () -> order.add("c"));
        });
        reactor.callLater(0, () -> order.add("b"));
        reactor.callLater(0.01, reactor::stop);
        runUntilStopped((Reactor) reactor);
        assertThat(order).containsExactly("a", "b", "c");
    }

    @Test
    void errorInATimerIsLoggedAndTheLoopGoesOn() {
        List<String> ran = new ArrayList<>();
        try (var log = new io.jtwisted.internet.ReactorTestSupport.CapturedLog()) {
            reactor.callLater(0, () -> {
                throw new IllegalStateException("boom in timer");
            });
            reactor.callFromThread(() -> {
                throw new IOException("boom in call from thread");
            });
            reactor.callLater(0.005, () -> ran.add("after"));
            reactor.callLater(0.01, reactor::stop);
            runUntilStopped((Reactor) reactor);
            assertThat(ran).containsExactly("after");
            assertThat(log.events)
                    .filteredOn(e -> e.level() == LogLevel.CRITICAL && e.failure() != null)
                    .extracting(e -> e.failure().getErrorMessage())
                    .contains("boom in timer", "boom in call from thread");
        }
    }

    @Test
    void callFromThreadWakesABlockedReactorAndKeepsEachThreadsOrder() throws InterruptedException {
        int threads = 4;
        int perThread = 1000;
        List<int[]> seen = new ArrayList<>();
        int[] remaining = {threads * perThread};
        List<Thread> producers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            producers.add(new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    int n = i;
                    reactor.callFromThread(() -> {
                        seen.add(new int[] {id, n});
                        if (--remaining[0] == 0) {
                            reactor.stop();
                        }
                    });
                }
            }));
        }
        // No timers besides the guard: the reactor blocks in select until the producers wake it.
        reactor.callWhenRunning(() -> producers.forEach(Thread::start));
        runUntilStopped((Reactor) reactor);
        for (Thread producer : producers) {
            producer.join();
        }
        assertThat(seen).hasSize(threads * perThread);
        int[] last = {-1, -1, -1, -1};
        for (int[] call : seen) {
            assertThat(call[1]).isEqualTo(last[call[0]] + 1);
            last[call[0]] = call[1];
        }
    }

    @Test
    void ioHandlerSeesReadyChannelAndFlushRunsAfterTheReadsOfTheTurn() throws IOException {
        Pipe pipe = Pipe.open();
        List<String> events = new CopyOnWriteArrayList<>();
        StringBuilder received = new StringBuilder();
        PendingFlush flush = () -> events.add("flush");
        reactor.register(pipe.source(), SelectionKey.OP_READ, new Recording(key -> {
            ByteBuffer buffer = reactor.readBuffer();
            buffer.clear();
            try {
                int n = pipe.source().read(buffer);
                if (n < 0) {
                    key.cancel();
                    return;
                }
                buffer.flip();
                received.append(StandardCharsets.US_ASCII.decode(buffer));
                events.add("read");
                reactor.requestFlush(flush);
                if (received.toString().equals("hello")) {
                    reactor.callLater(0, reactor::stop);
                }
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }));
        reactor.callInThread(() -> pipe.sink().write(ByteBuffer.wrap("hello".getBytes(StandardCharsets.US_ASCII))));
        runUntilStopped((Reactor) reactor);
        pipe.sink().close();
        pipe.source().close();
        assertThat(received).hasToString("hello");
        assertThat(events).first().isEqualTo("read");
        assertThat(events).containsSubsequence("read", "flush");
        assertThat(events.get(events.size() - 1)).isEqualTo("flush");
    }

    @Test
    void isInIOThreadOnlyOnTheRunningThread() throws InterruptedException {
        boolean[] inside = new boolean[2];
        reactor.callWhenRunning(() -> {
            inside[0] = reactor.isInIOThread();
            Thread other = new Thread(() -> {
                inside[1] = reactor.isInIOThread();
                reactor.callFromThread(reactor::stop);
            });
            other.start();
        });
        runUntilStopped((Reactor) reactor);
        assertThat(inside[0]).isTrue();
        assertThat(inside[1]).isFalse();
    }

    @Test
    void beforeShutdownDeferredDelaysTheDuringPhase() {
        List<String> order = new ArrayList<>();
        Deferred<Object> waitFor = new Deferred<>();
        reactor.addSystemEventTrigger("before", "shutdown", () -> {
            order.add("before");
            reactor.callLater(0.02, () -> {
                order.add("deferred fired");
                waitFor.callback(null);
            });
            return waitFor;
        });
        reactor.addSystemEventTrigger("during", "shutdown", () -> order.add("during"));
        reactor.addSystemEventTrigger("after", "shutdown", () -> order.add("after"));
        reactor.callWhenRunning(reactor::stop);
        runUntilStopped((Reactor) reactor);
        assertThat(order).containsExactly("before", "deferred fired", "during", "after");
        assertThat(reactor.running()).isFalse();
    }

    @Test
    void shutdownTellsEverySelectableItsConnectionIsLostEvenIfOneFails() throws IOException {
        Pipe first = Pipe.open();
        Pipe second = Pipe.open();
        List<String> disconnected = new ArrayList<>();
        reactor.register(first.source(), SelectionKey.OP_READ, new Recording(key -> {}) {
            @Override
            public void connectionLost(Failure reason) {
                disconnected.add("problematic");
                throw new IllegalStateException("simulated connectionLost error");
            }
        });
        Recording ok = new Recording(key -> {});
        reactor.register(second.source(), SelectionKey.OP_READ, ok);
        try (var log = new io.jtwisted.internet.ReactorTestSupport.CapturedLog()) {
            reactor.callWhenRunning(reactor::stop);
            runUntilStopped((Reactor) reactor);
            assertThat(disconnected).containsExactly("problematic");
            assertThat(ok.lost).containsExactly("ConnectionLost");
            assertThat(log.events)
                    .filteredOn(e -> e.failure() != null)
                    .extracting(e -> e.failure().getErrorMessage())
                    .containsExactly("simulated connectionLost error");
        } finally {
            for (Pipe pipe : List.of(first, second)) {
                pipe.source().close();
                pipe.sink().close();
            }
        }
    }

    @Test
    void getReadersAndGetWritersListTheSelectablesByInterest() throws IOException {
        Pipe pipe = Pipe.open();
        try {
            Recording reader = new Recording(key -> {});
            Recording writer = new Recording(key -> {});
            reactor.register(pipe.source(), SelectionKey.OP_READ, reader);
            reactor.register(pipe.sink(), SelectionKey.OP_WRITE, writer);
            assertThat(reactor.getReaders()).containsExactly(reader);
            assertThat(reactor.getWriters()).containsExactly(writer);
            assertThat(reactor.removeAll()).containsExactlyInAnyOrder(reader, writer);
            assertThat(reactor.getReaders()).isEmpty();
            assertThat(reactor.getWriters()).isEmpty();
            assertThat(reader.lost).as("removeAll leaves closing to the caller").isEmpty();
        } finally {
            pipe.source().close();
            pipe.sink().close();
        }
    }

    @Test
    void anExceptionEscapingASelectableClosesItWithThatReason() throws IOException {
        Pipe pipe = Pipe.open();
        try (var log = new io.jtwisted.internet.ReactorTestSupport.CapturedLog()) {
            Recording failing = new Recording(key -> {
                key.cancel();
                throw new IllegalStateException("boom in handleIo");
            });
            reactor.register(pipe.source(), SelectionKey.OP_READ, failing);
            pipe.sink().write(ByteBuffer.wrap(new byte[] {1}));
            reactor.iterate(1);
            assertThat(failing.lost).containsExactly("IllegalStateException");
            assertThat(log.events)
                    .filteredOn(e -> e.failure() != null)
                    .extracting(e -> e.failure().getErrorMessage())
                    .containsExactly("boom in handleIo");
        } finally {
            pipe.source().close();
            pipe.sink().close();
        }
    }

    @Test
    void checkThreadFailsOffTheReactorThreadNamingCallFromThread() throws Exception {
        Throwable[] seen = new Throwable[1];
        reactor.callWhenRunning(() -> {
            Thread other = new Thread(() -> {
                try {
                    reactor.checkThread();
                } catch (Throwable e) {
                    seen[0] = e;
                }
                reactor.callFromThread(reactor::stop);
            });
            other.start();
        });
        runUntilStopped((Reactor) reactor);
        assertThat(seen[0]).isInstanceOf(WrongThreadError.class).hasMessageContaining("callFromThread");
    }

    @Test
    void aDelayedCallCancelledOffTheReactorThreadFailsAtOnce() {
        IDelayedCall call = reactor.callLater(100, () -> {});
        Throwable[] seen = new Throwable[1];
        reactor.callWhenRunning(() -> {
            Thread other = new Thread(() -> {
                try {
                    call.cancel();
                } catch (Throwable e) {
                    seen[0] = e;
                }
                reactor.callFromThread(reactor::stop);
            });
            other.start();
        });
        runUntilStopped((Reactor) reactor);
        assertThat(seen[0]).isInstanceOf(WrongThreadError.class).hasMessageContaining("callFromThread");
        assertThat(call.active()).as("nothing changed").isTrue();
        call.cancel();
    }

    @Test
    void createMakesIndependentReactorsThroughTheProvider() {
        assertThat(Reactor.create()).isInstanceOf(EventLoop.class).isNotSameAs(Reactor.create());
    }
}
