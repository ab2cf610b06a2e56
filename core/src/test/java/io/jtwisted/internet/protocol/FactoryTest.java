package io.jtwisted.internet.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.interfaces.IProtocol;
import org.junit.jupiter.api.Test;

/** Factory defaults: buildProtocol sets protocol.factory; start/stop counting across ports. */
class FactoryTest {
    static class Quote extends Protocol {}

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

    @Test
    void aPlainProtocolCanBeBuiltAndIgnoresWhatItReceives() {
        IProtocol built = Factory.forProtocol(Protocol::new).buildProtocol(null);
        io.jtwisted.internet.testing.StringTransport transport = new io.jtwisted.internet.testing.StringTransport();
        built.makeConnection(transport);
        built.dataReceived(new byte[] {1, 2, 3});
        assertThat(transport.value()).isEmpty();
    }

    static class QuoteFactory extends Factory {
        final String quote = "An apple a day keeps the doctor away";

        QuoteFactory() {
            super(Quote::new);
        }
    }

    @Test
    void aProtocolReachesItsFactoryAsItsOwnType() {
        Quote built = (Quote) new QuoteFactory().buildProtocol(null);
        assertThat(built.factory(QuoteFactory.class).quote).isEqualTo("An apple a day keeps the doctor away");
    }

    @Test
    void askingForTheWrongFactoryTypeSaysWhatBuiltIt() {
        Quote built = (Quote) new ServerFactory(Quote::new).buildProtocol(null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> built.factory(QuoteFactory.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(ServerFactory.class.getName())
                .hasMessageContaining(QuoteFactory.class.getName());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Quote().factory(QuoteFactory.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no factory");
    }

    @Test
    void startingAndStoppingAreLoggedAtInfoAsTwistedDoes() {
        Factory factory = new Factory(Quote::new);
        try (var log = new io.jtwisted.internet.ReactorTestSupport.CapturedLog()) {
            factory.doStart();
            factory.doStop();
            assertThat(log.events)
                    .filteredOn(e -> e.level() == io.jtwisted.logger.LogLevel.INFO)
                    .extracting(e -> e.message())
                    .containsExactly("Starting factory " + factory, "Stopping factory " + factory);
        }
    }
}
