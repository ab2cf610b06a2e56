package io.jtwisted.trial.tutorial;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.internet.interfaces.IReactorTime;
import io.jtwisted.protocols.basic.LineReceiver;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * The client of trial's tutorial: each call sends one line and returns a Deferred that fires
 * with the answer, or fails with {@link ClientTimeoutError} when none comes within
 * {@link #TIMEOUT} seconds (the connection is then closed).
 */
public class RemoteCalculationClient extends LineReceiver {
    /** Seconds to wait for an answer. */
    public static final double TIMEOUT = 60;

    private record Pending(Deferred<Integer> result, IDelayedCall timeout) {}

    private final IReactorTime clock;
    private final Queue<Pending> pending = new ArrayDeque<>();

    /** A client whose timeouts run on {@code clock}: the reactor, or a {@code Clock} in tests. */
    public RemoteCalculationClient(IReactorTime clock) {
        this.clock = clock;
    }

    public Deferred<Integer> add(int a, int b) {
        return send("add", a, b);
    }

    public Deferred<Integer> subtract(int a, int b) {
        return send("subtract", a, b);
    }

    public Deferred<Integer> multiply(int a, int b) {
        return send("multiply", a, b);
    }

    public Deferred<Integer> divide(int a, int b) {
        return send("divide", a, b);
    }

    private Deferred<Integer> send(String operation, int a, int b) {
        Deferred<Integer> result = new Deferred<>();
        IDelayedCall timeout = clock.callLater(TIMEOUT, () -> {
            pending.clear();
            result.errback(new ClientTimeoutError());
            transport.loseConnection();
        });
        pending.add(new Pending(result, timeout));
        sendLine(operation + " " + a + " " + b);
        return result;
    }

    @Override
    public void lineReceived(String line) {
        Pending next = pending.poll();
        if (next == null) {
            return; // an answer after a timeout: nobody waits for it any more
        }
        next.timeout().cancel();
        if (line.equals("error")) {
            next.result().errback(new ArithmeticException("the server could not compute it"));
        } else {
            next.result().callback(Integer.parseInt(line));
        }
    }

    /** No answer came in time. */
    public static class ClientTimeoutError extends RuntimeException {
        public ClientTimeoutError() {
            super("no answer within " + TIMEOUT + " seconds");
        }
    }
}
