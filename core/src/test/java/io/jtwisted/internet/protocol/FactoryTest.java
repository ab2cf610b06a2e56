package io.jtwisted.internet.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.interfaces.IProtocol;
import org.junit.jupiter.api.Test;

/** Factory defaults: buildProtocol sets protocol.factory; start/stop counting across ports. */
class FactoryTest {
    static class Quote extends Protocol {
    }

    @Test
    void buildProtocolUsesTheSupplierAndSetsTheFactory() {
        ServerFactory factory = new ServerFactory(Quote::new);
        IProtocol built = factory.buildProtocol(null);
        assertThat(built).isInstanceOf(Quote.class);
        assertThat(((Quote) built).factory()).isSameAs(factory);
    }

    @Test
    void startAndStopRunOnceHoweverManyPortsUseTheFactory() {
        int[] counts = new int[2];
        ClientFactory factory = new ClientFactory(Quote::new) {
            @Override
            public void startFactory() {
                counts[0]++;
            }

            @Override
            public void stopFactory() {
                counts[1]++;
            }
        };
        factory.doStart();
        factory.doStart();
        assertThat(counts).containsExactly(1, 0);
        factory.doStop();
        assertThat(counts).containsExactly(1, 0);
        factory.doStop();
        assertThat(counts).containsExactly(1, 1);
        factory.doStop();
        assertThat(counts).containsExactly(1, 1);
    }
}
