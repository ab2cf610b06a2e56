package io.jtwisted.internet.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.error.ConnectionLost;
import io.jtwisted.internet.error.NotConnectingError;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IConnector;
import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.internet.task.Clock;
import io.jtwisted.python.failure.Failure;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * ReconnectingClientFactory's backoff, with a Clock.
 *
 * <p>Ports of twisted/test/test_factories.py: test_stopTryingWhenConnected,
 * test_stopTryingDoesNotReconnect, test_parametrizedClock. Not ported: the three pickling tests
 * (test_serializeUnused, test_serializeWithClock, test_deserializationResetsParameters): Java
 * factories are not serialized. Added: the exact delay sequence (factor, maxDelay, jitter),
 * maxRetries, resetDelay.
 */
class ReconnectingClientFactoryTest {
    /** Counts connect() calls; stopConnecting as configured. */
    static class FakeConnector implements IConnector {
        int connects;
        int stops;
        boolean connecting;

        @Override
        public void stopConnecting() {
            stops++;
            if (!connecting) {
                throw new NotConnectingError();
            }
        }

        @Override
        public void disconnect() {}

        @Override
        public void connect() {
            connects++;
        }

        @Override
        public IAddress getDestination() {
            return new IPv4Address("TCP", "127.0.0.1", 1);
        }
    }

    private static Failure lost() {
        return new Failure(new ConnectionLost());
    }

    @Test
    void stopTryingWhileConnectedMeansNoReconnectWhenTheConnectionIsLost() {
        ReconnectingClientFactory factory = new ReconnectingClientFactory(() -> new Protocol() {});
        factory.clock = new Clock();
        factory.buildProtocol(null);
        factory.stopTrying();
        IConnector noConnect = new FakeConnector() {
            @Override
            public void connect() {
                throw new AssertionError("Shouldn't be reconnecting.");
            }

            @Override
            public void stopConnecting() {
                throw new AssertionError("Shouldn't be called, we're connected.");
            }
        };
        factory.clientConnectionLost(noConnect, lost());
        assertThat(factory.continueTrying()).isFalse();
        assertThat(factory.clock.getDelayedCalls()).isEmpty();
    }

    @Test
    void stopTryingStopsTheAttemptInProgressWithoutRetrying() {
        ReconnectingClientFactory factory = new ReconnectingClientFactory();
        Clock clock = new Clock();
        factory.clock = clock;
        FakeConnector connector = new FakeConnector() {
            @Override
            public void stopConnecting() {
                super.stopConnecting();
                factory.clientConnectionFailed(this, lost());
            }
        };
        connector.connecting = true;
        factory.setConnector(connector);
        factory.stopTrying();
        assertThat(connector.stops).isEqualTo(1);
        assertThat(connector.connects).isZero();
        assertThat(clock.getDelayedCalls()).isEmpty();
    }

    @Test
    void retriesAreScheduledOnTheGivenClock() {
        Clock clock = new Clock();
        ReconnectingClientFactory factory = new ReconnectingClientFactory();
        factory.clock = clock;
        FakeConnector connector = new FakeConnector();
        factory.clientConnectionLost(connector, lost());
        assertThat(clock.getDelayedCalls()).hasSize(1);
        clock.advance(clock.getDelayedCalls().get(0).getTime());
        assertThat(connector.connects).isEqualTo(1);
    }

    @Test
    void withoutJitterTheDelayGrowsByFactorUpToMaxDelay() {
        Clock clock = new Clock();
        ReconnectingClientFactory factory = new ReconnectingClientFactory();
        factory.clock = clock;
        factory.jitter = 0;
        factory.maxDelay = 60;
        FakeConnector connector = new FakeConnector();
        double[] expected = {Math.E, Math.pow(Math.E, 2), Math.pow(Math.E, 3), Math.pow(Math.E, 4), 60, 60};
        for (int i = 0; i < expected.length; i++) {
            factory.clientConnectionFailed(connector, lost());
            IDelayedCall call = clock.getDelayedCalls().get(0);
            assertThat(call.getTime() - clock.seconds())
                    .isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-9));
            clock.advance(call.getTime() - clock.seconds());
            assertThat(connector.connects).isEqualTo(i + 1);
        }
        assertThat(factory.retries()).isEqualTo(expected.length);
    }

    @Test
    void jitterDrawsTheDelayFromANormalDistributionAroundTheGrownDelay() {
        Clock clock = new Clock();
        ReconnectingClientFactory factory = new ReconnectingClientFactory();
        factory.clock = clock;
        factory.setRandom(new Random(42));
        double gaussian = new Random(42).nextGaussian();
        factory.clientConnectionFailed(new FakeConnector(), lost());
        double e = Math.E;
        assertThat(factory.delay())
                .isCloseTo(e + gaussian * e * 0.11962656472, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(clock.getDelayedCalls().get(0).getTime()).isEqualTo(factory.delay());
    }

    @Test
    void maxRetriesAbandonsAfterThatManyRetries() {
        Clock clock = new Clock();
        ReconnectingClientFactory factory = new ReconnectingClientFactory();
        factory.clock = clock;
        factory.maxRetries = 2;
        FakeConnector connector = new FakeConnector();
        for (int i = 0; i < 3; i++) {
            factory.clientConnectionFailed(connector, lost());
            clock.advance(10_000);
        }
        assertThat(connector.connects).isEqualTo(2);
        assertThat(clock.getDelayedCalls()).isEmpty();
    }

    @Test
    void resetDelayStartsOverFromTheInitialDelay() {
        Clock clock = new Clock();
        ReconnectingClientFactory factory = new ReconnectingClientFactory();
        factory.clock = clock;
        factory.jitter = 0;
        FakeConnector connector = new FakeConnector();
        factory.clientConnectionFailed(connector, lost());
        clock.advance(100);
        factory.clientConnectionFailed(connector, lost());
        clock.advance(100);
        assertThat(factory.delay()).isGreaterThan(7);
        factory.resetDelay();
        assertThat(factory.delay()).isEqualTo(1.0);
        assertThat(factory.retries()).isZero();
        factory.clientConnectionLost(connector, lost());
        assertThat(clock.getDelayedCalls().get(0).getTime() - clock.seconds())
                .isCloseTo(Math.E, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void retryWithoutAnyConnectorIsAnError() {
        ReconnectingClientFactory factory = new ReconnectingClientFactory();
        factory.clock = new Clock();
        assertThatThrownBy(factory::retry)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no connector to retry");
    }

    @Test
    void stopTryingCancelsAScheduledRetry() {
        Clock clock = new Clock();
        ReconnectingClientFactory factory = new ReconnectingClientFactory();
        factory.clock = clock;
        FakeConnector connector = new FakeConnector();
        factory.clientConnectionLost(connector, lost());
        factory.stopTrying();
        assertThat(clock.getDelayedCalls()).isEmpty();
        clock.advance(10_000);
        assertThat(connector.connects).isZero();
    }

    @Test
    void initialDelaySetAfterConstructionTakesEffectWithoutResetDelay() {
        Clock clock = new Clock();
        ReconnectingClientFactory factory = new ReconnectingClientFactory(() -> new Protocol() {})
                .setInitialDelay(10)
                .setFactor(2)
                .setJitter(0)
                .setClock(clock);
        assertThat(factory.delay()).isEqualTo(10);
        FakeConnector connector = new FakeConnector();
        factory.clientConnectionFailed(connector, lost());
        assertThat(factory.delay()).isEqualTo(20);
        clock.advance(19.9);
        assertThat(connector.connects).isZero();
        clock.advance(0.1);
        assertThat(connector.connects).isEqualTo(1);
    }

    @Test
    void fieldsAssignedDirectlyAlsoTakeEffectAtTheNextFirstRetry() {
        Clock clock = new Clock();
        ReconnectingClientFactory factory = new ReconnectingClientFactory(() -> new Protocol() {});
        factory.clock = clock;
        factory.initialDelay = 3;
        factory.factor = 1;
        factory.jitter = 0;
        factory.clientConnectionFailed(new FakeConnector(), lost());
        assertThat(factory.delay()).isEqualTo(3);
    }

    @Test
    void maxDelayAndMaxRetriesSetBySetters() {
        Clock clock = new Clock();
        ReconnectingClientFactory factory = new ReconnectingClientFactory(() -> new Protocol() {})
                .setInitialDelay(1)
                .setFactor(10)
                .setJitter(0)
                .setMaxDelay(5)
                .setMaxRetries(1)
                .setClock(clock);
        FakeConnector connector = new FakeConnector();
        factory.clientConnectionFailed(connector, lost());
        assertThat(factory.delay()).isEqualTo(5);
        clock.advance(5);
        factory.clientConnectionFailed(connector, lost());
        clock.advance(100);
        assertThat(connector.connects).as("one retry, then maxRetries gives up").isEqualTo(1);
    }

    @Test
    void settersRefuseValuesThatMakeNoSense() {
        ReconnectingClientFactory factory = new ReconnectingClientFactory();
        assertThatThrownBy(() -> factory.setInitialDelay(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("initialDelay");
        assertThatThrownBy(() -> factory.setMaxDelay(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxDelay");
        assertThatThrownBy(() -> factory.setFactor(0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("factor");
        assertThatThrownBy(() -> factory.setJitter(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jitter");
        assertThatThrownBy(() -> factory.setMaxRetries(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxRetries");
        assertThat(factory.initialDelay).isEqualTo(1.0);
    }
}
