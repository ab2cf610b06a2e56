package io.jtwisted.internet.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.error.ConnectionDone;
import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.python.failure.Failure;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Loopback}: real loopback TCP between two given protocols, with both ends' closing awaited. */
class LoopbackTest {
    /** A field, so that the after-test checks see what the test leaves in it. */
    private final Reactor reactor = Reactor.create();

    /** Records its events; optionally writes a greeting on connection. */
    static class Recording extends Protocol {
        final List<String> events = new ArrayList<>();
        final StringBuilder received = new StringBuilder();

        @Override
        public void connectionMade() {
            events.add("made");
        }

        @Override
        public void dataReceived(byte[] data) {
            received.append(new String(data, StandardCharsets.UTF_8));
        }

        @Override
        public void connectionLost(Failure reason) {
            events.add("lost:" + reason.type().getSimpleName());
        }
    }

    /** Sends "ping" on connection and closes once "pong" has arrived. */
    static class Pinger extends Recording {
        @Override
        public void connectionMade() {
            super.connectionMade();
            transport.write("ping".getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void dataReceived(byte[] data) {
            super.dataReceived(data);
            if (received.toString().equals("pong")) {
                transport.loseConnection();
            }
        }
    }

    /** Answers "pong" once "ping" has arrived. */
    static class Ponger extends Recording {
        @Override
        public void dataReceived(byte[] data) {
            super.dataReceived(data);
            if (received.toString().equals("ping")) {
                transport.write("pong".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** Runs a fresh reactor until {@code d} fires (at most 10 s) and returns what it fired with. */
    private static Object runUntilFired(Reactor reactor, Deferred<?> d) {
        Object[] result = {null};
        boolean[] fired = {false};
        d.addBoth(r -> {
            result[0] = r;
            fired[0] = true;
            reactor.stop();
            return null;
        });
        if (!fired[0]) {
            IDelayedCall timeout = reactor.callLater(10, reactor::stop);
            reactor.run(false);
            if (timeout.active()) {
                timeout.cancel();
            }
        }
        assertThat(fired[0]).as("the Deferred fired within 10 s").isTrue();
        return result[0];
    }

    @Test
    void loopbackTCPRunsTheSessionUntilBothEndsHaveSeenTheClose() {
        Ponger server = new Ponger();
        Pinger client = new Pinger();
        Object result = runUntilFired(reactor, Loopback.loopbackTCP(reactor, server, client));
        assertThat(result).isNull();
        assertThat(server.received).hasToString("ping");
        assertThat(client.received).hasToString("pong");
        assertThat(client.events).containsExactly("made", "lost:" + ConnectionDone.class.getSimpleName());
        assertThat(server.events).containsExactly("made", "lost:" + ConnectionDone.class.getSimpleName());
    }

    @Test
    void connectTCPFiresOnceBothEndsAreConnected() {
        Recording server = new Recording();
        Recording client = new Recording();
        List<Object> seenWhenConnected = new ArrayList<>();
        Deferred<Void> checked = Loopback.connectTCP(reactor, server, client).addCallbackDeferring(connection -> {
            seenWhenConnected.addAll(List.of(
                    connection.server(),
                    connection.client(),
                    List.copyOf(server.events),
                    List.copyOf(client.events),
                    connection.closed().called()));
            return connection.disconnect();
        });
        runUntilFired(reactor, checked);
        assertThat(seenWhenConnected).containsExactly(server, client, List.of("made"), List.of("made"), false);
    }

    @Test
    void disconnectFiresAfterBothConnectionLostCallsAndThePortStopped() {
        Recording server = new Recording();
        Recording client = new Recording();
        Deferred<Void> closed =
                Loopback.connectTCP(reactor, server, client).addCallbackDeferring(Loopback.Connection::disconnect);
        assertThat(runUntilFired(reactor, closed)).isNull();
        assertThat(client.events).containsExactly("made", "lost:" + ConnectionDone.class.getSimpleName());
        assertThat(server.events).containsExactly("made", "lost:" + ConnectionDone.class.getSimpleName());
    }

    @Test
    void closedFiresWhicheverSideCloses() {
        Recording server = new Recording();
        Recording client = new Recording();
        Deferred<Void> closed = Loopback.connectTCP(reactor, server, client).addCallbackDeferring(connection -> {
            connection.server().transport().loseConnection();
            return connection.closed();
        });
        assertThat(runUntilFired(reactor, closed)).isNull();
        assertThat(client.events).containsExactly("made", "lost:" + ConnectionDone.class.getSimpleName());
    }

    @Test
    void aFailedConnectionFailsConnectTCPAfterClosingThePort() {
        MemoryReactor reactor = new MemoryReactor();
        Deferred<Loopback.Connection<Recording, Recording>> connecting =
                Loopback.connectTCP(reactor, new Recording(), new Recording());
        assertThat(reactor.tcpServers())
                .singleElement()
                .satisfies(server -> assertThat(server.iface()).isEqualTo("127.0.0.1"));
        MemoryReactor.TcpClient attempt = reactor.tcpClients().get(0);
        attempt.factory()
                .clientConnectionFailed(
                        reactor.connectors().get(0),
                        new Failure(new io.jtwisted.internet.error.ConnectionRefusedError()));
        Object[] outcome = {null};
        connecting.addBoth(r -> {
            outcome[0] = r;
            return null; // taken: the failure is this test's to check, not an unhandled error
        });
        assertThat(outcome[0])
                .isInstanceOfSatisfying(
                        Failure.class,
                        f -> assertThat(f.value())
                                .isInstanceOf(io.jtwisted.internet.error.ConnectionRefusedError.class));
    }
}
