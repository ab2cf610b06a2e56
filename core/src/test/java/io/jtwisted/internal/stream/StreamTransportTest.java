package io.jtwisted.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internal.reactor.NioReactor;
import io.jtwisted.internal.tcp.Ending;
import io.jtwisted.internal.tcp.Loop;
import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.error.ConnectionAborted;
import io.jtwisted.internet.error.ConnectionDone;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IHalfCloseableProtocol;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IPushProducer;
import io.jtwisted.internet.protocol.ClientFactory;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.python.failure.Failure;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The stream contract every stream transport keeps (Twisted's abstract.FileDescriptor and
 * tcp.Connection), run over each transport that uses {@link StreamTransport}: TCP on 127.0.0.1
 * and UNIX-domain sockets. Ported from twisted/internet/test/test_tcp.py's
 * StreamTransportTestsMixin and connection tests shared with test_unix.py (test_loseConnection
 * with buffered data, abortConnection, half-close, streaming producers over a slow reader, writes
 * after loseWriteConnection); the TCP-only cases stay in TcpTransportTest.
 */
class StreamTransportTest {
    /** How to listen and connect with one stream transport. */
    enum Kind {
        TCP {
            @Override
            IListeningPort listen(NioReactor reactor, Factory factory, Path dir) {
                return reactor.listenTCP(0, factory, 50, "127.0.0.1");
            }

            @Override
            void connect(NioReactor reactor, IListeningPort port, ClientFactory factory) {
                reactor.connectTCP("127.0.0.1", ((IPv4Address) port.getHost()).port(), factory);
            }
        },
        UNIX {
            @Override
            IListeningPort listen(NioReactor reactor, Factory factory, Path dir) {
                return reactor.listenUNIX(dir.resolve("s.sock").toString(), factory);
            }

            @Override
            void connect(NioReactor reactor, IListeningPort port, ClientFactory factory) {
                reactor.connectUNIX(((io.jtwisted.internet.address.UNIXAddress) port.getHost()).name(), factory);
            }
        };

        abstract IListeningPort listen(NioReactor reactor, Factory factory, Path dir);

        abstract void connect(NioReactor reactor, IListeningPort port, ClientFactory factory);
    }

    /** Records what it receives and why it ended. */
    static class Peer extends Protocol {
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        final Ending lost = new Ending();
        final Deferred<Void> readLost = new Deferred<>();
        final Deferred<Void> writeLost = new Deferred<>();

        @Override
        public void dataReceived(byte[] data) {
            received.writeBytes(data);
        }

        @Override
        public void connectionLost(Failure reason) {
            super.connectionLost(reason);
            lost.record(reason);
        }

    }

    /** A peer that hears each half of the connection close. */
    static class HalfPeer extends Peer implements IHalfCloseableProtocol {
        @Override
        public void readConnectionLost() {
            readLost.callback(null);
        }

        @Override
        public void writeConnectionLost() {
            writeLost.callback(null);
        }
    }

    /** Keeps the protocols it builds. */
    static final class Keeping<P extends Protocol> extends ClientFactory {
        final List<P> built = new ArrayList<>();
        private final Supplier<P> maker;

        Keeping(Supplier<P> maker) {
            this.maker = maker;
        }

        @Override
        public IProtocol buildProtocol(IAddress address) {
            P p = maker.get();
            built.add(p);
            return p;
        }
    }

    private final NioReactor reactor = new NioReactor();
    private final List<IListeningPort> ports = new ArrayList<>();
    private Path dir;

    @AfterEach
    void cleanUp() throws Exception {
        for (IListeningPort port : ports) {
            Loop.result(reactor, port.stopListening());
        }
        if (dir != null) {
            Files.deleteIfExists(dir.resolve("s.sock"));
            Files.deleteIfExists(dir);
        }
    }

    /** A connected pair: [server, client]. */
    private <S extends Peer> List<Peer> pair(Kind kind, Supplier<S> server) throws Exception {
        return pair(kind, server, Peer::new);
    }

    private <S extends Peer> List<Peer> pair(Kind kind, Supplier<S> server, Supplier<Peer> client) throws Exception {
        dir = Files.createTempDirectory("stream");
        Keeping<S> servers = new Keeping<>(server);
        IListeningPort port = kind.listen(reactor, servers, dir);
        ports.add(port);
        Keeping<Peer> clients = new Keeping<>(client);
        kind.connect(reactor, port, clients);
        Loop.until(reactor, () -> !servers.built.isEmpty() && !clients.built.isEmpty()
                && servers.built.get(0).transport() != null && clients.built.get(0).transport() != null);
        return List.of(servers.built.get(0), clients.built.get(0));
    }

    private static byte[] payload(int size) {
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = (byte) (i % 251);
        }
        return data;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void loseConnectionSendsEveryBufferedByteThenClosesCleanly(Kind kind) throws Exception {
        List<Peer> peers = pair(kind, Peer::new);
        byte[] data = payload(4 * 1024 * 1024);
        peers.get(0).transport().write(data);
        peers.get(0).transport().loseConnection();
        Failure reason = Loop.reason(reactor, peers.get(1).lost);
        assertThat(reason.check(ConnectionDone.class)).isNotNull();
        assertThat(peers.get(1).received.toByteArray()).isEqualTo(data);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void abortConnectionDropsTheBufferAndReportsConnectionAborted(Kind kind) throws Exception {
        List<Peer> peers = pair(kind, Peer::new);
        peers.get(0).transport().write(payload(8 * 1024 * 1024));
        peers.get(0).transport().abortConnection();
        Failure reason = Loop.reason(reactor, peers.get(0).lost);
        assertThat(reason.value()).isInstanceOf(ConnectionAborted.class);
        Loop.reason(reactor, peers.get(1).lost);
        assertThat(peers.get(1).received.size()).isLessThan(8 * 1024 * 1024);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void halfCloseLetsThePeerAnswerAfterTheEndOfInput(Kind kind) throws Exception {
        List<Peer> peers = pair(kind, () -> new HalfPeer() {
            @Override
            public void readConnectionLost() {
                super.readConnectionLost();
                transport.write(("got " + received).getBytes(StandardCharsets.UTF_8));
                transport.loseConnection();
            }
        }, HalfPeer::new);
        Peer client = peers.get(1);
        client.transport().write("question".getBytes(StandardCharsets.UTF_8));
        ((StreamTransport) client.transport()).loseWriteConnection();
        client.transport().write(" more".getBytes(StandardCharsets.UTF_8)); // accepted until the output is shut down
        Loop.result(reactor, client.writeLost);
        Failure reason = Loop.reason(reactor, client.lost);
        assertThat(client.received.toString(StandardCharsets.UTF_8)).isEqualTo("got question more");
        assertThat(reason.check(ConnectionDone.class)).isNotNull();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aStreamingProducerIsPausedAboveTheHighWaterMarkAndResumedBelowTheLowOne(Kind kind) throws Exception {
        List<String> events = new ArrayList<>();
        class Streamer extends Peer implements IPushProducer {
            boolean paused;
            int sent;

            @Override
            public void connectionMade() {
                ((StreamTransport) transport).registerProducer(this, true);
                ((StreamTransport) transport).pauseProducing(); // nothing to read here
                produce();
            }

            void produce() {
                while (!paused && sent < 32 * 1024 * 1024) {
                    transport.write(new byte[16 * 1024]);
                    sent += 16 * 1024;
                }
            }

            @Override
            public void pauseProducing() {
                paused = true;
                events.add("pause");
            }

            @Override
            public void resumeProducing() {
                paused = false;
                events.add("resume");
                produce();
                if (sent >= 32 * 1024 * 1024) {
                    ((StreamTransport) transport).unregisterProducer();
                    transport.loseConnection();
                }
            }

            @Override
            public void stopProducing() {
                events.add("stop");
            }
        }
        List<Peer> peers = pair(kind, Streamer::new);
        Streamer streamer = (Streamer) peers.get(0);
        Peer reader = peers.get(1);
        ((StreamTransport) reader.transport()).pauseProducing(); // a slow reader
        Loop.until(reactor, () -> streamer.paused && ((StreamTransport) streamer.transport()).writeBlocked());
        long buffered = ((StreamTransport) streamer.transport()).pendingBytes();
        assertThat(buffered).as("memory stays bounded").isLessThanOrEqualTo(StreamTransport.HIGH_WATER + 16 * 1024);
        ((StreamTransport) reader.transport()).resumeProducing();
        Loop.reason(reactor, reader.lost);
        assertThat(reader.received.size()).isEqualTo(32 * 1024 * 1024);
        assertThat(events).startsWith("pause", "resume");
    }
}
