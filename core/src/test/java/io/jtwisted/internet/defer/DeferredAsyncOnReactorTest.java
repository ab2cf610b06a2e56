package io.jtwisted.internet.defer;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.application.service.MultiService;
import io.jtwisted.application.service.Service;
import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.ReactorTestSupport;
import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.internet.task.Clock;
import io.jtwisted.internet.task.Task;
import io.jtwisted.internet.testing.MemoryReactor;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Deferred.async on a real reactor and in the places programs start it from: the single-thread
 * guarantee under load (a checker that fails on any overlap between bodies, reactor callbacks and
 * calls from other threads, all touching one unsynchronised counter), a handler started from
 * dataReceived that writes to a real TCP transport (the reactor's thread check accepts the body),
 * Task.react with an async main, and services whose startService and stopService use async bodies. The load and TCP
 * cases run twice: with the reactor on a platform thread and on a virtual thread (where the hand-offs are switches
 * between two virtual threads). Twisted has no such test: its coroutines never leave the reactor thread.
 */
class DeferredAsyncOnReactorTest {
    /** A field, so that the after-test checks see what the test leaves in it. */
    private final Reactor reactor = Reactor.create();

    /** Counts turns that overlapped; the counter it guards is deliberately not synchronised. */
    static final class OverlapChecker {
        private final AtomicInteger inside = new AtomicInteger();
        private final AtomicInteger overlaps = new AtomicInteger();
        private long counter;

        void touch() {
            if (inside.incrementAndGet() != 1) {
                overlaps.incrementAndGet();
            }
            long read = counter;
            for (int i = 0; i < 20; i++) {
                Thread.onSpinWait(); // widen the window a second thread would have to get in
            }
            counter = read + 1;
            inside.decrementAndGet();
        }
    }

    @Test
    void theCheckerCountsATurnThatStartsWhileAnotherIsInside() {
        OverlapChecker checker = new OverlapChecker();
        checker.touch();
        assertThat(checker.overlaps.get()).isZero();
        checker.inside.incrementAndGet(); // another turn is in progress
        checker.touch();
        assertThat(checker.overlaps.get()).isEqualTo(1);
    }

    /** Runs the reactor as {@link ReactorTestSupport#runUntilStopped} does, on a virtual thread, until it stops. */
    private void runUntilStoppedOnAVirtualThread() throws InterruptedException {
        AtomicReference<Throwable> failed = new AtomicReference<>();
        AtomicBoolean loopWasVirtual = new AtomicBoolean();
        reactor.callWhenRunning(() -> loopWasVirtual.set(Thread.currentThread().isVirtual()));
        Thread loop = Thread.ofVirtual().name("virtual-reactor").start(() -> {
            try {
                ReactorTestSupport.runUntilStopped(reactor);
            } catch (Throwable t) {
                failed.set(t);
            }
        });
        loop.join();
        assertThat(failed.get()).as("the reactor's run on its virtual thread").isNull();
        assertThat(loopWasVirtual.get()).as("the loop ran on a virtual thread").isTrue();
    }

    @Test
    @Timeout(60)
    void bodiesCallbacksAndCallsFromThreadsNeverOverlapUnderLoad() throws InterruptedException {
        bodiesCallbacksAndCallsFromThreadsNeverOverlap(() -> ReactorTestSupport.runUntilStopped(reactor));
    }

    @Test
    @Timeout(60)
    void bodiesCallbacksAndCallsFromThreadsNeverOverlapWhenTheReactorRunsOnAVirtualThread()
            throws InterruptedException {
        bodiesCallbacksAndCallsFromThreadsNeverOverlap(this::runUntilStoppedOnAVirtualThread);
    }

    private interface ReactorRun {
        void runUntilStopped() throws InterruptedException;
    }

    private void bodiesCallbacksAndCallsFromThreadsNeverOverlap(ReactorRun run) throws InterruptedException {
        OverlapChecker checker = new OverlapChecker();
        int bodies = 200;
        int steps = 50;
        int fromThreads = 2;
        int callsPerThread = 2_000;
        List<Deferred<Void>> done = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        reactor.callWhenRunning(() -> {
            for (int b = 0; b < bodies; b++) {
                done.add(Deferred.async(reactor, () -> {
                    for (int s = 0; s < steps; s++) {
                        checker.touch();
                        Deferred<Void> step = new Deferred<>();
                        if (s % 2 == 0) {
                            reactor.callLater(0, () -> {
                                checker.touch(); // a reactor callback between two turns of the body
                                step.callback(null);
                            });
                        } else {
                            reactor.callFromThread(() -> step.callback(null));
                        }
                        Deferred.await(step);
                    }
                    return null;
                }));
            }
            Deferred<Void> threadsDone = new Deferred<>();
            AtomicInteger remaining = new AtomicInteger(fromThreads * callsPerThread);
            for (int t = 0; t < fromThreads; t++) {
                threads.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < callsPerThread; i++) {
                        reactor.callFromThread(() -> {
                            checker.touch();
                            if (remaining.decrementAndGet() == 0) {
                                threadsDone.callback(null);
                            }
                        });
                    }
                }));
            }
            done.add(threadsDone);
            Deferred.gatherResults(done).addBoth(ignored -> {
                reactor.stop();
                return null;
            });
        });
        run.runUntilStopped();
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(checker.overlaps.get()).as("overlapping turns").isZero();
        int callbacks = bodies * (steps / 2);
        assertThat(checker.counter).isEqualTo((long) bodies * steps + callbacks + (long) fromThreads * callsPerThread);
        for (Deferred<Void> d : done) {
            assertThat(d.hasResult()).isTrue();
        }
    }

    @Test
    @Timeout(30)
    void anAsyncHandlerStartedFromDataReceivedWritesToARealTcpTransport() throws Exception {
        anAsyncHandlerAnswersOverRealTcp(() -> ReactorTestSupport.runUntilStopped(reactor));
    }

    @Test
    @Timeout(30)
    void anAsyncHandlerAnswersOverRealTcpWhenTheReactorRunsOnAVirtualThread() throws Exception {
        anAsyncHandlerAnswersOverRealTcp(this::runUntilStoppedOnAVirtualThread);
    }

    private void anAsyncHandlerAnswersOverRealTcp(ReactorRun run) throws Exception {
        Factory factory = Factory.forProtocol(() -> new Protocol() {
            @Override
            public void dataReceived(byte[] data) {
                String request = new String(data, StandardCharsets.US_ASCII).strip();
                Deferred.async(reactor, () -> {
                    String answer = Deferred.await(Task.deferLater(reactor, 0.01, () -> "pong: " + request));
                    transport.write((answer + "\n").getBytes(StandardCharsets.US_ASCII)); // passes the thread check
                    transport.loseConnection();
                    return null;
                });
            }
        });
        IListeningPort port = reactor.listenTCP(0, factory, 50, "127.0.0.1");
        int portNumber = ((IPv4Address) port.getHost()).port();
        CompletableFuture<String> reply = new CompletableFuture<>();
        Thread client = Thread.ofPlatform().start(() -> {
            try (Socket socket = new Socket("127.0.0.1", portNumber)) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write("ping\n".getBytes(StandardCharsets.US_ASCII));
                reply.complete(new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII));
            } catch (Exception e) {
                reply.completeExceptionally(e);
            } finally {
                reactor.callFromThread(() -> port.stopListening().addBoth(ignored -> {
                    reactor.stop();
                    return null;
                }));
            }
        });
        run.runUntilStopped();
        client.join();
        assertThat(reply.get()).isEqualTo("pong: ping\n");
    }

    @Test
    @Timeout(20)
    void taskReactRunsAnAsyncMainToItsEnd() {
        List<String> seen = new ArrayList<>();
        int code = Task.reactForExitCode(
                reactor,
                r -> Deferred.async(r, () -> {
                    seen.add("started");
                    Deferred.await(Task.deferLater(r, 0.01));
                    seen.add(Deferred.await(Task.deferLater(r, 0.01, () -> "awaited twice")));
                    return null;
                }));
        assertThat(code).isZero();
        assertThat(seen).containsExactly("started", "awaited twice");
    }

    @Test
    void servicesMayStartAndStopWithAsyncBodies() {
        MemoryReactor reactor = new MemoryReactor();
        Clock clock = new Clock();
        List<String> steps = new ArrayList<>();
        Service connecting = new Service() {
            @Override
            public void startService() {
                super.startService();
                Deferred.async(reactor, () -> {
                    steps.add("connecting");
                    Deferred.await(Task.deferLater(clock, 1));
                    steps.add("connected");
                    return null;
                });
            }

            @Override
            public Deferred<?> stopService() {
                super.stopService();
                return Deferred.async(reactor, () -> {
                    steps.add("saying goodbye");
                    Deferred.await(Task.deferLater(clock, 2));
                    steps.add("gone");
                    return null;
                });
            }
        };
        MultiService top = new MultiService();
        connecting.setServiceParent(top);
        top.startService();
        clock.advance(1);
        Deferred<?> stopped = top.stopService();
        assertThat(stopped.hasResult()).isFalse();
        clock.advance(2);
        assertThat(stopped.hasResult()).isTrue();
        assertThat(steps).containsExactly("connecting", "connected", "saying goodbye", "gone");
    }
}
