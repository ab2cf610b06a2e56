package io.jtwisted.examples.tcp;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.group.GroupFactory;
import io.jtwisted.internet.group.ReactorGroup;
import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.python.failure.Failure;
import java.nio.charset.StandardCharsets;

/**
 * {@link EchoServer} on every core: a {@link ReactorGroup} of one reactor per processor (or the second
 * argument), the kernel spreading connections over them. Each reactor has its own factory, so the count of
 * open connections needs no lock: it is that reactor's count. A connection idle for a minute is closed by a
 * timer on its own reactor. {@code bin/run-example EchoOnEveryCore [port] [reactors]} (8000 by default).
 */
@Example(
        value = "The counting echo server on every core: a reactor per processor",
        usage = "[PORT] [REACTORS]",
        port = 8000)
public final class EchoOnEveryCore {
    static final double IDLE_SECONDS = 60;

    private EchoOnEveryCore() {}

    /** Echoes; tells each new client how many connections its reactor has open. */
    public static class Echo extends Protocol {
        private final CountingFactory counting;

        @SuppressWarnings("NullAway.Init") // set by connectionMade, which comes before any data or the loss
        private IDelayedCall idle;

        public Echo(CountingFactory counting) {
            this.counting = counting;
        }

        @Override
        public void connectionMade() {
            counting.open++; // this reactor's factory, on this reactor's thread: no lock
            transport.write(
                    ("Welcome! " + Thread.currentThread().getName() + " has " + counting.open + " open connections.\n")
                            .getBytes(StandardCharsets.UTF_8));
            Reactor own = Reactor.of(transport); // never the global reactor: that is another thread's
            idle = own.callLater(IDLE_SECONDS, transport::loseConnection);
        }

        @Override
        public void dataReceived(byte[] data) {
            idle.reset(IDLE_SECONDS);
            transport.write(data);
        }

        @Override
        public void connectionLost(Failure reason) {
            counting.open--;
            if (idle.active()) {
                idle.cancel();
            }
        }
    }

    /** One per reactor: counts that reactor's open connections. */
    public static class CountingFactory extends Factory {
        int open;

        public CountingFactory() {
            this.protocol = () -> new Echo(this);
        }
    }

    public static void main(String[] args) {
        int reactors = args.length > 1
                ? Integer.parseInt(args[1])
                : Runtime.getRuntime().availableProcessors();
        ReactorGroup group = ReactorGroup.create(reactors);
        IListeningPort port = group.listenTCP(Args.port(args, 8000), GroupFactory.perReactor(CountingFactory::new));
        System.out.println(
                "EchoOnEveryCore listening on port " + Args.portOf(port) + " with " + group.size() + " reactors");
        group.run(); // until Ctrl-C or SIGTERM, which stop every reactor
    }
}
