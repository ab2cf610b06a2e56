package io.jtwisted.trial.tutorial;

import static io.jtwisted.trial.Trial.assertNoResult;
import static io.jtwisted.trial.Trial.successResultOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.task.Clock;
import io.jtwisted.internet.testing.IOSim;
import org.junit.jupiter.api.Test;

/** The real client against the real server, connected in memory: no sockets, no reactor. */
class RemoteCalculationInMemoryTest {
    @Test
    void clientAndServerTalkThroughThePump() {
        Clock clock = new Clock();
        var connection = IOSim.connectedServerAndClient(
                RemoteCalculationProtocol::new, () -> new RemoteCalculationClient(clock));

        Deferred<Integer> d = connection.client().multiply(6, 7);
        assertNoResult(d); // nothing moves until the test pumps
        connection.pump().flush();
        assertThat(successResultOf(d)).isEqualTo(42);
    }
}
