package io.jtwisted.internet.group;

import static io.jtwisted.internet.group.GroupTestSupport.await;
import static io.jtwisted.internet.group.GroupTestSupport.closeAll;
import static io.jtwisted.internet.group.GroupTestSupport.connect;
import static io.jtwisted.internet.group.GroupTestSupport.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.endpoints.Endpoints;
import io.jtwisted.internet.error.CannotListenError;
import io.jtwisted.internet.error.ConnectionLost;
import io.jtwisted.internet.error.WrongThreadError;
import io.jtwisted.internet.group.GroupTestSupport.Echo;
import io.jtwisted.internet.group.GroupTestSupport.Recording;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IReactorTCP.ListenOptions;
import io.jtwisted.internet.protocol.ClientFactory;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.python.failure.Failure;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ReactorGroup on loopback (port 0): connections spread over the reactors, per-reactor and shared factories,
 * a protocol's own reactor, the thread rule across reactors, placing client connections, and stopping.
 *
 * <p>Twisted has no reactor group (its users start one process per core), so no Twisted test is ported;
 * the stop cases follow twisted/internet/test/test_tcp.py's expectations for one reactor (ports stop
 * their factory, connections get connectionLost) on each reactor of the group.
 *
 * <p>The spread relies on the kernel's SO_REUSEPORT hash of each connection's addresses: with 64
 * connections and two sockets, all landing on one socket has a probability of 2^-63.
 */
class ReactorGroupTest {
    private static final ListenOptions LOOPBACK = ListenOptions.defaults().withInterface("127.0.0.1");
    private final List<ReactorGroup> groups = new ArrayList<>();

    private ReactorGroup started(int size) {
        ReactorGroup group = ReactorGroup.create(size);
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

    private static Thread threadOf(ReactorGroup group, int index) throws Exception {
        CompletableFuture<Thread> thread = new CompletableFuture<>();
        group.reactor(index).callFromThread(() -> thread.complete(Thread.currentThread()));
        return thread.get(GroupTestSupport.TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static Map<Thread, Integer> threadsOf(ReactorGroup group) throws Exception {
        Map<Thread, Integer> threads = new ConcurrentHashMap<>();
        for (int i = 0; i < group.size(); i++) {
            threads.put(threadOf(group, i), i);
        }
        return threads;
    }

    @Test
    void createMakesOneReactorPerAvailableProcessorByDefault() {
        ReactorGroup group = ReactorGroup.create();
        groups.add(group);
        assertThat(group.size()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(new HashSet<>(group.reactors())).hasSize(group.size()).doesNotContain(Reactor.reactor);
        assertThatThrownBy(() -> ReactorGroup.create(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stoppingAGroupThatNeverRanTwiceReturnsAtOnce() {
        ReactorGroup group = ReactorGroup.create(2);
        groups.add(group);
        group.stop();
        group.stop();
        assertThat(group.stopping()).isTrue();
        assertThatThrownBy(group::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void eachReactorRunsOnAThreadOfItsOwn() throws Exception {
        ReactorGroup group = started(3);
        Map<Thread, Integer> threads = threadsOf(group);
        assertThat(threads).hasSize(3);
        for (Map.Entry<Thread, Integer> entry : threads.entrySet()) {
            assertThat(entry.getKey().getName()).isEqualTo("jtwisted-reactor-" + entry.getValue());
            assertThat(group.reactor(entry.getValue()).running()).isTrue();
        }
        assertThat(group.current()).as("the test thread is none of the group's").isNull();
        CompletableFuture<Reactor> seen = new CompletableFuture<>();
        group.reactor(2).callFromThread(() -> seen.complete(group.current()));
        assertThat(seen.get(5, TimeUnit.SECONDS)).isSameAs(group.reactor(2));
    }

    @Test
    void connectionsSpreadOverTheReactors() throws Exception {
        ReactorGroup group = started(2);
        CountDownLatch connected = new CountDownLatch(64);
        Queue<Recording> factories = new ConcurrentLinkedQueue<>();
        IListeningPort port = group.listenTCP(
                0,
                GroupFactory.perReactor(() -> {
                    Recording made = new Recording(connected);
                    factories.add(made);
                    return made;
                }),
                LOOPBACK);
        List<Socket> clients = connect(port(port), 64);
        try {
            await(connected, "64 connections");
            assertThat(factories).hasSize(2);
            for (Recording factory : factories) {
                assertThat(factory.built)
                        .as("each reactor accepted some of the 64")
                        .isNotEmpty();
            }
        } finally {
            closeAll(clients);
        }
    }

    @Test
    void perReactorFactoriesSeeOnlyTheirOwnConnections() throws Exception {
        ReactorGroup group = started(2);
        CountDownLatch connected = new CountDownLatch(64);
        Queue<Recording> factories = new ConcurrentLinkedQueue<>();
        IListeningPort port = group.listenTCP(
                0,
                GroupFactory.perReactor(() -> {
                    Recording made = new Recording(connected);
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
            }
            assertThat(owners)
                    .as("the two factories belong to the two reactors")
                    .hasSize(2);
            assertThat(factories.stream().mapToInt(f -> f.built.size()).sum()).isEqualTo(64);
        } finally {
            closeAll(clients);
        }
        port.stopListening();
        for (Recording factory : factories) {
            assertThat(factory.stops.get())
                    .as("each factory stopped once, by its own port")
                    .isEqualTo(1);
        }
    }

    @Test
    void aSharedFactorySeesEveryConnectionAndStartsAndStopsOnce() throws Exception {
        ReactorGroup group = started(2);
        CountDownLatch connected = new CountDownLatch(64);
        Recording shared = new Recording(connected);
        IListeningPort port = group.listenTCP(0, GroupFactory.shared(shared), LOOPBACK);
        assertThat(shared.starts.get())
                .as("startFactory once, before any reactor listens")
                .isEqualTo(1);
        assertThat(shared.startStopThreads).containsExactly(Thread.currentThread());
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
        Deferred<Void> stopped = port.stopListening();
        assertThat(stopped.hasResult())
                .as("from outside the group, stopListening waits")
                .isTrue();
        assertThat(shared.stops.get())
                .as("stopFactory once, after the last port")
                .isEqualTo(1);
        assertThat(threadsOf(group))
                .containsKey(
                        shared.startStopThreads.stream().skip(1).findFirst().orElseThrow());
    }

    @Test
    void aPlainFactoryMustBeDeclaredPerReactorOrShared() {
        ReactorGroup group = started(2);
        assertThatThrownBy(() -> group.listenTCP(0, Factory.forProtocol(Echo::new), LOOPBACK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GroupFactory.perReactor")
                .hasMessageContaining("GroupFactory.shared");
    }

    @Test
    void serverFromStringOnAGroupListensOnEveryReactor() throws Exception {
        ReactorGroup group = started(2);
        CountDownLatch connected = new CountDownLatch(64);
        Queue<Recording> factories = new ConcurrentLinkedQueue<>();
        Deferred<IListeningPort> listening = Endpoints.serverFromString(group, "tcp:0:interface=127.0.0.1")
                .listen(GroupFactory.perReactor(() -> {
                    Recording made = new Recording(connected);
                    factories.add(made);
                    return made;
                }));
        IListeningPort port = (IListeningPort) listening.currentResult();
        List<Socket> clients = connect(port(port), 64);
        try {
            await(connected, "64 connections");
            assertThat(factories)
                    .hasSize(2)
                    .allSatisfy(factory -> assertThat(factory.built).isNotEmpty());
        } finally {
            closeAll(clients);
        }
    }

    @Test
    void listeningBeforeTheGroupRunsIsAcceptedOnceItRuns() throws Exception {
        ReactorGroup group = ReactorGroup.create(2);
        groups.add(group);
        CountDownLatch connected = new CountDownLatch(1);
        Recording shared = new Recording(connected);
        IListeningPort port = group.listenTCP(0, GroupFactory.shared(shared), LOOPBACK);
        group.start();
        List<Socket> clients = connect(port(port), 1);
        try {
            await(connected, "a connection");
        } finally {
            closeAll(clients);
        }
    }

    @Test
    void aListenThatCannotBindStartsNothing() throws Exception {
        ReactorGroup group = started(2);
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            Recording shared = new Recording(new CountDownLatch(1));
            assertThatThrownBy(() -> group.listenTCP(taken.getLocalPort(), GroupFactory.shared(shared), LOOPBACK))
                    .isInstanceOf(CannotListenError.class);
            assertThat(shared.starts.get()).isEqualTo(1);
            assertThat(shared.stops.get()).as("started and stopped again").isEqualTo(1);
            assertThat(group.loads()).containsOnly(0);
        }
    }

    @Test
    void aProtocolReachesItsOwnReactor() throws Exception {
        ReactorGroup group = started(2);
        CountDownLatch done = new CountDownLatch(64);
        Queue<String> wrong = new ConcurrentLinkedQueue<>();
        IListeningPort port = group.listenTCP(
                0,
                GroupFactory.perReactor(() -> Factory.forProtocol(() -> new Echo() {
                    @Override
                    public void connectionMade() {
                        Reactor own = Reactor.of(transport);
                        if (own == Reactor.reactor || own != group.current()) {
                            wrong.add("connectionMade: " + own);
                        }
                        own.callLater(0, () -> {
                            if (group.current() != own) {
                                wrong.add("callLater ran on "
                                        + Thread.currentThread().getName());
                            }
                            done.countDown();
                        });
                    }
                })),
                LOOPBACK);
        List<Socket> clients = connect(port(port), 64);
        try {
            await(done, "every connection's timer");
            assertThat(wrong).isEmpty();
        } finally {
            closeAll(clients);
        }
    }

    @Test
    void usingAConnectionFromAnotherReactorsThreadFailsWithWrongThreadError() throws Exception {
        ReactorGroup group = started(2);
        AtomicReference<Echo> accepted = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(1);
        IListeningPort port = group.listenTCP(
                0,
                GroupFactory.shared(Factory.forProtocol(() -> new Echo() {
                    @Override
                    public void connectionMade() {
                        accepted.set(this);
                        ready.countDown();
                    }
                })),
                LOOPBACK);
        List<Socket> clients = connect(port(port), 1);
        try {
            await(ready, "the connection");
            Echo echo = accepted.get();
            Reactor own = Reactor.of(echo.transport());
            Reactor other = group.reactor(own == group.reactor(0) ? 1 : 0);
            CompletableFuture<Throwable> written = new CompletableFuture<>();
            CompletableFuture<Throwable> viaDeferred = new CompletableFuture<>();
            other.callFromThread(() -> {
                try {
                    echo.transport().write("wrong".getBytes(StandardCharsets.US_ASCII));
                    written.complete(null);
                } catch (WrongThreadError expected) {
                    written.complete(expected);
                }
                // A Deferred fired on the other reactor's thread: its callback touches the connection.
                Deferred<String> d = new Deferred<>();
                d.addCallback(text -> {
                            echo.transport().write(text.getBytes(StandardCharsets.US_ASCII));
                            return null;
                        })
                        .addErrback(failure -> {
                            viaDeferred.complete(failure.value());
                            return null;
                        });
                d.callback("also wrong");
                viaDeferred.complete(null);
            });
            assertThat(written.get(5, TimeUnit.SECONDS))
                    .isInstanceOf(WrongThreadError.class)
                    .hasMessageContaining("callFromThread");
            assertThat(viaDeferred.get(5, TimeUnit.SECONDS)).isInstanceOf(WrongThreadError.class);
            CompletableFuture<Throwable> timer = new CompletableFuture<>();
            other.callFromThread(() -> {
                try {
                    own.callLater(60, () -> {}).cancel();
                    timer.complete(null);
                } catch (WrongThreadError expected) {
                    timer.complete(expected);
                }
            });
            assertThat(timer.get(5, TimeUnit.SECONDS))
                    .as("a delayed call of another reactor")
                    .isInstanceOf(WrongThreadError.class);
            // The explicit way: hand the work to the connection's reactor.
            other.callFromThread(() ->
                    own.callFromThread(() -> echo.transport().write("right".getBytes(StandardCharsets.US_ASCII))));
            byte[] got = clients.get(0).getInputStream().readNBytes(5);
            assertThat(new String(got, StandardCharsets.US_ASCII)).isEqualTo("right");
        } finally {
            closeAll(clients);
        }
    }

    @Test
    void connectTCPPlacesTheConnectionOnTheLeastLoadedReactor() throws Exception {
        ReactorGroup group = started(2);
        try (ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            // Reactor 0 watches a listening socket; reactor 1 watches nothing.
            listenOn(group, 0);
            assertThat(group.loads()).containsExactly(1, 0);
            Map<Thread, Integer> threads = threadsOf(group);
            Queue<Thread> built = new ConcurrentLinkedQueue<>();
            CountDownLatch made = new CountDownLatch(1);
            group.connectTCP("127.0.0.1", server.getLocalPort(), clientFactory(built, made));
            await(made, "the connection");
            assertThat(threads.get(built.peek())).isEqualTo(1);
            CountDownLatch second = new CountDownLatch(1);
            Queue<Thread> builtThere = new ConcurrentLinkedQueue<>();
            group.connectTCP(0, "127.0.0.1", server.getLocalPort(), clientFactory(builtThere, second), 30, null);
            await(second, "the second connection");
            assertThat(threads.get(builtThere.peek()))
                    .as("on the reactor given")
                    .isEqualTo(0);
        }
    }

    private static IListeningPort listenOn(ReactorGroup group, int index) throws Exception {
        CompletableFuture<IListeningPort> port = new CompletableFuture<>();
        group.reactor(index)
                .callFromThread(() -> port.complete(
                        group.reactor(index).listenTCP(0, Factory.forProtocol(Echo::new), 50, "127.0.0.1")));
        return port.get(5, TimeUnit.SECONDS);
    }

    private static ClientFactory clientFactory(Queue<Thread> built, CountDownLatch connectedLatch) {
        return new ClientFactory() {
            @Override
            public IProtocol buildProtocol(IAddress address) {
                built.add(Thread.currentThread());
                Echo echo = new Echo() {
                    @Override
                    public void connectionMade() {
                        connectedLatch.countDown();
                    }
                };
                echo.setFactory(this);
                return echo;
            }
        };
    }

    @Test
    void idleReactorsTakeNewClientConnectionsInTurn() throws Exception {
        ReactorGroup group = started(2);
        int[] picks = new int[2];
        for (int i = 0; i < 4; i++) {
            picks[group.leastLoaded()]++;
        }
        assertThat(picks).containsExactly(2, 2);
    }

    @Test
    void stopUnderLoadClosesEveryConnectionAndPortAndStopsEveryFactory() throws Exception {
        ReactorGroup group = started(2);
        CountDownLatch connected = new CountDownLatch(32);
        Queue<Recording> factories = new ConcurrentLinkedQueue<>();
        IListeningPort port = group.listenTCP(
                0,
                GroupFactory.perReactor(() -> {
                    Recording made = new Recording(connected);
                    factories.add(made);
                    return made;
                }),
                LOOPBACK);
        int number = port(port);
        List<Socket> clients = connect(number, 32);
        List<Thread> writers = new ArrayList<>();
        try {
            await(connected, "32 connections");
            // Every client keeps writing (and the server echoing) while the group stops.
            CountDownLatch pumping = new CountDownLatch(clients.size());
            for (Socket client : clients) {
                Thread writer = new Thread(() -> pump(client, pumping), "pump");
                writer.setDaemon(true);
                writer.start();
                writers.add(writer);
            }
            await(pumping, "every client's first echo");
            group.stop();
            for (Recording factory : factories) {
                assertThat(factory.stops.get()).isEqualTo(1);
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
            assertThatThrownBy(() -> group.listenTCP(0, GroupFactory.shared(new Recording(connected)), LOOPBACK))
                    .isInstanceOf(IllegalStateException.class);
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
    void aReactorThatStopsByItselfStopsTheGroup() throws Exception {
        ReactorGroup group = started(3);
        CountDownLatch connected = new CountDownLatch(1);
        Recording shared = new Recording(connected);
        group.listenTCP(0, GroupFactory.shared(shared), LOOPBACK);
        group.reactor(2).callFromThread(() -> group.reactor(2).stop());
        assertThat(group.awaitTermination(GroupTestSupport.TIMEOUT_SECONDS, TimeUnit.SECONDS))
                .isTrue();
        assertThat(group.stopping()).isTrue();
        assertThat(group.reactors())
                .allSatisfy(reactor -> assertThat(reactor.running()).isFalse());
        assertThat(shared.stops.get()).isEqualTo(1);
    }

    @Test
    void sigtermStopsAGroupRunWithSignalHandlers() throws Exception {
        sigStopsTheGroup("TERM");
    }

    @Test
    void sigintStopsAGroupRunWithSignalHandlers() throws Exception {
        sigStopsTheGroup("INT");
    }

    private void sigStopsTheGroup(String signal) throws Exception {
        ReactorGroup group = ReactorGroup.create(2);
        groups.add(group);
        Queue<Recording> factories = new ConcurrentLinkedQueue<>();
        group.listenTCP(
                0,
                GroupFactory.perReactor(() -> {
                    Recording made = new Recording(new CountDownLatch(1));
                    factories.add(made);
                    return made;
                }),
                LOOPBACK);
        Reactor first = group.reactor(0);
        var guard = first.callLater(GroupTestSupport.TIMEOUT_SECONDS, first::stop);
        first.callWhenRunning(() -> io.jtwisted.internet.Signals.raise(signal));
        group.run(true);
        assertThat(guard.active()).as("stopped by the signal, not by the guard").isTrue();
        guard.cancel();
        assertThat(group.reactors())
                .allSatisfy(reactor -> assertThat(reactor.running()).isFalse());
        assertThat(factories)
                .hasSize(2)
                .allSatisfy(factory -> assertThat(factory.stops.get()).isEqualTo(1));
    }

    @Test
    void aGroupAroundAReactorStopsWithIt() throws Exception {
        Reactor first = Reactor.create();
        ReactorGroup group = ReactorGroup.around(first, 2);
        groups.add(group);
        group.start();
        assertThat(group.reactor(0)).isSameAs(first);
        assertThat(group.reactor(1).running()).isTrue();
        assertThat(first.running()).as("left for the caller to run").isFalse();
        Recording shared = new Recording(new CountDownLatch(1));
        group.listenTCP(0, GroupFactory.shared(shared), LOOPBACK);
        first.callWhenRunning(first::stop);
        first.run(false);
        assertThat(group.reactor(1).running())
                .as("the others stopped before first.run() returned")
                .isFalse();
        assertThat(shared.stops.get()).isEqualTo(1);
        assertThatThrownBy(group::run).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aStoppedPortStopsListeningOnEveryReactor() throws Exception {
        ReactorGroup group = started(2);
        Recording shared = new Recording(new CountDownLatch(1));
        IListeningPort port = group.listenTCP(0, GroupFactory.shared(shared), LOOPBACK);
        assertThat(group.loads()).containsExactly(1, 1);
        Deferred<Void> stopped = port.stopListening();
        assertThat(stopped.currentResult()).isNull();
        assertThat(group.loads()).containsExactly(0, 0);
        assertThatThrownBy(() -> connect(port(port), 1)).isInstanceOf(ConnectException.class);
    }

    @Test
    void stopListeningOnAReactorOfTheGroupFiresOnThatReactor() throws Exception {
        ReactorGroup group = started(2);
        Recording shared = new Recording(new CountDownLatch(1));
        IListeningPort port = group.listenTCP(0, GroupFactory.shared(shared), LOOPBACK);
        CompletableFuture<Boolean> firedHere = new CompletableFuture<>();
        Reactor one = group.reactor(1);
        one.callFromThread(() -> port.stopListening().addBoth(result -> {
            firedHere.complete(group.current() == one && !(result instanceof Failure));
            return null;
        }));
        assertThat(firedHere.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(shared.stops.get()).isEqualTo(1);
        CompletableFuture<Throwable> refused = new CompletableFuture<>();
        one.callFromThread(() -> {
            try {
                group.listenTCP(0, GroupFactory.shared(shared), LOOPBACK);
                refused.complete(null);
            } catch (IllegalStateException expected) {
                refused.complete(expected);
            }
        });
        assertThat(refused.get(5, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aGroupFactoryOnOneReactorActsAsOneFactory() {
        int[] made = {0};
        GroupFactory perReactor = GroupFactory.perReactor(() -> {
            made[0]++;
            return Factory.forProtocol(Echo::new);
        });
        IProtocol first = perReactor.buildProtocol(new io.jtwisted.internet.address.IPv4Address("TCP", "127.0.0.1", 1));
        IProtocol second =
                perReactor.buildProtocol(new io.jtwisted.internet.address.IPv4Address("TCP", "127.0.0.1", 2));
        assertThat(made[0]).isEqualTo(1);
        assertThat(((Echo) first).factory()).isSameAs(((Echo) second).factory());
        assertThat(perReactor.isShared()).isFalse();
        assertThat(GroupFactory.shared(Factory.forProtocol(Echo::new)).isShared())
                .isTrue();
    }
}
