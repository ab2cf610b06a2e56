package io.jtwisted.internal.tcp;

import static io.jtwisted.internal.tcp.TcpTestSupport.port;
import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internal.reactor.NioReactor;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IConsumer;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IPullProducer;
import io.jtwisted.internet.interfaces.IPushProducer;
import io.jtwisted.internet.protocol.ClientFactory;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.protocols.basic.LineReceiver;
import io.jtwisted.python.failure.Failure;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One server protocol and one client protocol connected over TCP on 127.0.0.1, as Twisted's
 * {@code loopback.loopbackTCP}.
 *
 * <p>Ports of twisted/test/test_loopback.py: LoopbackTCPTests (testRegularFunction,
 * testSneakyHiddenDoom), and test_pushProducer / test_pullProducer run over TCP instead of
 * loopbackAsync. Not ported: the loopbackAsync-specific tests (pump policies, address
 * objects of the in-memory transport, write re-entrancy of that transport) and the UNIX
 * variant: they test the in-memory loopback, which JTwisted provides as iosim in trial.
 */
class ProtocolPairOverTcpTest {
    private final NioReactor reactor = TcpTestSupport.reactor();
    private IListeningPort listening;

    @AfterEach
    void stop() {
        if (listening != null) {
            Loop.result(reactor, listening.stopListening());
        }
    }

    /** Connects {@code server} and {@code client} over a real TCP connection. */
    private void loopbackTCP(IProtocol server, IProtocol client) {
        listening = reactor.listenTCP(
                0,
                new Factory() {
                    @Override
                    public IProtocol buildProtocol(IAddress address) {
                        return server;
                    }
                },
                50,
                "127.0.0.1");
        reactor.connectTCP("127.0.0.1", port(listening), new ClientFactory() {
            @Override
            public IProtocol buildProtocol(IAddress address) {
                return client;
            }
        });
    }

    static class SimpleProtocol extends LineReceiver {
        final Deferred<Void> conn = new Deferred<>();
        final List<String> lines = new ArrayList<>();
        final List<Failure> connLost = new ArrayList<>();

        @Override
        public void connectionMade() {
            conn.callback(null);
        }

        @Override
        public void lineReceived(String line) {
            lines.add(line);
        }

        @Override
        public void connectionLost(Failure reason) {
            super.connectionLost(reason);
            connLost.add(reason);
        }
    }

    static class DoomProtocol extends SimpleProtocol {
        int i;

        @Override
        public void lineReceived(String line) {
            i++;
            if (i < 4) {
                sendLine("Hello " + i);
            }
            super.lineReceived(line);
            if (lines.get(lines.size() - 1).equals("Hello 3")) {
                transport.loseConnection();
            }
        }
    }

    @Test
    void regularFunction() {
        SimpleProtocol s = new SimpleProtocol();
        SimpleProtocol c = new SimpleProtocol();
        s.conn.addCallback(ignored -> {
            s.sendLine("THIS IS LINE ONE!");
            s.transport().loseConnection();
            return null;
        });
        loopbackTCP(s, c);
        Loop.until(reactor, () -> s.connLost.size() == 1 && c.connLost.size() == 1);
        assertThat(c.lines).containsExactly("THIS IS LINE ONE!");
    }

    @Test
    void sneakyHiddenDoom() {
        DoomProtocol s = new DoomProtocol();
        DoomProtocol c = new DoomProtocol();
        s.conn.addCallback(ignored -> {
            s.sendLine("DOOM LINE");
            return null;
        });
        loopbackTCP(s, c);
        Loop.until(reactor, () -> s.connLost.size() == 1 && c.connLost.size() == 1);
        assertThat(s.lines).containsExactly("Hello 1", "Hello 2", "Hello 3");
        assertThat(c.lines).containsExactly("DOOM LINE", "Hello 1", "Hello 2", "Hello 3");
    }

    interface Starter {
        void start(IConsumer consumer);
    }

    private static final List<String> TO_PRODUCE = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private <P extends Starter> P producerTest(Function<List<String>, P> make) {
        List<P> made = new ArrayList<>();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        Protocol server = new Protocol() {
            @Override
            public void connectionMade() {
                P producer = make.apply(new ArrayList<>(TO_PRODUCE));
                made.add(producer);
                producer.start((IConsumer) transport);
            }
        };
        Protocol client = new Protocol() {
            @Override
            public void dataReceived(byte[] data) {
                got.writeBytes(data);
            }
        };
        loopbackTCP(server, client);
        Loop.until(reactor, () -> got.toString(StandardCharsets.UTF_8).equals(String.join("", TO_PRODUCE)));
        server.transport().loseConnection();
        Loop.until(reactor, () -> !client.connected());
        return made.get(0);
    }

    @Test
    void pushProducerIsNeverResumedWhenTheBufferNeverFills() {
        class PushProducer implements IPushProducer, Starter {
            final List<String> toProduce;
            boolean resumed;
            IConsumer consumer;

            PushProducer(List<String> toProduce) {
                this.toProduce = toProduce;
            }

            @Override
            public void start(IConsumer consumer) {
                this.consumer = consumer;
                consumer.registerProducer(this, true);
                produceAndSchedule();
            }

            void produceAndSchedule() {
                if (!toProduce.isEmpty()) {
                    consumer.write(toProduce.remove(0).getBytes(StandardCharsets.UTF_8));
                    reactor.callLater(0, this::produceAndSchedule);
                } else {
                    consumer.unregisterProducer();
                }
            }

            @Override
            public void pauseProducing() {}

            @Override
            public void resumeProducing() {
                resumed = true;
            }

            @Override
            public void stopProducing() {}
        }
        PushProducer producer = producerTest(PushProducer::new);
        assertThat(producer.resumed)
                .as("Streaming producer should not have been resumed.")
                .isFalse();
    }

    @Test
    void pullProducerIsAskedForEachChunk() {
        class PullProducer implements IPullProducer, Starter {
            final List<String> toProduce;
            IConsumer consumer;
            int asked;

            PullProducer(List<String> toProduce) {
                this.toProduce = toProduce;
            }

            @Override
            public void start(IConsumer consumer) {
                this.consumer = consumer;
                consumer.registerProducer(this, false);
            }

            @Override
            public void resumeProducing() {
                asked++;
                consumer.write(toProduce.remove(0).getBytes(StandardCharsets.UTF_8));
                if (toProduce.isEmpty()) {
                    consumer.unregisterProducer();
                }
            }

            @Override
            public void stopProducing() {}
        }
        PullProducer producer = producerTest(PullProducer::new);
        assertThat(producer.asked).isEqualTo(10);
    }
}
