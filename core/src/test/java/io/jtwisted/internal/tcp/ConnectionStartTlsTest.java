package io.jtwisted.internal.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internal.reactor.NioReactor;
import io.jtwisted.internal.stream.StreamTransport;
import io.jtwisted.internet.error.ConnectionAborted;
import io.jtwisted.internet.error.ConnectionDone;
import io.jtwisted.internet.error.ConnectionLost;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IBufferReceiver;
import io.jtwisted.internet.interfaces.IHalfCloseableProtocol;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IPushProducer;
import io.jtwisted.internet.interfaces.ITCPTransport;
import io.jtwisted.internet.interfaces.ITLSTransport;
import io.jtwisted.internet.protocol.ClientFactory;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.internet.ssl.IConnectionCreator;
import io.jtwisted.internet.ssl.SSL;
import io.jtwisted.protocols.tls.StartTLSFactory;
import io.jtwisted.protocols.tls.TestCertificates;
import io.jtwisted.python.failure.Failure;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code transport.startTLS} on plain {@code listenTCP}/{@code connectTCP} connections (the TCP
 * {@link Connection} as an {@link ITLSTransport}), over real sockets on 127.0.0.1.
 *
 * <p>Ported: twisted/internet/test/test_tls.py test_disconnectAfterWriteAfterStartTLS (both ends
 * switch at once, write, close: both hear connectionLost); twisted/test/test_ssl.py test_TLS (a
 * line protocol switching after {@code STARTTLS}, both ends talking afterwards);
 * twisted/internet/test/test_tcp.py test_noTLSBeforeStartTLS / test_tlsAfterStartTLS (as {@code
 * sslTransport()} null before, the TLS view after); and the producer re-registration of Twisted's
 * {@code _newtls.startTLS}. Added: bytes still queued at the switch leave first in clear (checked
 * by a raw JDK socket), half-close, abort, the two misuse failures, and a file region queued before
 * the switch (sent in clear; after it the connection refuses regions, so callers write bytes), and an
 * {@code IBufferReceiver} lent buffers in clear and given arrays by the TLS layer. Not ported: test_unTLS
 * (JTwisted has no stopTLS), test_backwardsTLS (no {@code normal=False} direction swap) and the
 * IOCP-specific cases. The same exchange, half-close and producer run over UNIX stream sockets,
 * whose transports are {@link ITLSTransport}s too (as in Twisted, where {@code unix.Server} is a
 * {@code tcp.Server}); one more runs there through {@link StartTLSFactory}, which serves transports
 * that are not.
 */
class ConnectionStartTlsTest {
    private static final byte[] STARTTLS = "STARTTLS\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GO = "GO\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HELLO = "hello over tls".getBytes(StandardCharsets.US_ASCII);
    /** Clear bytes written just before the switch: more than the socket takes at once, so still queued. */
    private static final byte[] CLEAR_BULK = pattern(4 << 20, 7);

    private static final byte[] SECURE_BULK = pattern(1 << 20, 13);

    private final NioReactor reactor = TcpTestSupport.reactor();
    private IListeningPort port;

    @AfterEach
    void stop() {
        if (port != null) {
            Loop.result(reactor, port.stopListening());
        }
        reactor.getThreadPool().shutdownNow();
    }

    private static byte[] pattern(int size, int step) {
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = (byte) (i * step);
        }
        return data;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** Records what arrived before and after its own switch to TLS. */
    static class Side extends Protocol implements IHalfCloseableProtocol {
        final ByteArrayOutputStream clear = new ByteArrayOutputStream();
        final ByteArrayOutputStream secure = new ByteArrayOutputStream();
        boolean switched;
        boolean readLost;
        Failure reason;

        void startTls(IConnectionCreator options) {
            ((ITLSTransport) transport).startTLS(options);
            switched = true;
        }

        ITLSTransport tlsTransport() {
            return (ITLSTransport) transport;
        }

        @Override
        public void dataReceived(byte[] data) {
            if (switched) {
                secure.writeBytes(data);
                onSecure();
            } else {
                clear.writeBytes(data);
                onClear();
            }
        }

        void onClear() {}

        void onSecure() {}

        @Override
        public void readConnectionLost() {
            readLost = true;
        }

        @Override
        public void writeConnectionLost() {}

        @Override
        public void connectionLost(Failure reason) {
            this.reason = reason;
        }
    }

    /** Answers a STARTTLS line with GO and the clear bulk, switches, then writes the secure bulk. */
    static class Server extends Side {
        long queuedAtSwitch;

        @Override
        void onClear() {
            if (Arrays.equals(clear.toByteArray(), STARTTLS)) {
                transport.write(GO);
                beforeBulk();
                transport.write(CLEAR_BULK);
                queuedAtSwitch = transport instanceof StreamTransport t ? t.pendingBytes() : -1;
                beforeSwitch();
                startTls(TestCertificates.serverOptions());
                afterSwitch();
            }
        }

        void beforeBulk() {}

        void beforeSwitch() {}

        void afterSwitch() {
            transport.write(SECURE_BULK);
        }
    }

    /** The server on the buffer-level path, counting how its bytes came: lent buffers or arrays, in clear or not. */
    static final class BufferServer extends Server implements IBufferReceiver {
        int buffersInClear;
        int arraysInClear;
        int buffersWhenSecure;
        int arraysWhenSecure;

        @Override
        public void bufferReceived(ByteBuffer data) {
            if (switched) {
                buffersWhenSecure++;
            } else {
                buffersInClear++;
            }
            byte[] copy = new byte[data.remaining()];
            data.get(copy);
            super.dataReceived(copy);
        }

        @Override
        public void dataReceived(byte[] data) {
            if (switched) {
                arraysWhenSecure++;
            } else {
                arraysInClear++;
            }
            super.dataReceived(data);
        }
    }

    /** Sends STARTTLS, switches once GO and the clear bulk are in, then says hello and runs {@link #done}. */
    static class Client extends Side {
        final Consumer<Client> done;
        final int expectedSecure;

        Client(int expectedSecure, Consumer<Client> done) {
            this.expectedSecure = expectedSecure;
            this.done = done;
        }

        @Override
        public void connectionMade() {
            transport.write(STARTTLS);
        }

        @Override
        void onClear() {
            if (clear.size() == GO.length + CLEAR_BULK.length) {
                startTls(SSL.optionsForClientTLS("localhost", TestCertificates.TRUST_CA));
                transport.write(HELLO);
            }
        }

        @Override
        void onSecure() {
            if (secure.size() == expectedSecure) {
                done.accept(this);
            }
        }
    }

    private int listen(Factory factory) {
        port = reactor.listenTCP(0, factory, 50, "127.0.0.1");
        return TcpTestSupport.port(port);
    }

    private static ClientFactory clientFactory(IProtocol only) {
        return new ClientFactory() {
            @Override
            public IProtocol buildProtocol(IAddress address) {
                return only;
            }
        };
    }

    /** Over UNIX stream sockets, whose transports switch to TLS themselves. */
    private void runUnix(Side server, Client client, Path dir) {
        String path = dir.resolve("s.sock").toString();
        port = reactor.listenUNIX(path, Factory.forProtocol(() -> server));
        reactor.connectUNIX(path, clientFactory(client));
        Loop.until(reactor, () -> client.reason != null && server.reason != null);
    }

    /** Over UNIX stream sockets, each protocol behind a {@link StartTLSFactory}'s wrapper. */
    private void runUnixThroughStartTlsFactory(Side server, Client client, Path dir) {
        String path = dir.resolve("s.sock").toString();
        port = reactor.listenUNIX(path, StartTLSFactory.server(Factory.forProtocol(() -> server), reactor));
        reactor.connectUNIX(path, StartTLSFactory.client(clientFactory(client), reactor));
        Loop.until(reactor, () -> client.reason != null && server.reason != null);
    }

    private void run(Side server, Client client) {
        int number = listen(Factory.forProtocol(() -> server));
        reactor.connectTCP("127.0.0.1", number, clientFactory(client), 10, null);
        Loop.until(reactor, () -> client.reason != null && server.reason != null);
    }

    @Test
    void bytesBeforeTheSwitchArriveInClearAndBytesAfterItOverTlsInOrder() {
        Server server = new Server();
        Client client = new Client(SECURE_BULK.length, c -> c.transport().loseConnection());
        run(server, client);
        assertThat(server.queuedAtSwitch).isGreaterThan(CLEAR_BULK.length / 2); // still buffered at the switch
        assertThat(client.clear.toByteArray()).isEqualTo(concat(GO, CLEAR_BULK));
        assertThat(client.secure.toByteArray()).isEqualTo(SECURE_BULK);
        assertThat(server.clear.toByteArray()).isEqualTo(STARTTLS);
        assertThat(server.secure.toByteArray()).isEqualTo(HELLO);
        assertThat(client.reason.value()).isInstanceOf(ConnectionDone.class);
        assertThat(server.reason.value()).isInstanceOf(ConnectionDone.class);
    }

    @Test
    void aBufferReceiverIsLentBuffersInClearAndHearsDataReceivedFromTheTlsLayerAfterTheSwitch() {
        BufferServer server = new BufferServer();
        Client client = new Client(SECURE_BULK.length, c -> c.transport().loseConnection());
        run(server, client);
        assertThat(server.clear.toByteArray()).isEqualTo(STARTTLS);
        assertThat(server.secure.toByteArray()).isEqualTo(HELLO);
        assertThat(server.buffersInClear).isPositive();
        assertThat(server.arraysInClear).isZero();
        assertThat(server.buffersWhenSecure).isZero();
        assertThat(server.arraysWhenSecure).isPositive();
    }

    @Test
    void sslTransportKnowsThePeerCertificateAfterTheSwitchAndIsNullBefore() {
        ITLSTransport[] seenBefore = new ITLSTransport[1];
        Object[] certificate = new Object[1];
        Server server = new Server();
        Client client =
                new Client(SECURE_BULK.length, c -> {
                    certificate[0] = c.tlsTransport().sslTransport().getPeerCertificate();
                    c.transport().loseConnection();
                }) {
                    @Override
                    public void connectionMade() {
                        seenBefore[0] = tlsTransport().sslTransport() == null ? tlsTransport() : null;
                        super.connectionMade();
                    }
                };
        run(server, client);
        assertThat(seenBefore[0]).isNotNull();
        assertThat(certificate[0]).isEqualTo(TestCertificates.SERVER);
        assertThat(client.tlsTransport().sslTransport().negotiatedProtocol()).isNull();
    }

    @Test
    void aRawSocketReadsTheClearBytesThenCompletesATlsHandshakeOnTheSameSocket() throws Exception {
        Server server = new Server();
        int number = listen(Factory.forProtocol(() -> server));
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", TestCertificates.CA.x509());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        CompletableFuture<byte[][]> peer = CompletableFuture.supplyAsync(() -> {
            try (Socket socket = new Socket("127.0.0.1", number)) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(STARTTLS);
                out.flush();
                byte[] clear = new byte[GO.length + CLEAR_BULK.length];
                new DataInputStream(socket.getInputStream()).readFully(clear);
                try (SSLSocket tls =
                        (SSLSocket) context.getSocketFactory().createSocket(socket, "localhost", number, true)) {
                    tls.startHandshake();
                    byte[] secure = new byte[SECURE_BULK.length];
                    new DataInputStream(tls.getInputStream()).readFully(secure);
                    tls.getOutputStream().write(HELLO);
                    tls.getOutputStream().flush();
                    return new byte[][] {clear, secure};
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Loop.until(reactor, () -> peer.isDone() && server.reason != null);
        byte[][] got = peer.get(1, TimeUnit.SECONDS);
        assertThat(got[0]).isEqualTo(concat(GO, CLEAR_BULK));
        assertThat(got[1]).isEqualTo(SECURE_BULK);
        assertThat(server.secure.toByteArray()).isEqualTo(HELLO);
    }

    @Test
    void halfCloseOverTheSwitchedConnectionSendsCloseNotifyAndThePeerCanStillAnswer() {
        halfCloseAfterTheSwitch(this::run);
    }

    @Test
    void overUnixSocketsHalfCloseAfterTheSwitchSendsCloseNotifyAndThePeerCanStillAnswer(@TempDir Path dir) {
        halfCloseAfterTheSwitch((server, client) -> runUnix(server, client, dir));
    }

    private void halfCloseAfterTheSwitch(java.util.function.BiConsumer<Side, Client> runner) {
        byte[] bye = "bye".getBytes(StandardCharsets.US_ASCII);
        Server server = new Server() {
            @Override
            public void readConnectionLost() {
                super.readConnectionLost();
                transport.write(bye);
                transport.loseConnection();
            }
        };
        Client client = new Client(SECURE_BULK.length, c -> ((ITLSTransport) c.transport()).loseWriteConnection());
        runner.accept(server, client);
        assertThat(server.readLost).isTrue();
        assertThat(server.secure.toByteArray()).isEqualTo(HELLO);
        assertThat(client.secure.toByteArray()).isEqualTo(concat(SECURE_BULK, bye));
        assertThat(client.reason.value()).isInstanceOf(ConnectionDone.class);
        assertThat(server.reason.value()).isInstanceOf(ConnectionDone.class);
    }

    @Test
    void abortOverTheSwitchedConnectionClosesAtOnceWithoutCloseNotify() {
        Server server = new Server();
        Client client = new Client(SECURE_BULK.length, c -> c.transport().abortConnection());
        run(server, client);
        assertThat(client.reason.value()).isInstanceOf(ConnectionAborted.class);
        assertThat(server.reason.value()).isInstanceOf(ConnectionLost.class).isNotInstanceOf(ConnectionAborted.class);
    }

    /** Writes the secure bulk in chunks while not paused; counts pauses. */
    static final class Pump implements IPushProducer {
        final Side side;
        int offset;
        int pauses;
        boolean paused;

        Pump(Side side) {
            this.side = side;
        }

        void pump() {
            while (!paused && offset < SECURE_BULK.length) {
                int end = Math.min(offset + 16 * 1024, SECURE_BULK.length);
                side.transport().write(Arrays.copyOfRange(SECURE_BULK, offset, end));
                offset = end;
            }
            if (offset == SECURE_BULK.length && !paused) {
                offset++; // once
                side.tlsTransport().unregisterProducer();
            }
        }

        @Override
        public void pauseProducing() {
            if (!paused) {
                pauses++;
            }
            paused = true;
        }

        @Override
        public void resumeProducing() {
            paused = false;
            pump();
        }

        @Override
        public void stopProducing() {
            paused = true;
        }
    }

    @Test
    void aProducerPausedBeforeTheSwitchMovesToTheTlsLayerAndIsThrottledAfterIt() {
        producerAcrossTheSwitch(this::run);
    }

    @Test
    void overUnixSocketsAProducerPausedBeforeTheSwitchMovesToTheTlsLayerAndIsThrottledAfterIt(@TempDir Path dir) {
        producerAcrossTheSwitch((server, client) -> runUnix(server, client, dir));
    }

    private void producerAcrossTheSwitch(java.util.function.BiConsumer<Side, Client> runner) {
        boolean[] pausedAtSwitch = new boolean[1];
        Pump[] pump = new Pump[1];
        Server server = new Server() {
            @Override
            void beforeBulk() {
                pump[0] = new Pump(this);
                ((ITLSTransport) transport).registerProducer(pump[0], true);
            }

            @Override
            void beforeSwitch() {
                pausedAtSwitch[0] = pump[0].paused; // the clear bulk took the queue over the high-water mark
            }

            @Override
            void afterSwitch() {
                // the pump writes the secure bulk once the handshake resumes it
            }
        };
        Client client = new Client(SECURE_BULK.length, c -> c.transport().loseConnection());
        runner.accept(server, client);
        assertThat(client.clear.toByteArray()).isEqualTo(concat(GO, CLEAR_BULK));
        assertThat(client.secure.toByteArray()).isEqualTo(SECURE_BULK);
        assertThat(pausedAtSwitch[0]).isTrue();
        assertThat(pump[0].pauses).isGreaterThanOrEqualTo(2); // before the switch, and by the queue after it
        assertThat(server.reason.value()).isInstanceOf(ConnectionDone.class);
    }

    /**
     * The transports of UNIX connections switch themselves, both sides; they are no
     * {@link ITCPTransport}, having no TCP options.
     */
    @Test
    void overUnixSocketsBothTransportsAreTlsTransportsAndTheSameExchangeArrivesInOrder(@TempDir Path dir) {
        boolean[] tcp = new boolean[2];
        Server server = new Server() {
            @Override
            void beforeSwitch() {
                tcp[0] = transport instanceof ITCPTransport;
            }
        };
        Client client = new Client(SECURE_BULK.length, c -> {
            tcp[1] = c.transport() instanceof ITCPTransport;
            c.transport().loseConnection();
        });
        runUnix(server, client, dir);
        assertThat(server.queuedAtSwitch).isGreaterThan(CLEAR_BULK.length / 2); // still buffered at the switch
        assertThat(client.clear.toByteArray()).isEqualTo(concat(GO, CLEAR_BULK));
        assertThat(client.secure.toByteArray()).isEqualTo(SECURE_BULK);
        assertThat(server.secure.toByteArray()).isEqualTo(HELLO);
        assertThat(client.tlsTransport().sslTransport().getPeerCertificate()).isEqualTo(TestCertificates.SERVER);
        assertThat(server.tlsTransport().sslTransport().negotiatedProtocol()).isNull();
        assertThat(tcp).containsExactly(false, false);
        assertThat(client.reason.value()).isInstanceOf(ConnectionDone.class);
        assertThat(server.reason.value()).isInstanceOf(ConnectionDone.class);
    }

    /** {@link StartTLSFactory} gives the same switch to transports that are no {@link ITLSTransport} themselves. */
    @Test
    void overUnixSocketsTheSameExchangeWorksThroughStartTlsFactory(@TempDir Path dir) {
        Server server = new Server();
        Client client = new Client(SECURE_BULK.length, c -> c.transport().loseConnection());
        runUnixThroughStartTlsFactory(server, client, dir);
        assertThat(client.clear.toByteArray()).isEqualTo(concat(GO, CLEAR_BULK));
        assertThat(client.secure.toByteArray()).isEqualTo(SECURE_BULK);
        assertThat(server.secure.toByteArray()).isEqualTo(HELLO);
        assertThat(client.tlsTransport().sslTransport().getPeerCertificate()).isEqualTo(TestCertificates.SERVER);
        assertThat(client.reason.value()).isInstanceOf(ConnectionDone.class);
        assertThat(server.reason.value()).isInstanceOf(ConnectionDone.class);
    }

    @Test
    void bothEndsSwitchAtOnceWriteAndCloseAndBothHearConnectionLost() {
        class ShortLived extends Side {
            final IConnectionCreator options;

            ShortLived(IConnectionCreator options) {
                this.options = options;
            }

            @Override
            public void connectionMade() {
                startTls(options);
                transport.write("x".getBytes(StandardCharsets.US_ASCII)); // someone must talk for TLS to negotiate
            }

            @Override
            void onSecure() {
                transport.write("y".getBytes(StandardCharsets.US_ASCII));
                transport.loseConnection();
            }
        }
        ShortLived server = new ShortLived(TestCertificates.serverOptions());
        ShortLived client = new ShortLived(SSL.optionsForClientTLS("localhost", TestCertificates.TRUST_CA));
        int number = listen(Factory.forProtocol(() -> server));
        reactor.connectTCP("127.0.0.1", number, clientFactory(client), 10, null);
        Loop.until(reactor, () -> client.reason != null && server.reason != null);
        assertThat(client.secure.toString(StandardCharsets.US_ASCII)).startsWith("x");
        assertThat(server.secure.toString(StandardCharsets.US_ASCII)).startsWith("x");
        assertThat(client.clear.size()).isZero();
        assertThat(server.clear.size()).isZero();
    }

    @Test
    void startTlsTwiceFailsClearly() {
        RuntimeException[] second = new RuntimeException[1];
        Side server = new Side() {
            @Override
            public void connectionMade() {
                startTls(TestCertificates.serverOptions());
                try {
                    startTls(TestCertificates.serverOptions());
                } catch (RuntimeException e) {
                    second[0] = e;
                }
                transport.abortConnection();
            }
        };
        Protocol client = new Protocol();
        int number = listen(Factory.forProtocol(() -> server));
        reactor.connectTCP("127.0.0.1", number, clientFactory(client), 10, null);
        Loop.until(reactor, () -> server.reason != null);
        assertThat(second[0]).isInstanceOf(IllegalStateException.class).hasMessageContaining("already started");
    }

    @Test
    void startTlsAfterLoseConnectionFailsClearly() {
        RuntimeException[] late = new RuntimeException[1];
        Side server = new Side() {
            @Override
            public void connectionMade() {
                transport.loseConnection();
                try {
                    startTls(TestCertificates.serverOptions());
                } catch (RuntimeException e) {
                    late[0] = e;
                }
            }
        };
        Protocol client = new Protocol();
        int number = listen(Factory.forProtocol(() -> server));
        reactor.connectTCP("127.0.0.1", number, clientFactory(client), 10, null);
        Loop.until(reactor, () -> server.reason != null);
        assertThat(late[0]).isInstanceOf(IllegalStateException.class).hasMessageContaining("closing");
        assertThat(server.reason.value()).isInstanceOf(ConnectionDone.class);
    }

    @Test
    void aFileRegionQueuedBeforeTheSwitchLeavesInClearAndAfterItTheConnectionRefusesRegions(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("clear.bin");
        java.nio.file.Files.write(file, CLEAR_BULK);
        java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file);
        boolean[] before = new boolean[1];
        boolean[] after = {true};
        RuntimeException[] refused = new RuntimeException[1];
        Server server = new Server() {
            @Override
            void onClear() {
                if (Arrays.equals(clear.toByteArray(), STARTTLS)) {
                    io.jtwisted.internet.interfaces.IFileRegionTransport t =
                            (io.jtwisted.internet.interfaces.IFileRegionTransport) transport;
                    transport.write(GO);
                    before[0] = t.canWriteFile();
                    t.writeFile(channel, 0, CLEAR_BULK.length, true);
                    startTls(TestCertificates.serverOptions());
                    after[0] = t.canWriteFile();
                    try {
                        t.writeFile(channel, 0, 1, false);
                    } catch (RuntimeException e) {
                        refused[0] = e;
                    }
                    transport.write(SECURE_BULK);
                }
            }
        };
        Client client = new Client(SECURE_BULK.length, c -> c.transport().loseConnection());
        run(server, client);
        assertThat(before[0]).isTrue();
        assertThat(after[0]).as("no region can go out unencrypted").isFalse();
        assertThat(refused[0]).isInstanceOf(IllegalStateException.class).hasMessageContaining("TLS");
        assertThat(client.clear.toByteArray()).isEqualTo(concat(GO, CLEAR_BULK));
        assertThat(client.secure.toByteArray()).isEqualTo(SECURE_BULK);
        assertThat(channel.isOpen()).isFalse();
    }
}
