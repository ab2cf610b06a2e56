package io.jtwisted.internal.tcp;

import static io.jtwisted.internal.tcp.TcpTestSupport.port;
import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internal.reactor.NioReactor;
import io.jtwisted.internal.stream.StreamTransport;
import io.jtwisted.internal.tcp.TcpTestSupport.KeepingFactory;
import io.jtwisted.internal.tcp.TcpTestSupport.RecordingClientFactory;
import io.jtwisted.internet.error.ConnectionDone;
import io.jtwisted.internet.error.ConnectionLost;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IPushProducer;
import io.jtwisted.internet.interfaces.ITCPTransport;
import io.jtwisted.internet.protocol.ClientFactory;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.python.failure.Failure;
import io.jtwisted.testing.CoreTestGuard;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Faults over real loopback sockets, each ending in a documented {@code connectionLost} reason
 * (or a logged error) while the reactor goes on serving, with no descriptor left open and no
 * thread left running: both are counted before and after each test. The fault catalogue in
 * docs/reliability.md points here.
 *
 * <p>From twisted/internet/test/test_tcp.py: test_dataReceivedThrows (here for every protocol
 * callback), test_connectionLostAfterPausedTransport's reset path, and the buildProtocol-raises
 * cases of twisted/test/test_tcp.py (FactoryTests). Not ported: the Python-specific
 * {@code logstr}/repr checks. The slow-reader case is our own (Twisted's test_streamingProducer
 * is ported in TcpTransportTest): a reader that stops reading while the server offers 64 MiB.
 */
class TcpFaultsTest {
    private static final int MIB = 1024 * 1024;
    private final NioReactor reactor = TcpTestSupport.reactor();
    private final List<IListeningPort> ports = new ArrayList<>();
    private List<String> descriptorsBefore;
    private java.util.Set<Thread> threadsBefore;

    /**
     * The JDK opens a few descriptors once per process, on first use (for instance the socket it
     * duplicates over a channel being closed while another thread uses it): let a connection come
     * and go, reset included, before the first count.
     */
    @BeforeAll
    static void openTheJdksOwnDescriptors() throws IOException {
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                Socket client = new Socket(server.getInetAddress(), server.getLocalPort());
                Socket accepted = server.accept()) {
            client.setSoLinger(true, 0);
            accepted.getOutputStream().write(1);
        }
    }

    @BeforeEach
    void countDescriptors() throws IOException {
        reactor.iterate(0); // the reactor's own selector is open before counting
        descriptorsBefore = openDescriptors();
        threadsBefore = Thread.getAllStackTraces().keySet();
    }

    @AfterEach
    void closePortsAndCheckForLeaks() throws IOException {
        for (IListeningPort p : ports) {
            Loop.result(reactor, p.stopListening());
        }
        reactor.iterate(0); // the closed channels' keys are deregistered at the next select
        List<String> after = openDescriptors();
        List<String> opened = new ArrayList<>(after);
        opened.removeAll(descriptorsBefore);
        assertThat(after.size())
                .as("open descriptors after the test; new ones: %s", opened)
                .isLessThanOrEqualTo(descriptorsBefore.size());
        assertThat(Thread.getAllStackTraces().keySet())
                .as("threads after the test")
                .allMatch(threadsBefore::contains);
    }

    /** What the process's open descriptors (Linux) point to. */
    static List<String> openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.map(fd -> {
                        try {
                            return Files.readSymbolicLink(fd).toString();
                        } catch (IOException closedMeanwhile) {
                            return "";
                        }
                    })
                    .filter(link -> !link.isEmpty())
                    .toList();
        }
    }

    private IListeningPort listen(Factory factory) {
        IListeningPort p = reactor.listenTCP(0, factory, 50, "127.0.0.1");
        ports.add(p);
        return p;
    }

    /** The reactor went on after the fault: a new echo port serves. */
    private void assertTheReactorStillServes() {
        assertEchoStillWorks(listen(new KeepingFactory<>(Recorder.Echo::new)));
    }

    /** Echo works on the port: the reactor went on after whatever fault came before. */
    private void assertEchoStillWorks(IListeningPort p) {
        RecordingClientFactory<Recorder> client =
                new RecordingClientFactory<>(() -> new Recorder("still there?", false));
        reactor.connectTCP("127.0.0.1", port(p), client);
        Loop.until(
                reactor,
                () -> !client.built.isEmpty() && client.built.get(0).text().equals("still there?"));
        client.built.get(0).transport().loseConnection();
        Loop.reason(reactor, client.lostConnection);
    }

    /** A server protocol that throws from the one callback it is told to. */
    static final class Throwing extends Recorder.HalfClose {
        final String callback;

        Throwing(String callback) {
            this.callback = callback;
        }

        private void maybeThrow(String here) {
            if (callback.equals(here)) {
                throw new IllegalStateException("broke in " + here);
            }
        }

        @Override
        public void connectionMade() {
            super.connectionMade();
            if (callback.equals("writeConnectionLost")) {
                ((ITCPTransport) transport).loseWriteConnection();
            }
            maybeThrow("connectionMade");
        }

        @Override
        public void dataReceived(byte[] data) {
            super.dataReceived(data);
            maybeThrow("dataReceived");
        }

        @Override
        public void readConnectionLost() {
            super.readConnectionLost();
            if (callback.equals("connectionLost")) {
                transport.loseConnection();
            }
            maybeThrow("readConnectionLost");
        }

        @Override
        public void writeConnectionLost() {
            super.writeConnectionLost();
            maybeThrow("writeConnectionLost");
        }

        @Override
        public void connectionLost(Failure reason) {
            super.connectionLost(reason);
            maybeThrow("connectionLost");
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"connectionMade", "dataReceived", "readConnectionLost", "writeConnectionLost", "connectionLost"})
    void aProtocolThrowingInACallbackLosesOnlyItsConnectionWithTheErrorAsReason(String callback) throws IOException {
        int[] built = {0};
        KeepingFactory<Recorder> server =
                new KeepingFactory<>(() -> built[0]++ == 0 ? new Throwing(callback) : new Recorder.Echo());
        IListeningPort p = listen(server);
        try (Socket peer = new Socket("127.0.0.1", port(p))) {
            Loop.until(
                    reactor,
                    () -> !server.built.isEmpty() && server.built.get(0).made.called());
            switch (callback) {
                case "dataReceived" -> peer.getOutputStream().write('x');
                case "readConnectionLost", "connectionLost" -> peer.shutdownOutput();
                default -> {} // connectionMade and writeConnectionLost throw on their own
            }
            Failure reason = Loop.reason(reactor, server.built.get(0).lost);
            if (callback.equals("connectionLost")) {
                assertThat(reason.check(ConnectionDone.class)).isNotNull();
            } else {
                assertThat(reason.value())
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessage("broke in " + callback);
            }
        }
        List<Failure> logged = CoreTestGuard.flushLoggedErrors(IllegalStateException.class);
        assertThat(logged)
                .singleElement()
                .satisfies(f -> assertThat(f.getErrorMessage()).isEqualTo("broke in " + callback));
        assertEchoStillWorks(p);
    }

    @Test
    void aServerFactoryThrowingInBuildProtocolDropsOnlyThatConnection() {
        int[] calls = {0};
        Factory server = new Factory() {
            @Override
            public IProtocol buildProtocol(IAddress address) {
                if (calls[0]++ == 0) {
                    throw new IllegalStateException("no protocol for you");
                }
                return new Recorder.Echo();
            }
        };
        IListeningPort p = listen(server);
        RecordingClientFactory<Recorder> client = new RecordingClientFactory<>(Recorder::new);
        reactor.connectTCP("127.0.0.1", port(p), client);
        Failure reason = Loop.reason(reactor, client.lostConnection);
        assertThat(reason.check(ConnectionDone.class, ConnectionLost.class)).isNotNull();
        assertThat(CoreTestGuard.flushLoggedErrors(IllegalStateException.class)).hasSize(1);
        assertEchoStillWorks(p);
    }

    @Test
    void aClientFactoryThrowingInBuildProtocolClosesTheConnectionAndTellsTheFactory() {
        KeepingFactory<Recorder> server = new KeepingFactory<>(Recorder::new);
        IListeningPort p = listen(server);
        List<Failure> lost = new ArrayList<>();
        ClientFactory client = new ClientFactory() {
            @Override
            public IProtocol buildProtocol(IAddress address) {
                throw new IllegalStateException("client has no protocol");
            }

            @Override
            public void clientConnectionLost(io.jtwisted.internet.interfaces.IConnector connector, Failure reason) {
                lost.add(reason);
            }
        };
        reactor.connectTCP("127.0.0.1", port(p), client);
        Loop.until(reactor, () -> !lost.isEmpty());
        assertThat(CoreTestGuard.flushLoggedErrors(IllegalStateException.class)).hasSize(1);
        Loop.until(
                reactor,
                () -> !server.built.isEmpty() && server.built.get(0).lost.called());
        assertTheReactorStillServes();
    }

    /** Offers {@code total} bytes in 64 KiB chunks whenever the transport lets it (a push producer). */
    static final class Bulk extends Recorder implements IPushProducer {
        final long total;
        long offered;
        long maxPending;
        boolean paused;
        int pauses;

        Bulk(long total) {
            this.total = total;
        }

        @Override
        public void connectionMade() {
            super.connectionMade();
            ((ITCPTransport) transport).registerProducer(this, true);
            produce();
        }

        private void produce() {
            byte[] chunk = new byte[64 * 1024];
            while (!paused && offered < total && transport != null) {
                transport.write(chunk);
                offered += chunk.length;
                maxPending = Math.max(maxPending, ((StreamTransport) transport).pendingBytes());
            }
            if (offered >= total && !paused) {
                ((ITCPTransport) transport).unregisterProducer();
                transport.loseConnection();
            }
        }

        @Override
        public void pauseProducing() {
            paused = true;
            pauses++;
        }

        @Override
        public void resumeProducing() {
            paused = false;
            produce();
        }

        @Override
        public void stopProducing() {
            paused = true;
        }
    }

    /** Counts what it reads without keeping it. */
    static final class Counting extends Recorder {
        long count;

        @Override
        public void dataReceived(byte[] data) {
            count += data.length;
        }
    }

    @Test
    void aReaderThatStopsReadingPausesItsProducerWhileAFastReaderGetsItsWholeStream() {
        long total = 64L * MIB;
        KeepingFactory<Bulk> server = new KeepingFactory<>(() -> new Bulk(total));
        IListeningPort p = listen(server);
        RecordingClientFactory<Counting> slowClient = new RecordingClientFactory<>(Counting::new);
        reactor.connectTCP("127.0.0.1", port(p), slowClient);
        Loop.until(
                reactor,
                () -> !slowClient.built.isEmpty()
                        && slowClient.built.get(0).made.called());
        Counting slow = slowClient.built.get(0);
        ((ITCPTransport) slow.transport()).pauseProducing(); // the slow reader stops reading
        Loop.until(reactor, () -> server.built.size() == 1 && server.built.get(0).paused);

        RecordingClientFactory<Counting> fastClient = new RecordingClientFactory<>(Counting::new);
        reactor.connectTCP("127.0.0.1", port(p), fastClient);
        Loop.reason(reactor, fastClient.lostConnection);
        assertThat(fastClient.built.get(0).count)
                .as("the fast reader's whole stream")
                .isEqualTo(total);

        Bulk toSlow = server.built.get(0);
        assertThat(toSlow.paused)
                .as("the slow reader's producer is still paused")
                .isTrue();
        assertThat(toSlow.offered)
                .as("offered to the slow reader while it did not read")
                .isLessThan(total / 4);
        // Memory: never more than the high-water mark plus one chunk queued in the process.
        assertThat(toSlow.maxPending).isLessThanOrEqualTo(StreamTransport.HIGH_WATER + 64 * 1024);

        ((ITCPTransport) slow.transport()).resumeProducing();
        Failure end = Loop.reason(reactor, slowClient.lostConnection);
        assertThat(end.check(ConnectionDone.class)).isNotNull();
        assertThat(slow.count)
                .as("the slow reader's whole stream, once it reads")
                .isEqualTo(total);
        assertThat(toSlow.maxPending).isLessThanOrEqualTo(StreamTransport.HIGH_WATER + 64 * 1024);
        assertThat(server.built.get(1).maxPending).isLessThanOrEqualTo(StreamTransport.HIGH_WATER + 64 * 1024);
    }

    @Test
    void aPeerResettingWhileTheServerStillWritesIsAConnectionLostAndTheBufferIsDropped() throws IOException {
        KeepingFactory<Bulk> server = new KeepingFactory<>(() -> new Bulk(256L * MIB));
        IListeningPort p = listen(server);
        try (Socket peer = new Socket("127.0.0.1", port(p))) {
            peer.setReceiveBufferSize(64 * 1024);
            Loop.until(reactor, () -> server.built.size() == 1 && server.built.get(0).paused);
            byte[] some = new byte[16 * 1024];
            int got = peer.getInputStream().read(some); // a little, then the reset
            assertThat(got).isPositive();
            peer.setSoLinger(true, 0);
        }
        Bulk writer = server.built.get(0);
        Failure reason = Loop.reason(reactor, writer.lost);
        assertThat(reason.check(ConnectionLost.class)).isNotNull();
        assertThat(reason.check(ConnectionDone.class)).isNull();
        assertThat(writer.offered).isLessThan(256L * MIB);
        assertTheReactorStillServes();
    }

    @Test
    void aPeerThatHalfClosesIsHeardAsTheEndOfInputAndTheServerMayStillAnswer() throws IOException {
        KeepingFactory<Recorder.HalfClose> server = new KeepingFactory<>(Recorder.HalfClose::new);
        IListeningPort p = listen(server);
        try (Socket peer = new Socket("127.0.0.1", port(p))) {
            peer.getOutputStream().write("last words".getBytes(StandardCharsets.US_ASCII));
            peer.shutdownOutput();
            Loop.until(
                    reactor,
                    () -> !server.built.isEmpty()
                            && server.built.get(0).readLost.called());
            Recorder.HalfClose half = server.built.get(0);
            assertThat(half.text()).isEqualTo("last words");
            assertThat(half.lost.called()).as("still connected for writing").isFalse();
            half.transport().write("answer".getBytes(StandardCharsets.US_ASCII));
            half.transport().loseConnection();
            Loop.reason(reactor, half.lost);
            assertThat(new String(peer.getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
                    .isEqualTo("answer");
        }
    }
}
