package io.jtwisted.protocols.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.jtwisted.internal.reactor.NioReactor;
import io.jtwisted.internal.tcp.Ending;
import io.jtwisted.internal.tcp.Loop;
import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.address.UNIXAddress;
import io.jtwisted.internet.error.ConnectionAborted;
import io.jtwisted.internet.error.ConnectionDone;
import io.jtwisted.internet.error.ConnectionLost;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IConsumer;
import io.jtwisted.internet.interfaces.IHalfCloseableProtocol;
import io.jtwisted.internet.interfaces.IHandshakeListener;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import io.jtwisted.internet.interfaces.IPullProducer;
import io.jtwisted.internet.interfaces.IPushProducer;
import io.jtwisted.internet.interfaces.ISSLTransport;
import io.jtwisted.internet.interfaces.ITLSTransport;
import io.jtwisted.internet.interfaces.ITransport;
import io.jtwisted.internet.protocol.ClientFactory;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.internet.ssl.IConnectionCreator;
import io.jtwisted.internet.ssl.SSL;
import io.jtwisted.python.failure.Failure;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The stream transport contract (what internal.stream.StreamTransportTest pins for plain TCP and
 * UNIX sockets) kept by the TLS transport, over real sockets on loopback and through the public
 * interfaces only ({@link ITransport}, {@link IConsumer}, {@link IPushProducer},
 * {@link ITLSTransport}, {@link ISSLTransport}): write ordering, {@code writeSequence},
 * {@code loseConnection} after pending writes, {@code abortConnection}, half-close (TLS 1.3's
 * {@code close_notify} in one direction), push and pull producers, pausing reads, the reasons
 * {@code connectionLost} hears, and the addresses. Each case runs over four ways of getting TLS:
 * {@link TLSMemoryBIOFactory} on TCP with every delegated task inline and with every task on the
 * thread pool, {@link TLSMemoryBIOFactory} on a UNIX socket, and {@code transport.startTLS} on a
 * UNIX connection.
 *
 * <p>Ported: twisted/internet/test/test_tcp.py's AbortConnectionMixin (which Twisted's
 * test_tls.py AbortSSLConnectionTest runs over TLS too: test_clientAbortsConnectionTwice,
 * test_clientAbortsConnectionThenLosesConnection, test_serverAbortsConnectionTwice,
 * test_serverAbortsConnectionThenLosesConnection, and a bulk write cut short), WriteSequenceTestsMixin
 * (test_writeSequeceWithoutWrite, test_streamingProducer, test_nonStreamingProducer),
 * TCPTransportServerAddressTestMixin (test_serverGetHostOnIPv4, test_serverGetPeerOnIPv4), test_doubleHalfClose,
 * ConnectionTestsMixin test_unregisterProducerAfterDisconnect, and StreamTransportTest's loseConnection
 * after buffered data, slow reader and half-close cases. Not ported: the cases that need a
 * transport's socket (EMFILE, adoptStreamConnection, the fake-socket tests), IPv6 addresses (the
 * TLS layer passes the transport's addresses through unchanged), and writes after
 * {@code loseWriteConnection}: TCP accepts them until the output is shut down, TLS drops them,
 * because nothing may follow {@code close_notify}.
 */
class TlsTransportContractTest {
    /** How one pair of TLS connections is made. */
    enum Setup {
        TCP_INLINE_TASKS(false, 1),
        TCP_POOL_TASKS(false, 0),
        UNIX_TLS_FACTORY(true, TLSMemoryBIOFactory.DEFAULT_INLINE_TASK_SHARE),
        /** No TLS factory: each side calls {@code transport.startTLS} in {@code connectionMade}. */
        UNIX_STARTTLS(true, -1);

        private final boolean unix;
        private final double inlineShare; // negative: STARTTLS, no TLS factory

        Setup(boolean unix, double inlineShare) {
            this.unix = unix;
            this.inlineShare = inlineShare;
        }

        IListeningPort listen(NioReactor reactor, IProtocolFactory factory, Path dir) {
            IProtocolFactory server = tls(reactor, factory, false);
            return unix
                    ? reactor.listenUNIX(dir.resolve("s.sock").toString(), server)
                    : reactor.listenTCP(0, server, 50, "127.0.0.1");
        }

        void connect(NioReactor reactor, IListeningPort port, ClientFactory factory) {
            ClientFactory client = (ClientFactory) tls(reactor, factory, true);
            if (unix) {
                reactor.connectUNIX(((UNIXAddress) port.getHost()).name(), client);
            } else {
                reactor.connectTCP("127.0.0.1", ((IPv4Address) port.getHost()).port(), client);
            }
        }

        private IProtocolFactory tls(NioReactor reactor, IProtocolFactory factory, boolean client) {
            if (inlineShare < 0) {
                return factory;
            }
            return new TLSMemoryBIOFactory(
                            client ? clientOptions() : TestCertificates.serverOptions(), client, factory, reactor)
                    .setInlineTaskShare(inlineShare);
        }

        /** Called first in {@code connectionMade}: the switch to TLS, for STARTTLS. */
        void connected(ITransport transport, boolean server) {
            if (inlineShare < 0) {
                ((ITLSTransport) transport).startTLS(server ? TestCertificates.serverOptions() : clientOptions());
            }
        }

        /** The TLS view of {@code transport}. */
        ISSLTransport ssl(ITransport transport) {
            return inlineShare < 0 ? ((ITLSTransport) transport).sslTransport() : (ISSLTransport) transport;
        }

        /** Half-closes {@code transport}: the TLS layer itself, or the switched transport. */
        void loseWriteConnection(ITransport transport) {
            if (inlineShare < 0) {
                ((ITLSTransport) transport).loseWriteConnection();
            } else {
                ((ISSLTransport) transport).loseWriteConnection();
            }
        }

        static IConnectionCreator clientOptions() {
            return SSL.optionsForClientTLS("localhost", TestCertificates.TRUST_CA);
        }
    }

    /** Records what it receives, the handshake, and why it ended; {@link #made} is its connectionMade. */
    static class Peer extends Protocol implements IHandshakeListener {
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        final Ending lost = new Ending();
        Setup setup;
        boolean server;
        boolean handshakeDone;

        @Override
        public final void connectionMade() {
            setup.connected(transport, server);
            made();
        }

        void made() {}

        @Override
        public void handshakeCompleted() {
            handshakeDone = true;
        }

        @Override
        public void dataReceived(byte[] data) {
            received.writeBytes(data);
        }

        @Override
        public void connectionLost(Failure reason) {
            super.connectionLost(reason);
            lost.record(reason);
        }

        IConsumer consumer() {
            return (IConsumer) transport;
        }

        IPushProducer reading() {
            return (IPushProducer) transport;
        }
    }

    /** A peer that hears each half of the connection close. */
    static class HalfPeer extends Peer implements IHalfCloseableProtocol {
        boolean readLost;
        int writeLost;

        @Override
        public void readConnectionLost() {
            readLost = true;
        }

        @Override
        public void writeConnectionLost() {
            writeLost++;
        }
    }

    /** Builds peers of one side and keeps them. */
    static final class Keeping<P extends Peer> extends ClientFactory {
        final List<P> built = new ArrayList<>();
        private final Supplier<P> maker;
        private final Setup setup;
        private final boolean server;

        Keeping(Supplier<P> maker, Setup setup, boolean server) {
            this.maker = maker;
            this.setup = setup;
            this.server = server;
        }

        @Override
        public IProtocol buildProtocol(IAddress address) {
            P p = maker.get();
            p.setup = setup;
            p.server = server;
            built.add(p);
            return p;
        }
    }

    private final NioReactor reactor = new NioReactor();
    private final List<IListeningPort> ports = new ArrayList<>();
    private final List<Path> dirs = new ArrayList<>();
    private final List<Peer> allPeers = new ArrayList<>();

    /** Closes what a test left open (most leave the connection as it is once they checked it). */
    @AfterEach
    void cleanUp() throws Exception {
        for (Peer peer : allPeers) {
            if (!peer.lost.called()) {
                peer.transport().abortConnection();
            }
        }
        Loop.until(reactor, () -> allPeers.stream().allMatch(p -> p.lost.called()));
        for (IListeningPort port : ports) {
            Loop.result(reactor, port.stopListening());
        }
        reactor.getThreadPool().shutdownNow();
        for (Path dir : dirs) {
            Files.deleteIfExists(dir.resolve("s.sock"));
            Files.deleteIfExists(dir);
        }
    }

    /** A connected pair, [server, client], both made (the handshake may still be under way). */
    private List<Peer> pair(Setup setup, Supplier<? extends Peer> server, Supplier<? extends Peer> client)
            throws Exception {
        Path dir = Files.createTempDirectory("tls-contract");
        dirs.add(dir);
        Keeping<Peer> servers = new Keeping<>(server::get, setup, true);
        IListeningPort port = setup.listen(reactor, servers, dir);
        ports.add(port);
        Keeping<Peer> clients = new Keeping<>(client::get, setup, false);
        setup.connect(reactor, port, clients);
        Loop.until(
                reactor,
                () -> !servers.built.isEmpty()
                        && !clients.built.isEmpty()
                        && servers.built.get(0).transport() != null
                        && clients.built.get(0).transport() != null);
        allPeers.add(servers.built.get(0));
        allPeers.add(clients.built.get(0));
        return List.of(servers.built.get(0), clients.built.get(0));
    }

    private List<Peer> pair(Setup setup) throws Exception {
        return pair(setup, Peer::new, Peer::new);
    }

    /** A pair whose handshake has completed on both sides. */
    private List<Peer> handshaken(Setup setup) throws Exception {
        List<Peer> peers = pair(setup);
        peers.get(1).transport().write(new byte[] {'!'}); // TLS 1.3: the server completes on the client's Finished
        Loop.until(
                reactor,
                () -> peers.get(0).handshakeDone
                        && peers.get(1).handshakeDone
                        && peers.get(0).received.size() == 1);
        peers.get(0).received.reset();
        return peers;
    }

    private static byte[] payload(int size, int step) {
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = (byte) (i * step % 251);
        }
        return data;
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        parts.forEach(all::writeBytes);
        return all.toByteArray();
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void writesOfEveryKindArriveWholeAndInOrder(Setup setup) throws Exception {
        List<byte[]> parts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            parts.add(payload(1 + i * 97 % 20_000, i + 1)); // from 1 byte to more than a TLS record
        }
        List<Peer> peers = pair(setup, Peer::new, () -> new Peer() {
            @Override
            void made() {
                for (int i = 0; i < parts.size(); i += 4) {
                    transport.write(parts.get(i)); // before the handshake completed: buffered, then sent in order
                    transport.write(ByteBuffer.wrap(parts.get(i + 1)));
                    transport.writeSequence(List.of(parts.get(i + 2), new byte[0], parts.get(i + 3)));
                }
            }
        });
        byte[] expected = concat(parts);
        Loop.until(reactor, () -> peers.get(0).received.size() >= expected.length);
        assertThat(peers.get(0).received.toByteArray()).isEqualTo(expected);
    }

    /** test_writeSequeceWithoutWrite: writeSequence alone sends its chunks, joined, in order. */
    @ParameterizedTest
    @EnumSource(Setup.class)
    void writeSequenceAloneSendsItsChunksInOrder(Setup setup) throws Exception {
        List<Peer> peers = handshaken(setup);
        peers.get(1)
                .transport()
                .writeSequence(List.of(
                        "Some ".getBytes(StandardCharsets.UTF_8),
                        "sequence ".getBytes(StandardCharsets.UTF_8),
                        "splitted".getBytes(StandardCharsets.UTF_8)));
        Loop.until(reactor, () -> peers.get(0).received.size() >= 22);
        assertThat(peers.get(0).received.toString(StandardCharsets.UTF_8)).isEqualTo("Some sequence splitted");
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void loseConnectionSendsEveryBufferedByteThenClosesCleanlyOnBothSides(Setup setup) throws Exception {
        List<Peer> peers = handshaken(setup);
        byte[] data = payload(4 * 1024 * 1024, 3);
        peers.get(0).transport().write(data);
        peers.get(0).transport().loseConnection();
        assertThat(peers.get(0).transport().disconnecting()).isTrue();
        assertThat(Loop.reason(reactor, peers.get(1).lost).value()).isInstanceOf(ConnectionDone.class);
        assertThat(Loop.reason(reactor, peers.get(0).lost).value()).isInstanceOf(ConnectionDone.class);
        assertThat(peers.get(1).received.toByteArray()).isEqualTo(data);
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void loseConnectionBeforeTheHandshakeWaitsForItAndSendsWhatWasWritten(Setup setup) throws Exception {
        List<Peer> peers = pair(setup, Peer::new, () -> new Peer() {
            @Override
            void made() {
                transport.write("written before the handshake".getBytes(StandardCharsets.UTF_8));
                transport.loseConnection();
            }
        });
        assertThat(Loop.reason(reactor, peers.get(0).lost).value()).isInstanceOf(ConnectionDone.class);
        assertThat(peers.get(0).received.toString(StandardCharsets.UTF_8)).isEqualTo("written before the handshake");
        assertThat(Loop.reason(reactor, peers.get(1).lost).value()).isInstanceOf(ConnectionDone.class);
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void abortConnectionDropsTheBufferReportsConnectionAbortedAndThePeerHearsConnectionLost(Setup setup)
            throws Exception {
        List<Peer> peers = handshaken(setup);
        peers.get(0).transport().write(payload(8 * 1024 * 1024, 5));
        peers.get(0).transport().abortConnection();
        assertThat(Loop.reason(reactor, peers.get(0).lost).value()).isInstanceOf(ConnectionAborted.class);
        Failure peerReason = Loop.reason(reactor, peers.get(1).lost);
        assertThat(peerReason.value()).as("no close_notify came").isInstanceOf(ConnectionLost.class);
        assertThat(peers.get(1).received.size()).isLessThan(8 * 1024 * 1024);
    }

    /** test_clientAbortsConnectionTwice and test_serverAbortsConnectionTwice. */
    @ParameterizedTest
    @EnumSource(Setup.class)
    void abortingTwiceOnEitherSideIsHarmless(Setup setup) throws Exception {
        for (int side = 0; side < 2; side++) {
            List<Peer> peers = handshaken(setup);
            peers.get(side).transport().abortConnection();
            peers.get(side).transport().abortConnection();
            assertThat(Loop.reason(reactor, peers.get(side).lost).value()).isInstanceOf(ConnectionAborted.class);
            assertThat(Loop.reason(reactor, peers.get(1 - side).lost).value()).isInstanceOf(ConnectionLost.class);
        }
    }

    /** test_clientAbortsConnectionThenLosesConnection and test_serverAbortsConnectionThenLosesConnection. */
    @ParameterizedTest
    @EnumSource(Setup.class)
    void loseConnectionAfterAbortChangesNothing(Setup setup) throws Exception {
        for (int side = 0; side < 2; side++) {
            List<Peer> peers = handshaken(setup);
            peers.get(side).transport().abortConnection();
            peers.get(side).transport().loseConnection();
            assertThat(Loop.reason(reactor, peers.get(side).lost).value()).isInstanceOf(ConnectionAborted.class);
            Loop.reason(reactor, peers.get(1 - side).lost);
        }
    }

    /**
     * Half-close where TLS defines it (TLS 1.3, close_notify in one direction): the peer hears
     * readConnectionLost, answers, closes; the half-closing side hears writeConnectionLost once
     * (loseWriteConnection twice is harmless, test_doubleHalfClose), reads the answer, then
     * ConnectionDone.
     */
    @ParameterizedTest
    @EnumSource(Setup.class)
    void halfCloseLetsThePeerAnswerAfterTheEndOfInput(Setup setup) throws Exception {
        List<Peer> peers = pair(
                setup,
                () -> new HalfPeer() {
                    @Override
                    public void readConnectionLost() {
                        super.readConnectionLost();
                        transport.write(("got " + received).getBytes(StandardCharsets.UTF_8));
                        transport.loseConnection();
                    }
                },
                HalfPeer::new);
        HalfPeer server = (HalfPeer) peers.get(0);
        HalfPeer client = (HalfPeer) peers.get(1);
        client.transport().write("question".getBytes(StandardCharsets.UTF_8));
        setup.loseWriteConnection(client.transport());
        setup.loseWriteConnection(client.transport());
        Failure reason = Loop.reason(reactor, client.lost);
        assertThat(server.readLost).isTrue();
        assertThat(client.writeLost).isEqualTo(1);
        assertThat(client.received.toString(StandardCharsets.UTF_8)).isEqualTo("got question");
        assertThat(reason.value()).isInstanceOf(ConnectionDone.class);
        assertThat(Loop.reason(reactor, server.lost).value()).isInstanceOf(ConnectionDone.class);
    }

    /**
     * test_streamingProducer, and StreamTransportTest's slow reader: a push producer is paused
     * while the reader does not read (the reader paused as a producer itself), resumed once it
     * reads again, and everything arrives in order.
     */
    @ParameterizedTest
    @EnumSource(Setup.class)
    void aPushProducerIsPausedWhileThePeerDoesNotReadAndResumedWhenItDoes(Setup setup) throws Exception {
        int total = 8 * 1024 * 1024;
        List<String> events = new ArrayList<>();
        class Streamer extends Peer implements IPushProducer {
            boolean paused;
            int sent;
            int sentAtFirstPause = -1;

            @Override
            void made() {
                consumer().registerProducer(this, true);
            }

            void produce() {
                while (!paused && sent < total) {
                    transport.write(payload(16 * 1024, sent / (16 * 1024) + 1));
                    sent += 16 * 1024;
                }
                if (sent >= total && !paused) {
                    consumer().unregisterProducer();
                    transport.loseConnection();
                    sent++; // once
                }
            }

            @Override
            public void handshakeCompleted() {
                super.handshakeCompleted();
                produce();
            }

            @Override
            public void pauseProducing() {
                paused = true;
                if (sentAtFirstPause < 0 && handshakeDone) {
                    sentAtFirstPause = sent;
                }
                events.add("pause");
            }

            @Override
            public void resumeProducing() {
                paused = false;
                events.add("resume");
                if (handshakeDone) {
                    produce();
                }
            }

            @Override
            public void stopProducing() {
                events.add("stop");
            }
        }
        List<Peer> peers = pair(setup, Streamer::new, () -> new Peer() {
            @Override
            public void handshakeCompleted() {
                super.handshakeCompleted();
                reading().pauseProducing(); // a slow reader: nothing more is read
            }

            @Override
            void made() {
                transport.write(new byte[] {'!'}); // TLS 1.3: the server completes on the client's Finished
            }
        });
        Streamer streamer = (Streamer) peers.get(0);
        Peer reader = peers.get(1);
        Loop.until(reactor, () -> streamer.sentAtFirstPause >= 0);
        assertThat(streamer.sentAtFirstPause)
                .as("paused long before everything was written")
                .isLessThan(total / 2);
        reader.reading().resumeProducing();
        assertThat(Loop.reason(reactor, reader.lost).value()).isInstanceOf(ConnectionDone.class);
        assertThat(reader.received.size()).isEqualTo(total);
        byte[] got = reader.received.toByteArray();
        assertThat(Arrays.copyOfRange(got, total - 16 * 1024, total))
                .isEqualTo(payload(16 * 1024, total / (16 * 1024)));
        assertThat(events).contains("pause", "resume").doesNotContain("stop");
    }

    /** test_nonStreamingProducer: a pull producer is asked for each chunk once the last one is written. */
    @ParameterizedTest
    @EnumSource(Setup.class)
    void aPullProducerIsAskedForEachChunkAndEverythingArrivesInOrder(Setup setup) throws Exception {
        int chunks = 64;
        class Puller extends Peer implements IPullProducer {
            int asked;

            @Override
            public void handshakeCompleted() {
                super.handshakeCompleted();
                consumer().registerProducer(this, false);
            }

            @Override
            public void resumeProducing() {
                asked++;
                if (asked <= chunks) {
                    transport.write(payload(32 * 1024, asked));
                } else if (asked == chunks + 1) {
                    consumer().unregisterProducer();
                    transport.loseConnection();
                }
            }

            @Override
            public void stopProducing() {}
        }
        List<Peer> peers = pair(setup, Puller::new, () -> new Peer() {
            @Override
            void made() {
                transport.write(new byte[] {'!'});
            }
        });
        Puller puller = (Puller) peers.get(0);
        Peer reader = peers.get(1);
        assertThat(Loop.reason(reactor, reader.lost).value()).isInstanceOf(ConnectionDone.class);
        List<byte[]> expected = new ArrayList<>();
        for (int i = 1; i <= chunks; i++) {
            expected.add(payload(32 * 1024, i));
        }
        assertThat(reader.received.toByteArray()).isEqualTo(concat(expected));
        assertThat(puller.asked).isEqualTo(chunks + 1);
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void loseConnectionWaitsForTheRegisteredProducerToUnregister(Setup setup) throws Exception {
        List<Peer> peers = handshaken(setup);
        IdleProducer producer = new IdleProducer();
        Peer writer = peers.get(0);
        writer.consumer().registerProducer(producer, true);
        writer.transport().write("before ".getBytes(StandardCharsets.UTF_8));
        writer.transport().loseConnection();
        writer.transport()
                .write("and after loseConnection"
                        .getBytes(StandardCharsets.UTF_8)); // still accepted: a producer is registered
        Loop.until(reactor, () -> peers.get(1).received.size() >= 31);
        assertThat(peers.get(1).lost.called())
                .as("not closed while the producer is registered")
                .isFalse();
        writer.consumer().unregisterProducer();
        assertThat(Loop.reason(reactor, peers.get(1).lost).value()).isInstanceOf(ConnectionDone.class);
        assertThat(peers.get(1).received.toString(StandardCharsets.UTF_8)).isEqualTo("before and after loseConnection");
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void aSecondProducerIsRefusedAndUnregisteringAfterTheEndIsHarmless(Setup setup) throws Exception {
        List<Peer> peers = handshaken(setup);
        IPushProducer first = new IdleProducer();
        Peer peer = peers.get(0);
        peer.consumer().registerProducer(first, true);
        assertThatIllegalStateException()
                .isThrownBy(() -> peer.consumer().registerProducer(first, true))
                .withMessageContaining("was never unregistered");
        peer.transport().abortConnection();
        Loop.reason(reactor, peer.lost);
        peer.consumer().unregisterProducer(); // test_unregisterProducerAfterDisconnect
    }

    /** test_serverGetHostOnIPv4 / test_serverGetPeerOnIPv4, and the same for UNIX sockets. */
    @ParameterizedTest
    @EnumSource(Setup.class)
    void eachSideSeesTheOthersAddressAsItsPeerAndTheTlsViewKnowsTheCertificate(Setup setup) throws Exception {
        List<Peer> peers = handshaken(setup);
        ITransport server = peers.get(0).transport();
        ITransport client = peers.get(1).transport();
        assertThat(server.getHost()).isEqualTo(ports.get(0).getHost());
        assertThat(client.getPeer()).isEqualTo(server.getHost());
        if (server.getHost() instanceof IPv4Address) {
            assertThat(server.getPeer()).isEqualTo(client.getHost());
            assertThat(((IPv4Address) client.getHost()).host()).isEqualTo("127.0.0.1");
        } else {
            assertThat(server.getPeer()).isInstanceOf(UNIXAddress.class);
            assertThat(client.getHost()).isInstanceOf(UNIXAddress.class);
            assertThatExceptionOfType(UnsupportedOperationException.class)
                    .as("a UNIX socket has no TCP options")
                    .isThrownBy(() -> setup.ssl(client).getTcpNoDelay());
        }
        assertThat(setup.ssl(client).getPeerCertificate()).isEqualTo(TestCertificates.SERVER);
        assertThat(setup.ssl(server).getPeerCertificate())
                .as("the server asked for no client certificate")
                .isNull();
        server.loseConnection();
        Loop.reason(reactor, peers.get(1).lost);
    }
}
