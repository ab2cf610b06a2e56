package io.jtwisted.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internal.loop.EventLoop;
import io.jtwisted.internal.reactor.NioReactor;
import io.jtwisted.internal.tcp.Ending;
import io.jtwisted.internal.tcp.Loop;
import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.error.ConnectionAborted;
import io.jtwisted.internet.error.ConnectionDone;
import io.jtwisted.internet.error.ConnectionLost;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IBufferReceiver;
import io.jtwisted.internet.interfaces.IFileRegionTransport;
import io.jtwisted.internet.interfaces.IHalfCloseableProtocol;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IPushProducer;
import io.jtwisted.internet.protocol.ClientFactory;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.python.failure.Failure;
import java.io.ByteArrayOutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The stream contract every stream transport keeps (Twisted's abstract.FileDescriptor and
 * tcp.Connection), run over each transport that uses {@link StreamTransport}: TCP on 127.0.0.1
 * and UNIX-domain sockets, named by a path or in the abstract namespace. Ported from twisted/internet/test/test_tcp.py's
 * StreamTransportTestsMixin and connection tests shared with test_unix.py (test_loseConnection
 * with buffered data, abortConnection, half-close, streaming producers over a slow reader, writes
 * after loseWriteConnection); the TCP-only cases stay in TcpTransportTest. Added (Twisted has no
 * sendfile): file regions ({@link IFileRegionTransport#writeFile}) in order with byte writes, paced
 * by a slow reader through the producer, their file closed when sent, when the connection is lost
 * mid-transfer, or at once on a closed connection, and a file shorter than its region; writes of
 * every size (through the reactor's staging buffer or not) cut anywhere by a full socket.
 * Added (Twisted reads into strings only): the buffer-level receive path ({@link IBufferReceiver})
 * and direct buffers written at once, their unsent rest queued, an error of such a write reported
 * by the flush rather than inside {@code write}.
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
        },
        /** UNIX-domain sockets in Linux's abstract namespace: junixsocket's channels, served through its poller. */
        UNIX_ABSTRACT {
            @Override
            IListeningPort listen(NioReactor reactor, Factory factory, Path dir) {
                return reactor.listenUNIX(
                        "\0jtwisted-stream-" + ProcessHandle.current().pid() + "-" + dir.getFileName(), factory);
            }

            @Override
            void connect(NioReactor reactor, IListeningPort port, ClientFactory factory) {
                UNIX.connect(reactor, port, factory);
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
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
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
        Loop.until(
                reactor,
                () -> !servers.built.isEmpty()
                        && !clients.built.isEmpty()
                        && servers.built.get(0).transport() != null
                        && clients.built.get(0).transport() != null);
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
        List<Peer> peers = pair(
                kind,
                () -> new HalfPeer() {
                    @Override
                    public void readConnectionLost() {
                        super.readConnectionLost();
                        transport.write(("got " + received).getBytes(StandardCharsets.UTF_8));
                        transport.loseConnection();
                    }
                },
                HalfPeer::new);
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

    private Path file(byte[] contents) throws Exception {
        if (dir == null) {
            dir = Files.createTempDirectory("stream");
        }
        Path f = dir.resolve("region-" + contents.length + ".bin");
        Files.write(f, contents);
        return f;
    }

    private static FileChannel open(Path f) throws Exception {
        return FileChannel.open(f, StandardOpenOption.READ);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void fileRegionsLeaveInOrderWithTheByteWritesAndTheirFilesCloseOnceSent(Kind kind) throws Exception {
        List<Peer> peers = pair(kind, Peer::new);
        byte[] contents = payload(3 * 1024 * 1024 + 7);
        Path f = file(contents);
        IFileRegionTransport server = (IFileRegionTransport) peers.get(0).transport();
        FileChannel whole = open(f);
        FileChannel kept = open(f);
        assertThat(server.canWriteFile()).isTrue();
        server.write("head|".getBytes(StandardCharsets.UTF_8));
        server.writeFile(whole, 0, contents.length, true);
        server.write("|mid|".getBytes(StandardCharsets.UTF_8));
        server.writeFile(kept, 1000, 10, false);
        server.writeFile(kept, 0, 0, false); // empty: nothing queued
        server.write("|tail".getBytes(StandardCharsets.UTF_8));
        server.loseConnection();
        Loop.reason(reactor, peers.get(1).lost);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes("head|".getBytes(StandardCharsets.UTF_8));
        expected.writeBytes(contents);
        expected.writeBytes("|mid|".getBytes(StandardCharsets.UTF_8));
        expected.write(contents, 1000, 10);
        expected.writeBytes("|tail".getBytes(StandardCharsets.UTF_8));
        assertThat(peers.get(1).received.toByteArray()).isEqualTo(expected.toByteArray());
        assertThat(whole.isOpen()).as("closed once sent").isFalse();
        assertThat(kept.isOpen()).as("the caller's to close").isTrue();
        assertThat(kept.position())
                .as("positional transfers leave the position alone")
                .isZero();
        kept.close();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRegionAfterArraysFillsTheRestOfTheirWriteAndSendsTheRestWithTransferTo(Kind kind) throws Exception {
        List<Peer> peers = pair(kind, Peer::new);
        byte[] contents = payload(1024 * 1024);
        CountingFileChannel file = new CountingFileChannel(open(file(contents)));
        StreamTransport server = (StreamTransport) peers.get(0).transport();
        byte[] head = "HTTP/1.1 200 OK\r\nContent-Length: 1048576\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        server.write(head);
        server.writeFile(file, 0, contents.length, true);
        server.loseConnection();
        Loop.reason(reactor, peers.get(1).lost);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(head);
        expected.writeBytes(contents);
        assertThat(peers.get(1).received.toByteArray()).isEqualTo(expected.toByteArray());
        assertThat(file.bytesRead)
                .as("the region's start fills the staging buffer behind the head")
                .isEqualTo(EventLoop.WRITE_BUFFER_SIZE - head.length);
        assertThat(file.bytesTransferred)
                .as("sent with sendfile: at most what was read ahead but not yet written is read again")
                .isBetween(contents.length - file.bytesRead, (long) contents.length);
        assertThat(file.isOpen()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSmallRegionAfterArraysLeavesInTheirWriteAndIsClosed(Kind kind) throws Exception {
        List<Peer> peers = pair(kind, Peer::new);
        byte[] contents = payload(1400);
        CountingFileChannel file = new CountingFileChannel(open(file(contents)));
        StreamTransport server = (StreamTransport) peers.get(0).transport();
        server.write("head|".getBytes(StandardCharsets.US_ASCII));
        server.writeFile(file, 100, 1000, true);
        server.write("|tail".getBytes(StandardCharsets.US_ASCII));
        server.loseConnection();
        Loop.reason(reactor, peers.get(1).lost);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes("head|".getBytes(StandardCharsets.US_ASCII));
        expected.write(contents, 100, 1000);
        expected.writeBytes("|tail".getBytes(StandardCharsets.US_ASCII));
        assertThat(peers.get(1).received.toByteArray()).isEqualTo(expected.toByteArray());
        assertThat(file.bytesRead).isEqualTo(1000);
        assertThat(file.bytesTransferred).isZero();
        assertThat(file.isOpen()).as("closed once its bytes left with the head").isFalse();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRegionWithNothingBeforeItIsSentWithTransferToAlone(Kind kind) throws Exception {
        List<Peer> peers = pair(kind, Peer::new);
        byte[] contents = payload(300 * 1024);
        CountingFileChannel file = new CountingFileChannel(open(file(contents)));
        StreamTransport server = (StreamTransport) peers.get(0).transport();
        server.writeFile(file, 0, contents.length, true);
        server.loseConnection();
        Loop.reason(reactor, peers.get(1).lost);
        assertThat(peers.get(1).received.toByteArray()).isEqualTo(contents);
        assertThat(file.bytesRead).isZero();
        assertThat(file.bytesTransferred).isEqualTo(contents.length);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSlowReaderPausesAProducerOfFileRegionsAndEveryByteArrivesWhenItReadsAgain(Kind kind) throws Exception {
        int region = 256 * 1024;
        byte[] contents = payload(24 * 1024 * 1024 + 3);
        Path f = file(contents);
        List<String> events = new ArrayList<>();
        class RegionStreamer extends Peer implements IPushProducer {
            FileChannel channel;
            boolean paused;
            long queued;
            long mostPending;

            @Override
            public void connectionMade() {
                try {
                    channel = open(f);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                ((StreamTransport) transport).registerProducer(this, true);
                ((StreamTransport) transport).pauseProducing(); // nothing to read here
                produce();
            }

            void produce() {
                IFileRegionTransport t = (IFileRegionTransport) transport;
                while (!paused && queued < contents.length) {
                    long n = Math.min(region, contents.length - queued);
                    queued += n;
                    t.writeFile(channel, queued - n, n, queued == contents.length);
                    mostPending = Math.max(mostPending, ((StreamTransport) transport).pendingBytes());
                }
                if (queued == contents.length && !paused) {
                    ((StreamTransport) transport).unregisterProducer();
                    transport.loseConnection();
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
            }

            @Override
            public void stopProducing() {
                events.add("stop");
            }
        }
        List<Peer> peers = pair(kind, RegionStreamer::new);
        RegionStreamer streamer = (RegionStreamer) peers.get(0);
        Peer reader = peers.get(1);
        ((StreamTransport) reader.transport()).pauseProducing(); // a slow reader
        Loop.until(reactor, () -> streamer.paused && ((StreamTransport) streamer.transport()).writeBlocked());
        assertThat(streamer.queued)
                .as("the producer did not queue the whole file")
                .isLessThan(contents.length);
        ((StreamTransport) reader.transport()).resumeProducing();
        Loop.reason(reactor, reader.lost);
        assertThat(reader.received.toByteArray()).isEqualTo(contents);
        assertThat(streamer.mostPending).isLessThanOrEqualTo(StreamTransport.HIGH_WATER + region);
        assertThat(events).startsWith("pause", "resume").doesNotContain("stop");
        assertThat(streamer.channel.isOpen()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aConnectionLostInTheMiddleOfAFileRegionClosesItsFile(Kind kind) throws Exception {
        List<Peer> peers = pair(kind, Peer::new);
        if (dir == null) {
            dir = Files.createTempDirectory("stream");
        }
        Path f = dir.resolve("sparse.bin");
        try (RandomAccessFile sparse = new RandomAccessFile(f.toFile(), "rw")) {
            sparse.setLength(256L * 1024 * 1024); // more than any socket buffer takes
        }
        FileChannel channel = open(f);
        StreamTransport server = (StreamTransport) peers.get(0).transport();
        ((StreamTransport) peers.get(1).transport()).pauseProducing(); // the reader stops reading
        server.writeFile(channel, 0, channel.size(), true);
        Loop.until(reactor, server::writeBlocked);
        assertThat(server.pendingBytes()).isPositive();
        assertThat(channel.isOpen()).isTrue();
        peers.get(1).transport().abortConnection(); // the client goes away mid-transfer
        Failure reason = Loop.reason(reactor, peers.get(0).lost);
        assertThat(reason.check(ConnectionLost.class, ConnectionDone.class)).isNotNull();
        assertThat(channel.isOpen())
                .as("the file of a region never sent whole is closed")
                .isFalse();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFileRegionWrittenAfterTheConnectionClosedIsDroppedAndItsFileClosed(Kind kind) throws Exception {
        List<Peer> peers = pair(kind, Peer::new);
        FileChannel channel = open(file(payload(100)));
        IFileRegionTransport server = (IFileRegionTransport) peers.get(0).transport();
        peers.get(0).transport().abortConnection();
        Loop.reason(reactor, peers.get(0).lost);
        server.writeFile(channel, 0, 100, true);
        assertThat(channel.isOpen()).isFalse();
        Loop.reason(reactor, peers.get(1).lost);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFileShorterThanItsRegionClosesTheConnectionNamingIt(Kind kind) throws Exception {
        List<Peer> peers = pair(kind, Peer::new);
        byte[] contents = payload(5000);
        FileChannel channel = open(file(contents));
        IFileRegionTransport server = (IFileRegionTransport) peers.get(0).transport();
        server.writeFile(channel, 0, 9000, true); // the file has 5000 bytes
        Failure reason = Loop.reason(reactor, peers.get(0).lost);
        assertThat(reason.check(ConnectionLost.class)).isNotNull();
        assertThat(reason.getErrorMessage()).contains("file ended at 5000 bytes");
        assertThat(channel.isOpen()).isFalse();
        Loop.reason(reactor, peers.get(1).lost);
        assertThat(peers.get(1).received.toByteArray()).isEqualTo(contents);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void writesOfEverySizeArriveInOrderWhenTheSocketTakesThemInPieces(Kind kind) throws Exception {
        List<Peer> peers = pair(kind, Peer::new);
        StreamTransport server = (StreamTransport) peers.get(0).transport();
        ((StreamTransport) peers.get(1).transport()).pauseProducing(); // the socket fills: writes are cut anywhere
        java.util.Random random = new java.util.Random(19);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        int[] sizes = {1, 7, 100, 1500, 16 * 1024, 64 * 1024 - 1, 64 * 1024, 200 * 1024};
        for (int i = 0; i < 600; i++) {
            byte[] chunk = new byte[sizes[random.nextInt(sizes.length)]];
            random.nextBytes(chunk);
            expected.writeBytes(chunk);
            if (i % 3 == 0) {
                server.write(java.nio.ByteBuffer.wrap(chunk));
            } else {
                server.write(chunk);
            }
        }
        assertEverythingArrivesOnceTheReaderResumes(peers, expected.toByteArray());
    }

    /**
     * With the server's socket full (its writes blocked) and the client paused: resumes the client,
     * closes the server's side, and checks that the client got {@code expected}, whole and in order.
     */
    private void assertEverythingArrivesOnceTheReaderResumes(List<Peer> peers, byte[] expected) {
        StreamTransport server = (StreamTransport) peers.get(0).transport();
        Loop.until(reactor, server::writeBlocked);
        ((StreamTransport) peers.get(1).transport()).resumeProducing();
        server.loseConnection();
        Loop.reason(reactor, peers.get(1).lost);
        assertThat(peers.get(1).received.toByteArray()).isEqualTo(expected);
    }

    /** Echoes on the buffer-level path, recording what it was lent. */
    static final class BufferEchoPeer extends Peer implements IBufferReceiver {
        int buffers;
        int arrays;
        boolean allDirect = true;

        @Override
        public void bufferReceived(ByteBuffer data) {
            buffers++;
            allDirect &= data.isDirect();
            transport().write(data);
            assertThat(data.hasRemaining()).isFalse();
        }

        @Override
        public void dataReceived(byte[] data) {
            arrays++;
            transport().write(data);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aBufferReceiverIsLentTheReadBufferInsteadOfAnArrayAndItsEchoArrivesWhole(Kind kind) throws Exception {
        List<Peer> peers = pair(kind, BufferEchoPeer::new);
        BufferEchoPeer server = (BufferEchoPeer) peers.get(0);
        byte[] data = payload(3 * 1024 * 1024 + 17);
        peers.get(1).transport().write(data);
        Loop.until(reactor, () -> peers.get(1).received.size() >= data.length);
        assertThat(peers.get(1).received.toByteArray()).isEqualTo(data);
        assertThat(server.buffers).isPositive();
        assertThat(server.arrays).isZero();
        assertThat(server.allDirect).isTrue();
        peers.get(1).transport().loseConnection();
        Loop.reason(reactor, server.lost);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void directBuffersReusedAtOnceArriveInOrderWithArraysWhenTheSocketTakesThemInPieces(Kind kind) throws Exception {
        List<Peer> peers = pair(kind, Peer::new);
        StreamTransport server = (StreamTransport) peers.get(0).transport();
        ((StreamTransport) peers.get(1).transport()).pauseProducing(); // the socket fills: writes are cut anywhere
        java.util.Random random = new java.util.Random(23);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        ByteBuffer reused = ByteBuffer.allocateDirect(300 * 1024);
        int[] sizes = {1, 100, 4096, 64 * 1024, 300 * 1024};
        for (int i = 0; i < 300; i++) {
            byte[] chunk = new byte[sizes[random.nextInt(sizes.length)]];
            random.nextBytes(chunk);
            expected.writeBytes(chunk);
            if (i % 2 == 0) {
                reused.clear().put(chunk).flip(); // the caller refills the same buffer after each write
                server.write(reused);
                assertThat(reused.hasRemaining()).isFalse();
            } else {
                server.write(chunk);
            }
        }
        assertEverythingArrivesOnceTheReaderResumes(peers, expected.toByteArray());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDirectWriteThatFailsClosesTheConnectionAtTheFlushNotInsideWrite(Kind kind) throws Exception {
        List<Peer> peers = pair(kind, Peer::new);
        StreamTransport server = (StreamTransport) peers.get(0).transport();
        server.pauseProducing(); // it does not read, so only the write can find the peer gone
        peers.get(1).transport().abortConnection();
        Loop.reason(reactor, peers.get(1).lost);
        ByteBuffer data = ByteBuffer.allocateDirect(64 * 1024);
        for (int i = 0; i < 64 && !server.disconnecting(); i++) { // the first write may still be taken
            data.clear();
            server.write(data);
            assertThat(peers.get(0).lost.called()).isFalse();
            reactor.iterate(0);
        }
        Failure reason = Loop.reason(reactor, peers.get(0).lost);
        assertThat(reason.value()).isInstanceOf(ConnectionLost.class);
    }
}
