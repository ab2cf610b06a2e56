package io.jtwisted.internet.group;

import static io.jtwisted.internet.group.GroupTestSupport.await;
import static io.jtwisted.internet.group.GroupTestSupport.closeAll;
import static io.jtwisted.internet.group.GroupTestSupport.connect;
import static io.jtwisted.internet.group.GroupTestSupport.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.error.CannotListenError;
import io.jtwisted.internet.error.ConnectionLost;
import io.jtwisted.internet.group.GroupTestSupport.Echo;
import io.jtwisted.internet.group.GroupTestSupport.Recording;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IReactorTCP.ListenOptions;
import io.jtwisted.python.failure.Failure;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A ReactorGroup whose ports spread by {@link Spread#HAND_OFF} (one acceptor on the first reactor handing
 * each connection to the reactors in turn), on loopback with port 0: the exact spread, each connection's
 * callbacks on its own reactor, per-reactor and shared factories started and stopped where they belong, and
 * stopping (the port, the group under load, a hand-off made as the group stops).
 *
 * <p>Twisted has no reactor group, so no Twisted test is ported; the stop cases hold each reactor of the
 * group to what twisted/internet/test/test_tcp.py expects of one (ports stop their factory, connections get
 * connectionLost).
 */
class HandOffPortTest {
    private static final ListenOptions LOOPBACK = ListenOptions.defaults().withInterface("127.0.0.1");
    private final List<ReactorGroup> groups = new ArrayList<>();

    private ReactorGroup started(int size) {
        ReactorGroup group = ReactorGroup.create(size, Spread.HAND_OFF);
        groups.add(group);
        group.start();
        return group;
    }

    @AfterEach
    void stopGroups() {
        for (ReactorGroup group : groups) {
            group.stop();
        }
    }

    private static Map<Thread, Integer> threadsOf(ReactorGroup group) throws Exception {
        Map<Thread, Integer> threads = new ConcurrentHashMap<>();
        for (int i = 0; i < group.size(); i++) {
            CompletableFuture<Thread> thread = new CompletableFuture<>();
            group.reactor(i).callFromThread(() -> thread.complete(Thread.currentThread()));
            threads.put(thread.get(GroupTestSupport.TIMEOUT_SECONDS, TimeUnit.SECONDS), i);
        }
        return threads;
    }

    private static GroupFactory recording(Queue<Recording> factories, CountDownLatch connected) {
        return GroupFactory.perReactor(() -> {
            Recording made = new Recording(connected);
            factories.add(made);
            return made;
        });
    }

    @Test
    void theReactorsTakeTheAcceptedConnectionsInTurnSoTheSplitIsExact() throws Exception {
        ReactorGroup group = started(3);
        assertThat(group.spread()).isEqualTo(Spread.HAND_OFF);
        CountDownLatch connected = new CountDownLatch(63);
        Queue<Recording> factories = new ConcurrentLinkedQueue<>();
        IListeningPort port = group.listenTCP(0, recording(factories, connected), LOOPBACK);
        List<Socket> clients = connect(port(port), 63);
        try {
            await(connected, "63 connections");
            assertThat(factories)
                    .hasSize(3)
                    .allSatisfy(factory -> assertThat(factory.built).hasSize(21));
        } finally {
            closeAll(clients);
        }
    }

    @Test
    void onlyTheFirstReactorListens() throws Exception {
        ReactorGroup group = started(2);
        IListeningPort port = group.listenTCP(0, GroupFactory.shared(new Recording(new CountDownLatch(1))), LOOPBACK);
        assertThat(group.loads()).containsExactly(1, 0);
        assertThat(port.getHost())
                .isEqualTo(new io.jtwisted.internet.address.IPv4Address("TCP", "127.0.0.1", port(port)));
    }

    @Test
    void everyCallbackOfAHandedOffConnectionAndOfItsFactoryRunsOnItsOwnReactor() throws Exception {
        ReactorGroup group = started(2);
        CountDownLatch connected = new CountDownLatch(64);
        Queue<Recording> factories = new ConcurrentLinkedQueue<>();
        Queue<String> wrong = new ConcurrentLinkedQueue<>();
        IListeningPort port = group.listenTCP(
                0,
                GroupFactory.perReactor(() -> {
                    Recording made = new Recording(connected) {
                        @Override
                        public IProtocol buildProtocol(IAddress address) {
                            Echo echo = (Echo) super.buildProtocol(address);
                            return new Echo() {
                                @Override
                                public void connectionMade() {
                                    if (Reactor.of(transport) != group.current()) {
                                        wrong.add("connectionMade on "
                                                + Thread.currentThread().getName());
                                    }
                                    echo.makeConnection(transport);
                                }

                                @Override
                                public void dataReceived(byte[] data) {
                                    echo.dataReceived(data);
                                }

                                @Override
                                public void connectionLost(Failure why) {
                                    echo.connectionLost(why);
                                }
                            };
                        }
                    };
                    factories.add(made);
                    return made;
                }),
                LOOPBACK);
        Map<Thread, Integer> reactorThreads = threadsOf(group);
        List<Socket> clients = connect(port(port), 64);
        try {
            await(connected, "64 connections");
            for (Socket client : clients) {
                client.getOutputStream().write('x');
                assertThat(client.getInputStream().read()).isEqualTo('x');
            }
            Set<Thread> owners = new HashSet<>();
            for (Recording factory : factories) {
                Set<Thread> threads = new HashSet<>(factory.buildThreads);
                factory.built.forEach(echo -> threads.addAll(echo.threads));
                threads.addAll(factory.startStopThreads);
                assertThat(threads)
                        .as("everything of one factory runs on one reactor thread")
                        .hasSize(1);
                assertThat(reactorThreads).containsKey(threads.iterator().next());
                owners.addAll(threads);
                assertThat(factory.starts.get()).isEqualTo(1);
                assertThat(factory.built).hasSize(32);
            }
            assertThat(owners)
                    .as("the two factories belong to the two reactors")
                    .hasSize(2);
            assertThat(wrong).isEmpty();
        } finally {
            closeAll(clients);
        }
        Deferred<Void> stopped = port.stopListening();
        assertThat(stopped.hasResult())
                .as("from outside the group, stopListening waits")
                .isTrue();
        for (Recording factory : factories) {
            assertThat(factory.stops.get()).as("each factory stopped once").isEqualTo(1);
            assertThat(new HashSet<>(factory.startStopThreads))
                    .as("stopped on its own reactor")
                    .hasSize(1);
        }
    }

    @Test
    void aSharedFactorySeesEveryConnectionAndStartsAndStopsOnce() throws Exception {
        ReactorGroup group = started(2);
        CountDownLatch connected = new CountDownLatch(64);
        Recording shared = new Recording(connected);
        IListeningPort port = group.listenTCP(0, GroupFactory.shared(shared), LOOPBACK);
        assertThat(shared.starts.get())
                .as("startFactory once, before the acceptor listens")
                .isEqualTo(1);
        List<Socket> clients = connect(port(port), 64);
        try {
            await(connected, "64 connections");
            assertThat(shared.built).hasSize(64);
            assertThat(new HashSet<>(shared.buildThreads))
                    .as("built on both reactors")
                    .isEqualTo(threadsOf(group).keySet());
        } finally {
            closeAll(clients);
        }
        port.stopListening();
        assertThat(shared.stops.get())
                .as("stopFactory once, after every reactor's view stopped")
                .isEqualTo(1);
    }

    @Test
    void aStoppedPortRefusesConnectionsAndCanListenAgain() throws Exception {
        ReactorGroup group = started(2);
        Queue<Recording> factories = new ConcurrentLinkedQueue<>();
        CountDownLatch connected = new CountDownLatch(2);
        IListeningPort port = group.listenTCP(0, recording(factories, connected), LOOPBACK);
        int number = port(port);
        assertThat(port.stopListening().currentResult()).isNull();
        assertThat(group.loads()).containsExactly(0, 0);
        assertThatThrownBy(() -> connect(number, 1)).isInstanceOf(ConnectException.class);
        port.startListening();
        assertThat(factories)
                .allSatisfy(factory -> assertThat(factory.starts.get()).isEqualTo(2));
        List<Socket> clients = connect(port(port), 2);
        try {
            await(connected, "2 connections after listening again");
        } finally {
            closeAll(clients);
        }
    }

    @Test
    void stopListeningOnAReactorOfTheGroupFiresOnThatReactorOnceEveryFactoryStopped() throws Exception {
        ReactorGroup group = started(2);
        Queue<Recording> factories = new ConcurrentLinkedQueue<>();
        IListeningPort port = group.listenTCP(0, recording(factories, new CountDownLatch(1)), LOOPBACK);
        CompletableFuture<Boolean> firedHere = new CompletableFuture<>();
        Reactor one = group.reactor(1);
        one.callFromThread(() -> port.stopListening().addBoth(result -> {
            boolean allStopped = factories.stream().allMatch(factory -> factory.stops.get() == 1);
            firedHere.complete(group.current() == one && !(result instanceof Failure) && allStopped);
            return null;
        }));
        assertThat(firedHere.get(GroupTestSupport.TIMEOUT_SECONDS, TimeUnit.SECONDS))
                .isTrue();
    }

    @Test
    void aListenThatCannotBindStartsNothing() throws Exception {
        ReactorGroup group = started(2);
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            Recording shared = new Recording(new CountDownLatch(1));
            Queue<Recording> perReactor = new ConcurrentLinkedQueue<>();
            assertThatThrownBy(() -> group.listenTCP(taken.getLocalPort(), GroupFactory.shared(shared), LOOPBACK))
                    .isInstanceOf(CannotListenError.class);
            assertThat(shared.stops.get())
                    .as("started and stopped again")
                    .isEqualTo(shared.starts.get())
                    .isEqualTo(1);
            assertThatThrownBy(() -> group.listenTCP(
                            taken.getLocalPort(), recording(perReactor, new CountDownLatch(1)), LOOPBACK))
                    .isInstanceOf(CannotListenError.class);
            assertThat(perReactor)
                    .allSatisfy(factory -> assertThat(factory.starts.get()).isZero());
            assertThat(group.loads()).containsOnly(0);
        }
    }

    @Test
    void listeningBeforeTheGroupRunsIsAcceptedOnceItRuns() throws Exception {
        ReactorGroup group = ReactorGroup.create(2, Spread.HAND_OFF);
        groups.add(group);
        CountDownLatch connected = new CountDownLatch(2);
        Queue<Recording> factories = new ConcurrentLinkedQueue<>();
        IListeningPort port = group.listenTCP(0, recording(factories, connected), LOOPBACK);
        group.start();
        List<Socket> clients = connect(port(port), 2);
        try {
            await(connected, "2 connections");
            assertThat(factories)
                    .allSatisfy(factory -> assertThat(factory.built).hasSize(1));
        } finally {
            closeAll(clients);
        }
    }

    @Test
    void stopUnderLoadClosesEveryConnectionAndThePortAndStopsEveryFactory() throws Exception {
        ReactorGroup group = started(2);
        CountDownLatch connected = new CountDownLatch(32);
        Queue<Recording> factories = new ConcurrentLinkedQueue<>();
        IListeningPort port = group.listenTCP(0, recording(factories, connected), LOOPBACK);
        int number = port(port);
        List<Socket> clients = connect(number, 32);
        List<Thread> writers = new ArrayList<>();
        try {
            await(connected, "32 connections");
            CountDownLatch pumping = new CountDownLatch(clients.size());
            for (Socket client : clients) {
                Thread writer = new Thread(() -> pump(client, pumping), "pump");
                writer.setDaemon(true);
                writer.start();
                writers.add(writer);
            }
            await(pumping, "every client's first echo");
            group.stop();
            assertThat(factories).hasSize(2);
            for (Recording factory : factories) {
                assertThat(factory.stops.get()).isEqualTo(1);
                assertThat(factory.built).hasSize(16);
                for (Echo echo : factory.built) {
                    assertThat(echo.lost.getCount()).as("connectionLost told").isZero();
                    assertThat(echo.reason.check(ConnectionLost.class)).isNotNull();
                }
            }
            assertThat(group.reactors())
                    .allSatisfy(reactor -> assertThat(reactor.running()).isFalse());
            for (Thread writer : writers) {
                writer.join(TimeUnit.SECONDS.toMillis(GroupTestSupport.TIMEOUT_SECONDS));
                assertThat(writer.isAlive())
                        .as("each client saw its connection end")
                        .isFalse();
            }
            assertThatThrownBy(() -> connect(number, 1)).isInstanceOf(ConnectException.class);
        } finally {
            closeAll(clients);
        }
    }

    /** Writes and reads until the connection ends. */
    private static void pump(Socket client, CountDownLatch pumping) {
        byte[] chunk = new byte[64];
        try {
            OutputStream out = client.getOutputStream();
            InputStream in = client.getInputStream();
            while (true) {
                out.write(chunk);
                if (in.readNBytes(chunk, 0, chunk.length) < chunk.length) {
                    return;
                }
                pumping.countDown();
            }
        } catch (IOException ended) {
            // reset or closed: the end we wait for
        }
    }

    @Test
    void aConnectionHandedOffOnceTheGroupIsStoppingIsClosedNotLeaked() throws Exception {
        ReactorGroup group = ReactorGroup.create(2, Spread.HAND_OFF);
        groups.add(group);
        Queue<Recording> factories = new ConcurrentLinkedQueue<>();
        HandOffPort port = (HandOffPort) group.listenTCP(0, recording(factories, new CountDownLatch(1)), LOOPBACK);
        group.stop(); // never ran: only marked stopping, so the hand-off below happens as the group stops
        try (ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
                SocketChannel client0 = SocketChannel.open(server.getLocalAddress());
                SocketChannel client1 = SocketChannel.open(server.getLocalAddress());
                SocketChannel toZero = server.accept();
                SocketChannel toOne = server.accept()) {
            port.acceptor().handOff(toZero); // reactor 0's turn: it runs on the acceptor's own reactor
            port.acceptor().handOff(toOne); // reactor 1's turn, but the group is stopping
            assertThat(toOne.isOpen())
                    .as("closed, since reactor 1 may never take it")
                    .isFalse();
            assertThat(toZero.isOpen()).as("adopted by reactor 0").isTrue();
            assertThat(factories.stream()
                            .mapToInt(factory -> factory.built.size())
                            .sum())
                    .isEqualTo(1);
            assertThat(client0.isConnected() && client1.isConnected()).isTrue();
        }
    }
}
