package io.jtwisted.trial.tutorial;

import static io.jtwisted.internet.Reactor.reactor;
import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.python.failure.Failure;
import io.jtwisted.internet.endpoints.Endpoints;
import io.jtwisted.internet.endpoints.TCP4ClientEndpoint;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.trial.unittest.TestCase;
import java.util.List;

/**
 * The loopback test of {@link RemoteCalculationLoopbackTest} in trial's own shape, as Twisted's
 * tutorial writes it: a {@link TestCase} whose setUp, tests and tearDown return Deferreds, run
 * by the jtwisted-trial engine, which waits for each before going on.
 */
public class RemoteCalculationTrialTest extends TestCase {
    private final Deferred<Void> serverLost = new Deferred<>();
    private final Deferred<Void> clientLost = new Deferred<>();
    private IListeningPort port;
    private RemoteCalculationClient client;

    @Override
    public Deferred<RemoteCalculationClient> setUp() {
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
        return Endpoints.connectProtocol(new TCP4ClientEndpoint(reactor, "127.0.0.1", portNumber), protocol)
                .addCallback(connected -> client = connected);
    }

    @Override
    public Deferred<List<Void>> tearDown() {
        client.transport().loseConnection();
        return Deferred.gatherResults(List.of(clientLost, serverLost, port.stopListening()));
    }

    public Deferred<Integer> testAdd() {
        return client.add(5, 9).addCallback(result -> {
            assertThat(result).isEqualTo(14);
            return result;
        });
    }

    public Deferred<List<Integer>> testSeveralCalls() {
        return Deferred.gatherResults(List.of(client.multiply(6, 7), client.divide(100, 7)))
                .addCallback(results -> {
                    assertThat(results).containsExactly(42, 14);
                    return results;
                });
    }

    public Deferred<ArithmeticException> testDivideByZeroFails() {
        return assertFailure(client.divide(1, 0), ArithmeticException.class);
    }
}
