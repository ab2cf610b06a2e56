package io.jtwisted.trial.tutorial;

import static io.jtwisted.internet.Reactor.reactor;
import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.testing.Loopback;
import io.jtwisted.trial.unittest.TestCase;
import java.util.List;

/**
 * The loopback test of {@link RemoteCalculationLoopbackTest} in trial's own shape, as Twisted's
 * tutorial writes it: a {@link TestCase} whose setUp, tests and tearDown return Deferreds, run
 * by the jtwisted-trial engine, which waits for each before going on.
 */
public class RemoteCalculationTrialTest extends TestCase {
    private Loopback.Connection<RemoteCalculationProtocol, RemoteCalculationClient> connection;
    private RemoteCalculationClient client;

    @Override
    public Deferred<RemoteCalculationClient> setUp() {
        return Loopback.connectTCP(reactor, new RemoteCalculationProtocol(), new RemoteCalculationClient(reactor))
                .addCallback(connected -> {
                    connection = connected;
                    client = connected.client();
                    return client;
                });
    }

    @Override
    public Deferred<Void> tearDown() {
        return connection.disconnect();
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
