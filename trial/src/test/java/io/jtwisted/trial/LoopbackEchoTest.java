package io.jtwisted.trial;

import static io.jtwisted.internet.Reactor.reactor;
import static io.jtwisted.trial.Trial.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.endpoints.Endpoints;
import io.jtwisted.internet.endpoints.TCP4ClientEndpoint;
import io.jtwisted.internet.error.ConnectionDone;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.python.failure.Failure;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An integration test over loopback written with TrialExtension, as docs/testing.md shows: a
 * real listening port on 127.0.0.1 (port 0), a real client connection, and a clean reactor at
 * the end (the extension fails the test otherwise).
 */
@ExtendWith(TrialExtension.class)
class LoopbackEchoTest {
    /** Echoes what it receives; fires {@code lost} when its connection ends. */
    static final class Echo extends Protocol {
        final Deferred<Throwable> lost = new Deferred<>();

        @Override
        public void dataReceived(byte[] data) {
            transport.write(data);
        }

        @Override
        public void connectionLost(Failure reason) {
            super.connectionLost(reason);
            lost.callback(reason.value());
        }
    }

    /** Collects bytes; fires {@code received} once {@code expected} bytes have arrived. */
    static final class Collector extends Protocol {
        final ByteArrayOutputStream data = new ByteArrayOutputStream();
        final Deferred<String> received = new Deferred<>();
        final Deferred<Throwable> lost = new Deferred<>();
        private final int expected;

        Collector(int expected) {
            this.expected = expected;
        }

        @Override
        public void dataReceived(byte[] bytes) {
            data.writeBytes(bytes);
            if (data.size() >= expected && !received.called()) {
                received.callback(data.toString(StandardCharsets.UTF_8));
            }
        }

        @Override
        public void connectionLost(Failure reason) {
            super.connectionLost(reason);
            lost.callback(reason.value());
        }
    }

    @Test
    void echoServerSendsBackWhatItReceives() {
        Deferred<Echo> serverProtocol = new Deferred<>();
        Factory factory = new Factory(() -> {
            Echo echo = new Echo();
            serverProtocol.callback(echo);
            return echo;
        });
        IListeningPort port = reactor.listenTCP(0, factory, 50, "127.0.0.1");
        int portNumber = ((IPv4Address) port.getHost()).port();

        Collector client = await(
                Endpoints.connectProtocol(new TCP4ClientEndpoint(reactor, "127.0.0.1", portNumber), new Collector(5)));
        client.transport().write("hello".getBytes(StandardCharsets.UTF_8));
        assertThat(await(client.received)).isEqualTo("hello");

        // Leave the reactor clean: close the connection, wait for both ends, stop listening.
        client.transport().loseConnection();
        assertThat(await(client.lost)).isInstanceOf(ConnectionDone.class);
        await(await(serverProtocol).lost);
        await(port.stopListening());
    }
}
