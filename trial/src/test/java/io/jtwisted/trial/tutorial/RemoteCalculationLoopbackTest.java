package io.jtwisted.trial.tutorial;

import static io.jtwisted.internet.Reactor.reactor;
import static io.jtwisted.trial.Trial.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.testing.Loopback;
import io.jtwisted.trial.TrialExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The calculation client and server over a real loopback connection, run by TrialExtension:
 * the test waits on Deferreds with {@code await}, and closes everything it opened in
 * {@code tearDown}, waiting until both ends saw the connection end, or the extension fails it
 * with a DirtyReactorAggregateError.
 */
@ExtendWith(TrialExtension.class)
class RemoteCalculationLoopbackTest {
    private Loopback.Connection<RemoteCalculationProtocol, RemoteCalculationClient> connection;
    private RemoteCalculationClient client;

    @BeforeEach
    void setUp() {
        connection = await(
                Loopback.connectTCP(reactor, new RemoteCalculationProtocol(), new RemoteCalculationClient(reactor)));
        client = connection.client();
    }

    @AfterEach
    void tearDown() {
        await(connection.disconnect());
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

    @Test
    @Timeout(10)
    void serverClosingEndsTheSessionToo() {
        connection.server().transport().loseConnection();
        // closed() fires only once the client's connectionLost has run too: await times out otherwise.
        assertThat(await(connection.closed())).isNull();
    }
}
