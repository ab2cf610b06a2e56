package io.jtwisted.application.internet;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.ReactorTestSupport;
import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IConnector;
import io.jtwisted.internet.protocol.ClientFactory;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.internet.task.Clock;
import io.jtwisted.internet.testing.FakeConnector;
import io.jtwisted.internet.testing.FakePort;
import io.jtwisted.internet.testing.MemoryReactor;
import io.jtwisted.logger.CapturedGlobalLog;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Ports of twisted/test/test_application.py: InternetTests (testTCP over real loopback, testPrivileged,
 * testConnectionGettingRefused as "a client service that cannot connect reports through its factory",
 * testStoppingServer, testTimerRuns, testTimerRestart, testTimerLoops, testBrokenTimer,
 * test_everythingThere for the TCP and timer services) and of twisted/application/test/test_internet.py
 * (TimerServiceTests: test_startService, test_startServiceRunsCallImmediately, test_startServiceUsesGlobalReactor
 * as "a clock can be set", test_stopServiceWaits, test_stopServiceImmediately, test_failedCallLogsError,
 * test_pickleTimerService is moot). Not ported: testUDP, testUNIX, SSL and multicast (their services come with
 * their transports), and testVolatile (pickling).
 */
class InternetServicesTest {
    /** A field, so that the after-test checks see what the test leaves in it. */
    private final Reactor reactor = Reactor.create();

    @Test
    void tcpServerListensWhileRunningAndServesRealClients() {
        Factory factory = Factory.forProtocol(() -> new Protocol() {
            @Override
            public void connectionMade() {
                transport.write("Welcome!\n".getBytes(StandardCharsets.US_ASCII));
            }
        });
        TCPServer server = new TCPServer(0, factory, 50, "127.0.0.1");
        server.setReactor(reactor);
        AtomicReference<String> greeting = new AtomicReference<>();
        AtomicReference<Throwable> problem = new AtomicReference<>();
        reactor.callWhenRunning(() -> {
            server.startService();
            int port = ((IPv4Address) server.port().getHost()).port();
            Thread client = new Thread(() -> {
                try (Socket socket = new Socket("127.0.0.1", port)) {
                    greeting.set(new BufferedReader(
                                    new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                            .readLine());
                } catch (Exception e) {
                    problem.set(e);
                }
                reactor.callFromThread(() -> server.stopService().addCallback(ignored -> {
                    reactor.stop();
                    return null;
                }));
            });
            client.start();
        });
        ReactorTestSupport.runUntilStopped(reactor);
        assertThat(problem.get()).isNull();
        assertThat(greeting.get()).isEqualTo("Welcome!");
        assertThat(server.port()).isNull();
        assertThat(server.running()).isFalse();
    }

    @Test
    void tcpServerListensInPrivilegedStartAndOnlyOnce() {
        MemoryReactor reactor = new MemoryReactor();
        Factory factory = new Factory();
        TCPServer server = new TCPServer(8123, factory);
        server.setReactor(reactor);
        server.privilegedStartService();
        assertThat(reactor.tcpServers()).hasSize(1);
        assertThat(reactor.tcpServers().get(0).port()).isEqualTo(8123);
        server.startService();
        assertThat(reactor.tcpServers()).hasSize(1);
        FakePort port = (FakePort) server.port();
        Deferred<?> stopped = server.stopService();
        assertThat(stopped.called()).isTrue();
        assertThat(port.stopped()).isTrue();
        assertThat(server.stopService()).isNull();
    }

    @Test
    void tcpClientConnectsWhenStartedAndDisconnectsWhenStopped() {
        MemoryReactor reactor = new MemoryReactor();
        List<String> events = new ArrayList<>();
        ClientFactory factory = new ClientFactory() {
            @Override
            public void startedConnecting(IConnector connector) {
                events.add("connecting");
            }
        };
        TCPClient client = new TCPClient("127.0.0.1", 7001, factory).setReactor(reactor);
        client.startService();
        assertThat(events).containsExactly("connecting");
        assertThat(reactor.tcpClients())
                .extracting(MemoryReactor.TcpClient::port)
                .containsExactly(7001);
        FakeConnector connector = (FakeConnector) client.connector();
        client.stopService();
        assertThat(connector.disconnected()).isTrue();
        assertThat(client.connector()).isNull();
    }

    @Test
    void timerCallsAtOnceThenEveryStep() {
        Clock clock = new Clock();
        List<Double> calls = new ArrayList<>();
        TimerService timer = new TimerService(1, () -> calls.add(clock.seconds())).setClock(clock);
        timer.startService();
        assertThat(timer.running()).isTrue();
        assertThat(calls).containsExactly(0.0);
        clock.advance(1);
        clock.advance(1);
        assertThat(calls).containsExactly(0.0, 1.0, 2.0);
        Deferred<?> stopped = timer.stopService();
        assertThat(stopped.called()).isTrue();
        assertThat(timer.running()).isFalse();
        clock.advance(5);
        assertThat(calls).hasSize(3);
    }

    @Test
    void timerCanBeRestarted() {
        Clock clock = new Clock();
        int[] calls = {0};
        TimerService timer = new TimerService(1, () -> calls[0]++).setClock(clock);
        timer.startService();
        timer.stopService();
        timer.startService();
        assertThat(calls[0]).isEqualTo(2);
        clock.advance(1);
        assertThat(calls[0]).isEqualTo(3);
        timer.stopService();
    }

    @Test
    void stoppingATimerWaitsForTheCallInProgress() {
        Clock clock = new Clock();
        Deferred<Void> inProgress = new Deferred<>();
        TimerService timer = new TimerService(1, () -> inProgress).setClock(clock);
        timer.startService();
        Deferred<?> stopped = timer.stopService();
        assertThat(stopped.called()).isFalse();
        assertThat(timer.running()).isTrue();
        inProgress.callback(null);
        assertThat(stopped.called()).isTrue();
        assertThat(timer.running()).isFalse();
    }

    @Test
    void aFailingCallIsLoggedAndEndsTheLoop() {
        Clock clock = new Clock();
        int[] calls = {0};
        TimerService timer = new TimerService(1, () -> {
                    calls[0]++;
                    throw new IllegalStateException("timer broke");
                })
                .setClock(clock);
        try (CapturedGlobalLog events = new CapturedGlobalLog()) {
            timer.startService();
            assertThat(events.events())
                    .anyMatch(e -> e.failure() != null
                            && "timer broke".equals(e.failure().getErrorMessage()));
        }
        clock.advance(3);
        assertThat(calls[0]).isEqualTo(1);
        assertThat(timer.stopService().called()).isTrue();
    }
}
