package io.jtwisted.internet.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internet.interfaces.IConsumer;
import io.jtwisted.internet.interfaces.IProducer;
import io.jtwisted.logger.LogEvent;
import io.jtwisted.logger.LogLevel;
import io.jtwisted.logger.LogPublisher;
import io.jtwisted.logger.Logger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Port of twisted.internet.test.test_testing.NonStreamingProducerTests (test_producesOnly10Times,
 * test_cannotPauseProduction), with the TestConsumer helper, and of EventLoggingObserver's
 * behaviour (Twisted tests it only through its users).
 */
class TestingHelpersTest {
    /** Keeps track of its producer and of what was written. */
    static final class TestConsumer implements IConsumer {
        final List<String> writes = new ArrayList<>();
        IProducer producer;
        Boolean producerStreaming;

        @Override
        public void registerProducer(IProducer producer, boolean streaming) {
            this.producer = producer;
            this.producerStreaming = streaming;
        }

        @Override
        public void unregisterProducer() {
            producer = null;
            producerStreaming = null;
        }

        @Override
        public void write(byte[] data) {
            writes.add(new String(data, StandardCharsets.US_ASCII));
        }
    }

    @Test
    void nonStreamingProducerProducesOnlyTenTimes() {
        TestConsumer consumer = new TestConsumer();
        NonStreamingProducer producer = new NonStreamingProducer(consumer);
        consumer.registerProducer(producer, false);
        assertThat(consumer.producer).isSameAs(producer);
        assertThat(producer.consumer()).isSameAs(consumer);
        assertThat(consumer.producerStreaming).isFalse();

        for (int i = 0; i < 10; i++) {
            producer.resumeProducing();
        }
        assertThat(consumer.producer).isNull();
        assertThat(consumer.producerStreaming).isNull();
        assertThat(producer.consumer()).isNull();
        assertThat(consumer.writes).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(producer.result().hasResult()).isTrue();
        assertThatThrownBy(producer::resumeProducing).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void nonStreamingProducerCannotBePaused() {
        TestConsumer consumer = new TestConsumer();
        NonStreamingProducer producer = new NonStreamingProducer(consumer);
        consumer.registerProducer(producer, false);
        producer.resumeProducing();
        assertThatThrownBy(producer::pauseProducing).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void stoppingTheProducerFiresItsResult() {
        NonStreamingProducer producer = new NonStreamingProducer(new TestConsumer());
        producer.stopProducing();
        assertThat(producer.stopped()).isTrue();
        assertThat(producer.result().hasResult()).isTrue();
        assertThatThrownBy(producer::resumeProducing).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void eventLoggingObserverKeepsEventsUntilClosed() {
        LogPublisher publisher = new LogPublisher();
        Logger log = new Logger("test", publisher);
        EventLoggingObserver events;
        try (EventLoggingObserver observer = EventLoggingObserver.observing(publisher)) {
            events = observer;
            log.info("first {}", 1);
            log.warn("second");
            assertThat(observer.size()).isEqualTo(2);
            assertThat(observer.get(0).message()).isEqualTo("first 1");
            assertThat(observer.events()).extracting(LogEvent::level).containsExactly(LogLevel.INFO, LogLevel.WARN);
        }
        log.info("after close");
        assertThat(events.size()).as("closed observers see no more events").isEqualTo(2);
    }
}
