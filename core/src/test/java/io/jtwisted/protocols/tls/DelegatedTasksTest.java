package io.jtwisted.protocols.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IReactorThreads;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.ssl.SSL;
import io.jtwisted.internet.testing.AccumulatingProtocol;
import io.jtwisted.internet.testing.FakeTransport;
import io.jtwisted.internet.testing.IOPump;
import io.jtwisted.internet.testing.IOSim;
import io.jtwisted.python.failure.ThrowingRunnable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Test;

/**
 * Where the engine's delegated tasks run. Off the reactor thread (share 0, or once the inline
 * budget is spent) they are handed to {@code callInThread}, and the handshake resumes only through
 * {@code callFromThread}; within the budget they run inline and nothing is handed off. A recording
 * stand-in for the reactor's threads makes the hand-offs visible and runs them when the test says;
 * the budget runs on a clock the test moves. (JTwisted's own: Twisted's pyOpenSSL has no delegated
 * tasks.)
 */
class DelegatedTasksTest {
    /** Records hand-offs; {@link #runWorker()} runs the pool's work on another thread, {@link #runReactor()} the queued calls. */
    static final class RecordingThreads implements IReactorThreads {
        final List<ThrowingRunnable> inThread = new ArrayList<>();
        final List<ThrowingRunnable> fromThread = new ArrayList<>();
        final List<String> workerThreads = new ArrayList<>();

        @Override
        public synchronized void callFromThread(ThrowingRunnable callable) {
            fromThread.add(callable);
        }

        @Override
        public synchronized void callInThread(ThrowingRunnable callable) {
            inThread.add(callable);
        }

        @Override
        public ExecutorService getThreadPool() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isInIOThread() {
            return true;
        }

        @Override
        public ExecutorService detachThreadPool() {
            return null;
        }

        @Override
        public void suggestThreadPoolSize(int size) {}

        boolean runWorker() throws InterruptedException {
            List<ThrowingRunnable> work;
            synchronized (this) {
                work = new ArrayList<>(inThread);
                inThread.clear();
            }
            Thread worker = new Thread(
                    () -> {
                        workerThreads.add(Thread.currentThread().getName());
                        for (ThrowingRunnable r : work) {
                            try {
                                r.run();
                            } catch (Exception e) {
                                throw new AssertionError(e);
                            }
                        }
                    },
                    "tls-task-worker");
            worker.start();
            worker.join();
            return !work.isEmpty();
        }

        boolean runReactor() throws Exception {
            List<ThrowingRunnable> calls;
            synchronized (this) {
                calls = new ArrayList<>(fromThread);
                fromThread.clear();
            }
            for (ThrowingRunnable r : calls) {
                r.run();
            }
            return !calls.isEmpty();
        }
    }

    private long nanos = 1_000_000_000L;
    private final InlineTaskBudget budget = new InlineTaskBudget(() -> nanos);

    /** A client and a server factory over {@code threads}, both at {@code share}, accounting in {@link #budget}. */
    private TLSMemoryBIOFactory[] factories(
            RecordingThreads threads, double share, AccumulatingProtocol server, AccumulatingProtocol client) {
        TLSMemoryBIOFactory serverFactory = new TLSMemoryBIOFactory(
                        TestCertificates.serverOptions(), false, Factory.forProtocol(() -> server), threads)
                .setInlineTaskShare(share)
                .useBudget(budget);
        TLSMemoryBIOFactory clientFactory = new TLSMemoryBIOFactory(
                        SSL.optionsForClientTLS("localhost", TestCertificates.TRUST_CA),
                        true,
                        Factory.forProtocol(() -> client),
                        threads)
                .setInlineTaskShare(share)
                .useBudget(budget);
        return new TLSMemoryBIOFactory[] {serverFactory, clientFactory};
    }

    /** Pumps the handshake (and the pool's and reactor's calls) until the server has {@code expected}; the hand-offs made. */
    private static int handshake(
            TLSMemoryBIOFactory[] factories, AccumulatingProtocol server, String expected, RecordingThreads threads)
            throws Exception {
        IProtocol s = factories[0].buildProtocol(null);
        IProtocol c = factories[1].buildProtocol(null);
        IOPump pump = IOSim.connect(s, IOSim.makeFakeServer(s), c, IOSim.makeFakeClient(c), false, false);
        int handOffs = 0;
        for (int round = 0;
                round < 50
                        && !(((TLSMemoryBIOProtocol) s).handshakeDone()
                                && server.dataString().equals(expected));
                round++) {
            pump.flush();
            if (threads.runWorker()) {
                handOffs++;
            }
            threads.runReactor();
        }
        assertThat(((TLSMemoryBIOProtocol) c).handshakeDone()).isTrue();
        assertThat(server.dataString()).isEqualTo(expected);
        return handOffs;
    }

    private static AccumulatingProtocol writing(String early) {
        return new AccumulatingProtocol() {
            @Override
            public void connectionMade() {
                super.connectionMade();
                transport.write(early.getBytes(StandardCharsets.US_ASCII));
            }
        };
    }

    @Test
    void withinTheInlineBudgetTasksRunOnTheReactorThreadAndNothingIsHandedOff() throws Exception {
        RecordingThreads threads = new RecordingThreads();
        AccumulatingProtocol server = new AccumulatingProtocol();
        int handOffs = handshake(factories(threads, 0.5, server, writing("early")), server, "early", threads);
        assertThat(handOffs).isZero();
        assertThat(threads.inThread).isEmpty();
        assertThat(threads.fromThread).isEmpty();
    }

    @Test
    void onceTheInlineBudgetIsSpentTasksGoToThePoolUntilTheNextWindow() throws Exception {
        long started = budget.now();
        nanos += 60_000_000L; // tasks took 60 ms of this 100 ms window: more than the half
        budget.spentSince(started);
        RecordingThreads threads = new RecordingThreads();
        AccumulatingProtocol server = new AccumulatingProtocol();
        assertThat(handshake(factories(threads, 0.5, server, writing("spent")), server, "spent", threads))
                .as("hand-offs while the budget is spent")
                .isPositive();

        nanos += InlineTaskBudget.WINDOW_NANOS;
        AccumulatingProtocol next = new AccumulatingProtocol();
        assertThat(handshake(factories(threads, 0.5, next, writing("again")), next, "again", threads))
                .as("hand-offs in the next window")
                .isZero();
    }

    @Test
    void tasksRunOnAnotherThreadAndTheHandshakeResumesOnlyThroughCallFromThread() throws Exception {
        RecordingThreads threads = new RecordingThreads();
        AccumulatingProtocol server = new AccumulatingProtocol();
        AccumulatingProtocol client = new AccumulatingProtocol() {
            @Override
            public void connectionMade() {
                super.connectionMade();
                transport.write("early".getBytes(StandardCharsets.US_ASCII));
            }
        };
        TLSMemoryBIOFactory[] factories = factories(threads, 0, server, client); // share 0: every task on the pool
        IProtocol s = factories[0].buildProtocol(null);
        IProtocol c = factories[1].buildProtocol(null);
        FakeTransport serverIO = IOSim.makeFakeServer(s);
        FakeTransport clientIO = IOSim.makeFakeClient(c);
        IOPump pump = IOSim.connect(s, serverIO, c, clientIO, false, false);

        int handOffs = 0;
        for (int round = 0;
                round < 50
                        && !(((TLSMemoryBIOProtocol) s).handshakeDone()
                                && server.dataString().equals("early"));
                round++) {
            pump.flush();
            if (threads.runWorker()) {
                handOffs++;
                assertThat(((TLSMemoryBIOProtocol) s).handshakeDone() && ((TLSMemoryBIOProtocol) c).handshakeDone())
                        .as("nothing resumes before callFromThread")
                        .isFalse();
            }
            threads.runReactor();
        }
        assertThat(handOffs).as("delegated tasks handed to the thread pool").isPositive();
        assertThat(threads.workerThreads).allMatch(name -> name.equals("tls-task-worker"));
        assertThat(server.dataString()).isEqualTo("early");
        assertThat(((TLSMemoryBIOProtocol) c).handshakeDone()).isTrue();
    }

    @Test
    void theInlineShareMustBeBetweenZeroAndOne() {
        TLSMemoryBIOFactory factory = new TLSMemoryBIOFactory(
                TestCertificates.serverOptions(),
                false,
                Factory.forProtocol(AccumulatingProtocol::new),
                new RecordingThreads());
        assertThat(factory.inlineTaskShare()).isEqualTo(TLSMemoryBIOFactory.DEFAULT_INLINE_TASK_SHARE);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> factory.setInlineTaskShare(1.5))
                .withMessageContaining("between 0 and 1");
        assertThatIllegalArgumentException().isThrownBy(() -> factory.setInlineTaskShare(-0.1));
        assertThatIllegalArgumentException().isThrownBy(() -> factory.setInlineTaskShare(Double.NaN));
    }
}
