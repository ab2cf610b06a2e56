package io.jtwisted.benchmarks.reliability;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.address.IPAddress;
import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IReactorTCP;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.internet.task.LoopingCall;
import io.jtwisted.python.failure.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server of {@code benchmarks/soak.sh}: the howtos' Echo on 127.0.0.1, plus timer churn (every
 * 10 ms a LoopingCall schedules 100 delayed calls and cancels half of them: the other half fire),
 * and each connection keeps an idle timeout it resets on every read, as a TimeoutMixin does.
 * Answers {@link Probe}'s questions; stops on SIGTERM (the global reactor's handler) or QUIT.
 * Prints {@code READY <port>}.
 */
public final class SoakServer {
    private static final AtomicInteger OPEN = new AtomicInteger();
    private static final Reactor REACTOR = Reactor.reactor;

    private SoakServer() {}

    /** Echo with a 60 s idle timeout pushed back by every read. */
    static final class Echo extends Protocol {
        @SuppressWarnings("NullAway.Init") // set in connectionMade, before any data or loss
        private IDelayedCall idle;

        @Override
        public void connectionMade() {
            OPEN.incrementAndGet();
            idle = REACTOR.callLater(60, transport::loseConnection);
        }

        @Override
        public void dataReceived(byte[] data) {
            idle.reset(60);
            transport.write(data);
        }

        @Override
        public void connectionLost(Failure reason) {
            OPEN.decrementAndGet();
            if (idle.active()) {
                idle.cancel();
            }
        }
    }

    public static void main(String[] args) {
        IListeningPort port =
                REACTOR.listenTCP(0, Factory.forProtocol(Echo::new), IReactorTCP.DEFAULT_BACKLOG, "127.0.0.1");
        int[] fired = {0};
        LoopingCall churn = new LoopingCall(() -> {
            List<IDelayedCall> calls = new ArrayList<>(100);
            for (int i = 0; i < 100; i++) {
                calls.add(REACTOR.callLater(0.001 * (i % 10), () -> fired[0]++));
            }
            for (int i = 0; i < 100; i += 2) {
                calls.get(i).cancel();
            }
        });
        churn.start(0.01);
        Probe.start(OPEN::get, () -> REACTOR.callFromThread(REACTOR::stop));
        System.out.println("READY " + IPAddress.portOf(port));
        System.out.flush();
        REACTOR.run();
        System.out.println("STOPPED");
        System.out.flush();
    }
}
