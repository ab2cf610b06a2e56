package io.jtwisted.internal.tcp;

import static io.jtwisted.internal.tcp.TcpTestSupport.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internal.reactor.NioReactor;
import io.jtwisted.internal.tcp.TcpTestSupport.KeepingFactory;
import io.jtwisted.internal.tcp.TcpTestSupport.RecordingClientFactory;
import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.address.IPv6Address;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.error.CannotListenError;
import io.jtwisted.internet.error.ConnectionAborted;
import io.jtwisted.internet.error.ConnectionDone;
import io.jtwisted.internet.error.ConnectionRefusedError;
import io.jtwisted.internet.interfaces.IConnector;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IPushProducer;
import io.jtwisted.internet.interfaces.ITCPTransport;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.python.failure.Failure;
import io.jtwisted.testing.CoreTestGuard;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The TCP transport (connections, ports, connectors) over real sockets on 127.0.0.1, port 0.
 *
 * <p>Ports of twisted/test/test_tcp.py: ListeningTests (test_listen, testStopListening,
 * testNumberedInterface, test_restartListening), LoopbackTests (test_tcpNoDelay,
 * test_tcpKeepAlive, testFailing, test_connectionRefusedErrorNumber), FactoryTests
 * (test_serverStartStop, test_clientStartStop), CannotBindTests (test_cannotBind,
 * test_clientBind), LocalRemoteAddressTests (test_hostAddress), WriteDataTests (test_writer),
 * LargeBufferTests (testWriter), HalfCloseTests (testCloseWriteCloser, testWriteCloseNotification),
 * HalfCloseNoNotificationAndShutdownExceptionTests (testNoNotification),
 * PauseProducingTests (test_pauseProducingInConnectionMade), CallBackOrderTests (test_loseOrder),
 * and from twisted/internet/test/test_tcp.py: test_dataReceivedThrows, test_buildProtocolReturnsNone,
 * test_clientAbortsConnectionTwice, test_serverAbortsConnectionThenLosesConnection,
 * test_writeAfterDisconnect, test_doubleHalfClose, test_portGetHostOnIPv6, test_serverGetPeerOnIPv4,
 * test_streamingProducer (flow control with a slow reader), test_stopStartReading.
 * Not ported: repr/logstr tests (Python formatting), connectByService (no service names in
 * Java), ProperlyCloseFiles (checks Python socket objects), test_exceptInStop /
 * test_directConnectionLostCall (Python-level monkeypatching of internals).
 */
class TcpTransportTest {
    private final NioReactor reactor = TcpTestSupport.reactor();
    private final List<IListeningPort> ports = new ArrayList<>();

    @AfterEach
    void closePorts() {
        for (IListeningPort p : ports) {
            Loop.result(reactor, p.stopListening());
        }
    }

    private IListeningPort listen(Factory factory) {
        IListeningPort p = reactor.listenTCP(0, factory, 50, "127.0.0.1");
        ports.add(p);
        return p;
    }

    @Test
    void echoRoundTripDeliversEveryByteInOrder() {
        KeepingFactory<Recorder.Echo> server = new KeepingFactory<>(Recorder.Echo::new);
        IListeningPort p = listen(server);
        RecordingClientFactory<Recorder> client =
                new RecordingClientFactory<>(() -> new Recorder("hello, echo", false));
        reactor.connectTCP("127.0.0.1", port(p), client);
        Loop.until(
                reactor,
                () -> !client.built.isEmpty() && client.built.get(0).text().equals("hello, echo"));
        assertThat(server.built).hasSize(1);
        assertThat(server.built.get(0).text()).isEqualTo("hello, echo");
        client.built.get(0).transport().loseConnection();
        Failure serverReason = Loop.reason(reactor, server.built.get(0).lost);
        assertThat(serverReason.check(ConnectionDone.class)).isNotNull();
        assertThat(client.events).containsExactly("startedConnecting", "buildProtocol", "clientConnectionLost");
    }

    @Test
    void quoteThenCloseReachesTheClientBeforeTheCleanClose() {
        listen(new KeepingFactory<>(() -> new Recorder("An apple a day keeps the doctor away\r\n", true)));
        RecordingClientFactory<Recorder> client = new RecordingClientFactory<>(Recorder::new);
        reactor.connectTCP("127.0.0.1", port(ports.get(0)), client);
        Failure reason = Loop.reason(reactor, client.lostConnection);
        assertThat(client.built.get(0).text()).isEqualTo("An apple a day keeps the doctor away\r\n");
        assertThat(reason.check(ConnectionDone.class)).isNotNull();
        assertThat(client.built.get(0).reason.check(ConnectionDone.class)).isNotNull();
    }

    @Test
    void listenOnPortZeroPicksAFreePortAndAddressesMatchOnBothEnds() {
        KeepingFactory<Recorder> server = new KeepingFactory<>(Recorder::new);
        IListeningPort p = listen(server);
        IPv4Address host = (IPv4Address) p.getHost();
        assertThat(host.host()).isEqualTo("127.0.0.1");
        assertThat(host.port()).isPositive();
        assertThat(host.type()).isEqualTo("TCP");
        RecordingClientFactory<Recorder> client = new RecordingClientFactory<>(Recorder::new);
        reactor.connectTCP("127.0.0.1", host.port(), client);
        Loop.until(reactor, () -> !server.built.isEmpty() && !client.built.isEmpty());
        Loop.result(reactor, server.built.get(0).made);
        ITCPTransport serverSide = (ITCPTransport) server.built.get(0).transport();
        ITCPTransport clientSide = (ITCPTransport) client.built.get(0).transport();
        assertThat(serverSide.getHost()).isEqualTo(host);
        assertThat(clientSide.getPeer()).isEqualTo(host);
        assertThat(serverSide.getPeer()).isEqualTo(clientSide.getHost());
        clientSide.abortConnection();
        Loop.reason(reactor, server.built.get(0).lost);
    }

    @Test
    void stopListeningFiresAfterTheFactoryStopsAndRefusesNewConnections() {
        KeepingFactory<Recorder> server = new KeepingFactory<>(Recorder::new);
        IListeningPort p = reactor.listenTCP(0, server, 50, "127.0.0.1");
        int number = port(p);
        assertThat(server.starts).isEqualTo(1);
        Deferred<Void> stopped = p.stopListening();
        Loop.result(reactor, stopped);
        assertThat(server.stops).isEqualTo(1);
        RecordingClientFactory<Recorder> client = new RecordingClientFactory<>(Recorder::new);
        reactor.connectTCP("127.0.0.1", number, client);
        Failure failure = Loop.reason(reactor, client.failed);
        assertThat(failure.check(ConnectionRefusedError.class)).isNotNull();
        assertThat(failure.getErrorMessage()).startsWith("Connection was refused by other side");
        assertThat(client.events).containsExactly("startedConnecting", "clientConnectionFailed");
        assertThat(client.starts).isEqualTo(1);
        assertThat(client.stops).isEqualTo(1);
    }

    @Test
    void restartListeningOnTheSamePortAfterStopping() {
        KeepingFactory<Recorder> server = new KeepingFactory<>(Recorder::new);
        IListeningPort p = reactor.listenTCP(0, server, 50, "127.0.0.1");
        int number = port(p);
        Loop.result(reactor, p.stopListening());
        IListeningPort again = reactor.listenTCP(number, server, 50, "127.0.0.1");
        ports.add(again);
        assertThat(port(again)).isEqualTo(number);
        assertThat(server.starts).isEqualTo(2);
    }

    @Test
    void listeningOnABusyPortRaisesCannotListenError() {
        IListeningPort p = listen(new KeepingFactory<>(Recorder::new));
        KeepingFactory<Recorder> second = new KeepingFactory<>(Recorder::new);
        assertThatThrownBy(() -> reactor.listenTCP(port(p), second, 50, "127.0.0.1"))
                .isInstanceOf(CannotListenError.class)
                .hasMessageContaining("Couldn't listen on 127.0.0.1:" + port(p));
        assertThat(second.starts).isZero();
    }

    @Test
    void factorySharedByTwoPortsStartsOnceAndStopsAfterTheLast() {
        KeepingFactory<Recorder> shared = new KeepingFactory<>(Recorder::new);
        IListeningPort a = reactor.listenTCP(0, shared, 50, "127.0.0.1");
        IListeningPort b = reactor.listenTCP(0, shared, 50, "127.0.0.1");
        assertThat(shared.starts).isEqualTo(1);
        Loop.result(reactor, a.stopListening());
        assertThat(shared.stops).isZero();
        Loop.result(reactor, b.stopListening());
        assertThat(shared.stops).isEqualTo(1);
    }

    @Test
    void clientBindAddressIsTheClientsLocalAddress() {
        KeepingFactory<Recorder> server = new KeepingFactory<>(Recorder::new);
        IListeningPort p = listen(server);
        RecordingClientFactory<Recorder> client = new RecordingClientFactory<>(Recorder::new);
        reactor.connectTCP("127.0.0.1", port(p), client, 30, new InetSocketAddress("127.0.0.1", 0));
        Loop.until(reactor, () -> !server.built.isEmpty() && !client.built.isEmpty());
        IPv4Address local = (IPv4Address) client.built.get(0).transport().getHost();
        assertThat(local.host()).isEqualTo("127.0.0.1");
        assertThat(server.built.get(0).transport().getPeer()).isEqualTo(local);
        client.built.get(0).transport().loseConnection();
        Loop.reason(reactor, server.built.get(0).lost);
    }

    @Test
    void socketOptionsCanBeSetAndRead() {
        KeepingFactory<Recorder> server = new KeepingFactory<>(Recorder::new);
        IListeningPort p = listen(server);
        RecordingClientFactory<Recorder> client = new RecordingClientFactory<>(Recorder::new);
        reactor.connectTCP("127.0.0.1", port(p), client);
        Loop.until(reactor, () -> !client.built.isEmpty());
        ITCPTransport t = (ITCPTransport) client.built.get(0).transport();
        t.setTcpNoDelay(true);
        assertThat(t.getTcpNoDelay()).isTrue();
        t.setTcpNoDelay(false);
        assertThat(t.getTcpNoDelay()).isFalse();
        t.setTcpKeepAlive(true);
        assertThat(t.getTcpKeepAlive()).isTrue();
        t.setTcpKeepAlive(false);
        assertThat(t.getTcpKeepAlive()).isFalse();
        t.loseConnection();
        Loop.reason(reactor, client.lostConnection);
    }

    @Test
    void loseConnectionDeliversEveryBufferedByteFirst() {
        byte[] big = new byte[8 * 1024 * 1024];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31 + 7);
        }
        listen(new KeepingFactory<>(() -> new Protocol() {
            @Override
            public void connectionMade() {
                for (int off = 0; off < big.length; off += 1 << 20) {
                    transport.write(Arrays.copyOfRange(big, off, off + (1 << 20)));
                }
                transport.loseConnection();
            }
        }));
        RecordingClientFactory<Recorder> client = new RecordingClientFactory<>(Recorder::new);
        reactor.connectTCP("127.0.0.1", port(ports.get(0)), client);
        Failure reason = Loop.reason(reactor, client.lostConnection);
        assertThat(reason.check(ConnectionDone.class)).isNotNull();
        assertThat(client.built.get(0).received.toByteArray()).isEqualTo(big);
    }

    @Test
    void readsHandTheProtocolExactlyTheBytesRead() {
        KeepingFactory<Recorder> server = new KeepingFactory<>(Recorder::new);
        listen(server);
        RecordingClientFactory<Recorder> client = new RecordingClientFactory<>(() -> new Recorder("abc", true));
        reactor.connectTCP("127.0.0.1", port(ports.get(0)), client);
        Loop.until(reactor, () -> !server.built.isEmpty());
        Loop.reason(reactor, server.built.get(0).lost);
        assertThat(server.built.get(0).chunkSizes.stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .isEqualTo(3);
        assertThat(server.built.get(0).text()).isEqualTo("abc");
    }

    @Test
    void abortConnectionClosesAtOnceWithConnectionAborted() {
        KeepingFactory<Recorder> server = new KeepingFactory<>(Recorder::new);
        listen(server);
        RecordingClientFactory<Recorder> client = new RecordingClientFactory<>(Recorder::new);
        reactor.connectTCP("127.0.0.1", port(ports.get(0)), client);
        Loop.until(reactor, () -> !server.built.isEmpty() && !client.built.isEmpty());
        Recorder c = client.built.get(0);
        c.transport().write(new byte[1 << 20]);
        c.transport().abortConnection();
        c.transport().write("ignored".getBytes(StandardCharsets.UTF_8));
        Failure local = Loop.reason(reactor, c.lost);
        assertThat(local.check(ConnectionAborted.class)).isNotNull();
        Loop.reason(reactor, server.built.get(0).lost);
    }

    @Test
    void anExceptionInDataReceivedClosesOnlyThatConnection() {
        KeepingFactory<Recorder> server = new KeepingFactory<>(() -> new Recorder.Echo() {
            @Override
            public void dataReceived(byte[] data) {
                if (new String(data, StandardCharsets.UTF_8).contains("boom")) {
                    throw new IllegalStateException("boom from the protocol");
                }
                super.dataReceived(data);
            }
        });
        listen(server);
        RecordingClientFactory<Recorder> bad = new RecordingClientFactory<>(() -> new Recorder("boom", false));
        RecordingClientFactory<Recorder> good = new RecordingClientFactory<>(Recorder::new);
        reactor.connectTCP("127.0.0.1", port(ports.get(0)), bad);
        reactor.connectTCP("127.0.0.1", port(ports.get(0)), good);
        Loop.reason(reactor, bad.lostConnection);
        Loop.until(reactor, () -> server.built.size() == 2 && !good.built.isEmpty());
        Recorder failedServerSide =
                server.built.stream().filter(r -> r.reason != null).findFirst().orElseThrow();
        assertThat(failedServerSide.reason.value())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("boom from the protocol");
        assertThat(CoreTestGuard.flushLoggedErrors(IllegalStateException.class))
                .as("the protocol's exception is logged")
                .hasSize(1);
        good.built.get(0).transport().write("still here".getBytes(StandardCharsets.UTF_8));
        Loop.until(reactor, () -> good.built.get(0).text().equals("still here"));
        good.built.get(0).transport().loseConnection();
        Loop.reason(reactor, good.lostConnection);
    }

    @Test
    void halfCloseLetsTheServerAnswerAfterTheClientStopsWriting() {
        KeepingFactory<Recorder.HalfClose> server = new KeepingFactory<>(() -> new Recorder.HalfClose() {
            @Override
            public void readConnectionLost() {
                super.readConnectionLost();
                transport.write(("got " + text()).getBytes(StandardCharsets.UTF_8));
                transport.loseConnection();
            }
        });
        listen(server);
        RecordingClientFactory<Recorder.HalfClose> client = new RecordingClientFactory<>(Recorder.HalfClose::new);
        reactor.connectTCP("127.0.0.1", port(ports.get(0)), client);
        Loop.until(reactor, () -> !client.built.isEmpty());
        Recorder.HalfClose c = client.built.get(0);
        c.transport().write("question".getBytes(StandardCharsets.UTF_8));
        ((ITCPTransport) c.transport()).loseWriteConnection();
        Loop.result(reactor, c.writeLost);
        Failure reason = Loop.reason(reactor, c.lost);
        assertThat(c.text()).isEqualTo("got question");
        assertThat(reason.check(ConnectionDone.class)).isNotNull();
        assertThat(server.built.get(0).readLost.called()).isTrue();
    }

    @Test
    void withoutHalfCloseSupportTheEndOfInputClosesTheConnection() {
        KeepingFactory<Recorder> server = new KeepingFactory<>(Recorder::new);
        listen(server);
        RecordingClientFactory<Recorder.HalfClose> client = new RecordingClientFactory<>(Recorder.HalfClose::new);
        reactor.connectTCP("127.0.0.1", port(ports.get(0)), client);
        Loop.until(reactor, () -> !client.built.isEmpty());
        ((ITCPTransport) client.built.get(0).transport()).loseWriteConnection();
        Loop.until(reactor, () -> !server.built.isEmpty());
        Failure reason = Loop.reason(reactor, server.built.get(0).lost);
        assertThat(reason.check(ConnectionDone.class)).isNotNull();
        Loop.reason(reactor, client.built.get(0).lost);
    }

    @Test
    void aPushProducerIsPausedAboveTheHighWaterMarkAndResumedWhenTheReaderCatchesUp() {
        List<String> producerEvents = new ArrayList<>();
        int total = 48 * 1024 * 1024; // more than the kernel's socket buffers can hold
        class Streamer extends Recorder implements IPushProducer {
            int sent;
            boolean paused;

            @Override
            public void connectionMade() {
                ((ITCPTransport) transport).registerProducer(this, true);
                produce();
            }

            void produce() {
                while (!paused && sent < total) {
                    transport.write(new byte[16 * 1024]);
                    sent += 16 * 1024;
                }
                if (sent >= total) {
                    ((ITCPTransport) transport).unregisterProducer();
                    transport.loseConnection();
                }
            }

            @Override
            public void pauseProducing() {
                producerEvents.add("pause");
                paused = true;
            }

            @Override
            public void resumeProducing() {
                producerEvents.add("resume");
                paused = false;
                produce();
            }

            @Override
            public void stopProducing() {
                producerEvents.add("stop");
            }
        }
        KeepingFactory<Streamer> server = new KeepingFactory<>(Streamer::new);
        listen(server);
        RecordingClientFactory<Recorder> client = new RecordingClientFactory<>(Recorder::new);
        reactor.connectTCP("127.0.0.1", port(ports.get(0)), client);
        Loop.until(reactor, () -> !client.built.isEmpty());
        ITCPTransport reader = (ITCPTransport) client.built.get(0).transport();
        reader.pauseProducing(); // a slow reader: nothing is read for now
        Loop.until(reactor, () -> !server.built.isEmpty());
        Streamer streamer = server.built.get(0);
        Connection serverSide = (Connection) streamer.transport();
        // Steady state: the socket is full (the transport waits for OP_WRITE) and the producer is paused.
        Loop.until(reactor, () -> streamer.paused && serverSide.writeBlocked());
        long buffered = serverSide.pendingBytes();
        int sent = streamer.sent;
        for (int i = 0; i < 5; i++) {
            reactor.iterate(0.01);
        }
        assertThat(serverSide.pendingBytes())
                .as("memory stays bounded while the reader is slow")
                .isEqualTo(buffered)
                .isLessThanOrEqualTo(Connection.HIGH_WATER + 16 * 1024);
        assertThat(streamer.sent).isEqualTo(sent).isLessThan(total);
        assertThat(producerEvents).contains("pause");
        reader.resumeProducing();
        Loop.reason(reactor, client.lostConnection);
        assertThat(producerEvents).contains("pause", "resume").doesNotContain("stop");
        assertThat(client.built.get(0).received.size()).isEqualTo(total);
    }

    @Test
    void pauseProducingInConnectionMadeStopsReadingUntilResumed() {
        KeepingFactory<Recorder> server = new KeepingFactory<>(() -> new Recorder() {
            @Override
            public void connectionMade() {
                ((ITCPTransport) transport).pauseProducing();
                super.connectionMade();
            }
        });
        listen(server);
        RecordingClientFactory<Recorder> client = new RecordingClientFactory<>(() -> new Recorder("data", false));
        reactor.connectTCP("127.0.0.1", port(ports.get(0)), client);
        Loop.until(reactor, () -> !server.built.isEmpty());
        for (int i = 0; i < 5; i++) {
            reactor.iterate(0.01);
        }
        assertThat(server.built.get(0).text()).isEmpty();
        ((ITCPTransport) server.built.get(0).transport()).resumeProducing();
        Loop.until(reactor, () -> server.built.get(0).text().equals("data"));
        client.built.get(0).transport().loseConnection();
        Loop.reason(reactor, server.built.get(0).lost);
    }

    @Test
    void protocolHearsConnectionLostBeforeTheFactoryHearsClientConnectionLost() {
        List<String> order = new ArrayList<>();
        listen(new KeepingFactory<>(() -> new Recorder("x", true)));
        RecordingClientFactory<Recorder> client =
                new RecordingClientFactory<>(() -> new Recorder() {
                    @Override
                    public void connectionLost(Failure reason) {
                        order.add("connectionLost");
                        super.connectionLost(reason);
                    }
                }) {
                    @Override
                    public void clientConnectionLost(IConnector connector, Failure reason) {
                        order.add("clientConnectionLost");
                        super.clientConnectionLost(connector, reason);
                    }
                };
        reactor.connectTCP("127.0.0.1", port(ports.get(0)), client);
        Loop.reason(reactor, client.lostConnection);
        assertThat(order).containsExactly("connectionLost", "clientConnectionLost");
    }

    @Test
    void listensAndConnectsOverIPv6WhenTheSystemHasIt() {
        KeepingFactory<Recorder.Echo> server = new KeepingFactory<>(Recorder.Echo::new);
        IListeningPort p;
        try {
            p = reactor.listenTCP(0, server, 50, "::1");
        } catch (CannotListenError noIPv6) {
            org.junit.jupiter.api.Assumptions.abort("no IPv6 loopback here: " + noIPv6.getMessage());
            return;
        }
        ports.add(p);
        IPv6Address host = (IPv6Address) p.getHost();
        assertThat(host.host()).isEqualTo("::1");
        RecordingClientFactory<Recorder> client = new RecordingClientFactory<>(() -> new Recorder("six", false));
        reactor.connectTCP("::1", host.port(), client);
        Loop.until(
                reactor,
                () -> !client.built.isEmpty() && client.built.get(0).text().equals("six"));
        assertThat(client.built.get(0).transport().getPeer()).isEqualTo(host);
        client.built.get(0).transport().loseConnection();
        Loop.reason(reactor, client.lostConnection);
    }

    @Test
    void aServerFactoryReturningNoProtocolClosesTheConnection() {
        listen(new Factory() {
            @Override
            public io.jtwisted.internet.interfaces.IProtocol buildProtocol(
                    io.jtwisted.internet.interfaces.IAddress address) {
                return null;
            }
        });
        RecordingClientFactory<Recorder> client = new RecordingClientFactory<>(Recorder::new);
        reactor.connectTCP("127.0.0.1", port(ports.get(0)), client);
        Failure reason = Loop.reason(reactor, client.lostConnection);
        assertThat(client.built).hasSize(1);
        assertThat(reason).isNotNull();
    }

    @Test
    void abortingTwiceOrAbortingThenLosingTheConnectionReportsOneLoss() {
        KeepingFactory<Recorder> server = new KeepingFactory<>(Recorder::new);
        listen(server);
        List<Failure> losses = new ArrayList<>();
        RecordingClientFactory<Recorder> client = new RecordingClientFactory<>(() -> new Recorder() {
            @Override
            public void connectionLost(Failure reason) {
                losses.add(reason);
                super.connectionLost(reason);
            }
        });
        reactor.connectTCP("127.0.0.1", port(ports.get(0)), client);
        Loop.until(reactor, () -> !client.built.isEmpty() && !server.built.isEmpty());
        client.built.get(0).transport().abortConnection();
        client.built.get(0).transport().abortConnection();
        client.built.get(0).transport().loseConnection();
        Loop.reason(reactor, server.built.get(0).lost);
        Loop.reason(reactor, client.lostConnection);
        for (int i = 0; i < 3; i++) {
            reactor.iterate(0.01);
        }
        assertThat(losses).hasSize(1);
        assertThat(losses.get(0).check(ConnectionAborted.class)).isNotNull();
    }

    @Test
    void writesAfterTheConnectionIsGoneAreIgnored() {
        KeepingFactory<Recorder> server = new KeepingFactory<>(Recorder::new);
        listen(server);
        RecordingClientFactory<Recorder> client = new RecordingClientFactory<>(Recorder::new);
        reactor.connectTCP("127.0.0.1", port(ports.get(0)), client);
        Loop.until(reactor, () -> !client.built.isEmpty());
        Recorder c = client.built.get(0);
        c.transport().loseConnection();
        Loop.reason(reactor, c.lost);
        c.transport().write("late".getBytes(StandardCharsets.UTF_8));
        c.transport().writeSequence(List.of("later".getBytes(StandardCharsets.UTF_8)));
        assertThat(((Connection) c.transport()).pendingBytes()).isZero();
    }

    @Test
    void closingTheWriteHalfTwiceNotifiesOnce() {
        KeepingFactory<Recorder.HalfClose> server = new KeepingFactory<>(Recorder.HalfClose::new);
        listen(server);
        int[] writeLostCount = new int[1];
        RecordingClientFactory<Recorder.HalfClose> client =
                new RecordingClientFactory<>(() -> new Recorder.HalfClose() {
                    @Override
                    public void writeConnectionLost() {
                        writeLostCount[0]++;
                        super.writeConnectionLost();
                    }
                });
        reactor.connectTCP("127.0.0.1", port(ports.get(0)), client);
        Loop.until(reactor, () -> !client.built.isEmpty());
        ITCPTransport t = (ITCPTransport) client.built.get(0).transport();
        t.loseWriteConnection();
        t.loseWriteConnection();
        Loop.result(reactor, client.built.get(0).writeLost);
        Loop.until(
                reactor,
                () -> !server.built.isEmpty() && server.built.get(0).readLost.called());
        for (int i = 0; i < 3; i++) {
            reactor.iterate(0.01);
        }
        assertThat(writeLostCount[0]).isEqualTo(1);
        server.built.get(0).transport().loseConnection();
        Loop.reason(reactor, client.built.get(0).lost);
    }

    @Test
    void loseConnectionWaitsForARegisteredProducerToUnregister() {
        KeepingFactory<Recorder> server = new KeepingFactory<>(Recorder::new);
        listen(server);
        RecordingClientFactory<Recorder> client = new RecordingClientFactory<>(Recorder::new);
        reactor.connectTCP("127.0.0.1", port(ports.get(0)), client);
        Loop.until(reactor, () -> !server.built.isEmpty() && !client.built.isEmpty());
        ITCPTransport t = (ITCPTransport) server.built.get(0).transport();
        IPushProducer producer = new IPushProducer() {
            @Override
            public void pauseProducing() {}

            @Override
            public void resumeProducing() {}

            @Override
            public void stopProducing() {}
        };
        t.registerProducer(producer, true);
        t.write("before close".getBytes(StandardCharsets.UTF_8));
        t.loseConnection();
        Loop.until(reactor, () -> client.built.get(0).text().equals("before close"));
        for (int i = 0; i < 5; i++) {
            reactor.iterate(0.01);
        }
        assertThat(client.built.get(0).reason)
                .as("still open while the producer is registered")
                .isNull();
        assertThat(server.built.get(0).reason).isNull();
        t.unregisterProducer();
        Failure reason = Loop.reason(reactor, client.lostConnection);
        assertThat(reason.check(ConnectionDone.class)).isNotNull();
    }

    @Test
    void aResetByThePeerIsAConnectionLostNotAConnectionDone() throws Exception {
        KeepingFactory<Recorder> server = new KeepingFactory<>(Recorder::new);
        listen(server);
        try (java.net.Socket raw = new java.net.Socket("127.0.0.1", port(ports.get(0)))) {
            Loop.until(
                    reactor,
                    () -> !server.built.isEmpty() && server.built.get(0).connected());
            raw.setSoLinger(true, 0); // close sends RST
        }
        Failure reason = Loop.reason(reactor, server.built.get(0).lost);
        assertThat(reason.check(io.jtwisted.internet.error.ConnectionLost.class))
                .isNotNull();
        assertThat(reason.check(ConnectionDone.class)).isNull();
    }

    @Test
    void anInterfaceGivenByNameIsResolvedAndAnUnknownOneCannotBeListenedOn() {
        IListeningPort p = reactor.listenTCP(0, new KeepingFactory<>(Recorder::new), 50, "localhost");
        ports.add(p);
        assertThat(((IPv4Address) p.getHost()).host()).isEqualTo("127.0.0.1");
        assertThatThrownBy(() -> reactor.listenTCP(0, new KeepingFactory<>(Recorder::new), 50, "nonexistent.invalid"))
                .isInstanceOf(CannotListenError.class)
                .hasMessageStartingWith("Couldn't listen on nonexistent.invalid:0");
    }

    @Test
    void anOrdinaryCloseReportsTheSharedStacklessConnectionDone() {
        listen(new KeepingFactory<>(() -> new Recorder("bye", true)));
        RecordingClientFactory<Recorder> client = new RecordingClientFactory<>(Recorder::new);
        reactor.connectTCP("127.0.0.1", port(ports.get(0)), client);
        Failure reason = Loop.reason(reactor, client.lostConnection);
        assertThat(reason).isSameAs(io.jtwisted.internet.error.ConnectionDone.CONNECTION_DONE);
        assertThat(reason.value().getStackTrace()).isEmpty();
    }

    @Test
    void anExceptionInConnectionMadeClosesTheConnectionWithItAsTheReason() {
        KeepingFactory<Recorder> server = new KeepingFactory<>(() -> new Recorder() {
            @Override
            public void connectionMade() {
                super.connectionMade();
                throw new IllegalStateException("connectionMade broke");
            }
        });
        listen(server);
        RecordingClientFactory<Recorder> client = new RecordingClientFactory<>(Recorder::new);
        try (var log = new io.jtwisted.internet.ReactorTestSupport.CapturedLog()) {
            reactor.connectTCP("127.0.0.1", port(ports.get(0)), client);
            Loop.reason(reactor, client.lostConnection);
            Loop.until(reactor, () -> !server.built.isEmpty() && server.built.get(0).reason != null);
            assertThat(server.built.get(0).reason.value()).hasMessage("connectionMade broke");
            assertThat(log.events)
                    .filteredOn(e -> e.failure() != null)
                    .extracting(e -> e.failure().getErrorMessage())
                    .contains("connectionMade broke");
        }
    }

    @Test
    void writesAfterLoseWriteConnectionAreSentBeforeTheOutputShutsDown() {
        KeepingFactory<Recorder.HalfClose> server = new KeepingFactory<>(Recorder.HalfClose::new);
        listen(server);
        RecordingClientFactory<Recorder.HalfClose> client = new RecordingClientFactory<>(Recorder.HalfClose::new);
        reactor.connectTCP("127.0.0.1", port(ports.get(0)), client);
        Loop.until(reactor, () -> !client.built.isEmpty());
        ITCPTransport t = (ITCPTransport) client.built.get(0).transport();
        t.write("before ".getBytes(StandardCharsets.UTF_8));
        t.loseWriteConnection();
        t.write("after".getBytes(StandardCharsets.UTF_8)); // accepted: the shutdown has not happened yet
        Loop.until(
                reactor,
                () -> !server.built.isEmpty() && server.built.get(0).readLost.called());
        assertThat(server.built.get(0).text()).isEqualTo("before after");
        server.built.get(0).transport().loseConnection();
        Loop.reason(reactor, client.built.get(0).lost);
    }

    @Test
    void aTransportWriteFromAnotherThreadFailsAtOnceNamingCallFromThread() throws Exception {
        listen(new KeepingFactory<>(Recorder.Echo::new));
        RecordingClientFactory<Recorder> client = new RecordingClientFactory<>(Recorder::new);
        reactor.connectTCP("127.0.0.1", port(ports.get(0)), client);
        Loop.until(reactor, () -> !client.built.isEmpty());
        var transport = client.built.get(0).transport();
        Throwable[] seen = new Throwable[1];
        reactor.callLater(0, () -> {
            Thread other = new Thread(() -> {
                try {
                    transport.write("from the wrong thread".getBytes(StandardCharsets.UTF_8));
                } catch (Throwable e) {
                    seen[0] = e;
                }
                reactor.callFromThread(reactor::crash);
            });
            other.start();
        });
        reactor.run(false); // the check applies while a thread runs the reactor
        assertThat(seen[0])
                .isInstanceOf(io.jtwisted.internet.error.WrongThreadError.class)
                .hasMessageContaining("callFromThread");
        assertThat(((Connection) transport).pendingBytes())
                .as("nothing was queued")
                .isZero();
        transport.loseConnection();
        Loop.reason(reactor, client.lostConnection);
    }

    @Test
    void stopListeningFailsWhenStopFactoryRaises() {
        Factory failing = new Factory(Recorder::new) {
            @Override
            public void stopFactory() {
                throw new IllegalStateException("stopFactory broke");
            }
        };
        IListeningPort p = reactor.listenTCP(0, failing, 50, "127.0.0.1");
        Failure failure = Loop.failure(reactor, p.stopListening());
        assertThat(failure.value()).hasMessage("stopFactory broke");
    }
}
