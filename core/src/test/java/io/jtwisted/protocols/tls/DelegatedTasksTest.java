package io.jtwisted.protocols.tls;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The engine's delegated tasks leave the reactor thread: they are handed to {@code callInThread},
 * and the handshake resumes only through {@code callFromThread}. A recording stand-in for the
 * reactor's threads makes the hand-offs visible and runs them when the test says.
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
        public void suggestThreadPoolSize(int size) {
        }

        boolean runWorker() throws InterruptedException {
            List<ThrowingRunnable> work;
            synchronized (this) {
                work = new ArrayList<>(inThread);
                inThread.clear();
            }
            Thread worker = new Thread(() -> {
                workerThreads.add(Thread.currentThread().getName());
                for (ThrowingRunnable r : work) {
                    try {
                        r.run();
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }
            }, "tls-task-worker");
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
        TLSMemoryBIOFactory serverFactory = new TLSMemoryBIOFactory(TestCertificates.serverOptions(), false,
                Factory.forProtocol(() -> server), threads);
        TLSMemoryBIOFactory clientFactory = new TLSMemoryBIOFactory(
                SSL.optionsForClientTLS("localhost", TestCertificates.TRUST_CA), true, Factory.forProtocol(() -> client), threads);
        IProtocol s = serverFactory.buildProtocol(null);
        IProtocol c = clientFactory.buildProtocol(null);
        FakeTransport serverIO = IOSim.makeFakeServer(s);
        FakeTransport clientIO = IOSim.makeFakeClient(c);
        IOPump pump = IOSim.connect(s, serverIO, c, clientIO, false, false);

        int handOffs = 0;
        for (int round = 0; round < 50 && !(((TLSMemoryBIOProtocol) s).handshakeDone() && server.dataString().equals("early")); round++) {
            pump.flush();
            if (threads.runWorker()) {
                handOffs++;
                assertThat(((TLSMemoryBIOProtocol) s).handshakeDone() && ((TLSMemoryBIOProtocol) c).handshakeDone())
                        .as("nothing resumes before callFromThread").isFalse();
            }
            threads.runReactor();
        }
        assertThat(handOffs).as("delegated tasks handed to the thread pool").isPositive();
        assertThat(threads.workerThreads).allMatch(name -> name.equals("tls-task-worker"));
        assertThat(server.dataString()).isEqualTo("early");
        assertThat(((TLSMemoryBIOProtocol) c).handshakeDone()).isTrue();
    }
}
