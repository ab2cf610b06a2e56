package io.jtwisted.trial.tutorial;

import static io.jtwisted.internet.Reactor.reactor;
import static io.jtwisted.trial.Trial.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.python.failure.Failure;
import io.jtwisted.internet.endpoints.Endpoints;
import io.jtwisted.internet.endpoints.TCP4ClientEndpoint;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.trial.TrialExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The calculation client and server over a real loopback connection, run by TrialExtension:
 * the test waits on Deferreds with {@code await}, and closes everything it opened in
 * {@code tearDown}, waiting until both ends saw the connection end, or the extension fails it
 * with a DirtyReactorAggregateError.
 */
@ExtendWith(TrialExtension.class)
class RemoteCalculationLoopbackTest {
    private final Deferred<Void> serverLost = new Deferred<>();
    private final Deferred<Void> clientLost = new Deferred<>();
    private IListeningPort port;
    private RemoteCalculationClient client;

    @BeforeEach
    void setUp() {
        Factory factory = Factory.forProtocol(() -> new RemoteCalculationProtocol() {
            @Override
            public void connectionLost(Failure reason) {
                super.connectionLost(reason);
                serverLost.callback(null);
            }
        });
        port = reactor.listenTCP(0, factory, 50, "127.0.0.1");
        int portNumber = ((IPv4Address) port.getHost()).port();
        RemoteCalculationClient protocol = new RemoteCalculationClient(reactor) {
            @Override
            public void connectionLost(Failure reason) {
                super.connectionLost(reason);
                clientLost.callback(null);
            }
        };
        client = await(Endpoints.connectProtocol(new TCP4ClientEndpoint(reactor, "127.0.0.1", portNumber), protocol));
    }

    @AfterEach
    void tearDown() {
        client.transport().loseConnection();
        await(clientLost);
        await(serverLost);
        await(port.stopListening());
    }

    @Test
    void addOverLoopback() {
        assertThat(await(client.add(5, 9))).isEqualTo(14);
    }

    @Test
    void severalCallsOverLoopback() {
        var product = client.multiply(6, 7);
        var quotient = client.divide(100, 7);
        assertThat(await(product)).isEqualTo(42);
        assertThat(await(quotient)).isEqualTo(14);
    }
}
