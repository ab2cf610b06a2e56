package io.jtwisted.internal.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internal.reactor.NioReactor;
import io.jtwisted.internal.tcp.TcpTestSupport.KeepingFactory;
import io.jtwisted.internet.error.ConnectionLost;
import io.jtwisted.internet.interfaces.IListeningPort;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Stopping the reactor while 64 clients echo through it (the reactor's shutdown, as SIGTERM
 * triggers it): the stop completes, every server connection hears {@code connectionLost}, every
 * client sees each answer it got intact and then the end of its connection (never a hang), and
 * nothing is logged as an error (CoreTestGuard). Twisted's own shutdown tests
 * (twisted/internet/test/test_core.py) check the trigger order, ported in SystemEventTest; this
 * load case is our own.
 */
class ShutdownUnderLoadTest {
    private static final int CLIENTS = 64;
    private static final int ROUND_TRIPS_BEFORE_STOP = 20;
    private static final int MESSAGE = 64;

    /** What one echoing client saw. */
    private static final class Client implements Runnable {
        final int port;
        final CountDownLatch warmedUp;
        int roundTrips;
        final AtomicReference<String> end = new AtomicReference<>();

        Client(int port, CountDownLatch warmedUp) {
            this.port = port;
            this.warmedUp = warmedUp;
        }

        @Override
        public void run() {
            byte[] message = new byte[MESSAGE];
            byte[] answer = new byte[MESSAGE];
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();
                while (true) {
                    Arrays.fill(message, (byte) roundTrips);
                    out.write(message);
                    int n = in.readNBytes(answer, 0, MESSAGE);
                    if (n < MESSAGE) {
                        end.set(n == 0 ? "end of stream" : "end of stream inside an answer");
                        return;
                    }
                    if (!Arrays.equals(message, answer)) {
                        end.set("a wrong answer at round trip " + roundTrips);
                        return;
                    }
                    if (++roundTrips == ROUND_TRIPS_BEFORE_STOP) {
                        warmedUp.countDown();
                    }
                }
            } catch (SocketTimeoutException e) {
                end.set("hung: " + e);
            } catch (IOException e) {
                end.set("closed: " + e.getMessage()); // a reset, or a write after the close
            }
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void stoppingWhile64ClientsEchoClosesEveryConnectionAndEndsPromptly() throws InterruptedException {
        NioReactor reactor = TcpTestSupport.reactor();
        KeepingFactory<Recorder.Echo> server = new KeepingFactory<>(Recorder.Echo::new);
        IListeningPort port = reactor.listenTCP(0, server, 128, "127.0.0.1");
        CountDownLatch warmedUp = new CountDownLatch(CLIENTS);
        List<Client> clients = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Client client = new Client(TcpTestSupport.port(port), warmedUp);
            clients.add(client);
            Thread thread = new Thread(client, "echo-client-" + i);
            threads.add(thread);
            thread.start();
        }
        Thread reactorThread = new Thread(() -> reactor.run(false), "reactor");
        reactorThread.start();

        assertThat(warmedUp.await(60, TimeUnit.SECONDS))
                .as("every client echoing")
                .isTrue();
        long stopAsked = System.nanoTime();
        reactor.callFromThread(reactor::stop);
        reactorThread.join(30_000);
        double stopSeconds = (System.nanoTime() - stopAsked) / 1e9;
        assertThat(reactorThread.isAlive())
                .as("the reactor stopped (%.2f s)", stopSeconds)
                .isFalse();

        for (Thread thread : threads) {
            thread.join(40_000);
            assertThat(thread.isAlive()).as(thread.getName() + " ended").isFalse();
        }
        for (Client client : clients) {
            assertThat(client.end.get())
                    .as("how a client's connection ended")
                    .satisfiesAnyOf(
                            e -> assertThat(e).isEqualTo("end of stream"),
                            e -> assertThat(e).startsWith("closed: "));
            assertThat(client.roundTrips).isGreaterThanOrEqualTo(ROUND_TRIPS_BEFORE_STOP);
        }
        assertThat(server.built).hasSize(CLIENTS).allSatisfy(protocol -> {
            assertThat(protocol.lost.called()).as("connectionLost heard").isTrue();
            assertThat(protocol.lost.reason().check(ConnectionLost.class)).isNotNull();
        });
        assertThat(server.stops).as("the factory stopped with its port").isEqualTo(1);
    }
}
