package io.jtwisted.protocols.basic;

import static io.jtwisted.protocols.basic.Bytes.b;
import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IPullProducer;
import io.jtwisted.internet.testing.StringTransport;
import io.jtwisted.python.failure.Failure;
import java.io.ByteArrayInputStream;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Port of twisted.protocols.test.test_basic.FileSenderTests: test_interface,
 * test_producerRegistered, test_transfer, test_transferMultipleChunks, test_transferWithTransform,
 * test_abortedTransfer (all of them).
 */
class FileSenderTest {
    private static <T> T result(Deferred<T> d) {
        AtomicReference<T> out = new AtomicReference<>();
        boolean[] fired = {false};
        d.addCallback(value -> {
            out.set(value);
            fired[0] = true;
            return value;
        });
        assertThat(fired[0]).as("the Deferred has fired").isTrue();
        return out.get();
    }

    @Test
    void fileSenderIsAPullProducer() {
        assertThat(new FileSender()).isInstanceOf(IPullProducer.class);
    }

    @Test
    void beginFileTransferRegistersAsNonStreamingProducer() {
        StringTransport consumer = new StringTransport();
        FileSender sender = new FileSender();
        sender.beginFileTransfer(new ByteArrayInputStream(b("Test content")), consumer);
        assertThat(consumer.producer()).isSameAs(sender);
        assertThat(consumer.streaming()).isFalse();
    }

    @Test
    void transferFiresWithTheLastByteAfterReadingTheEnd() {
        StringTransport consumer = new StringTransport();
        FileSender sender = new FileSender();
        Deferred<byte[]> d = sender.beginFileTransfer(new ByteArrayInputStream(b("Test content")), consumer);
        sender.resumeProducing();
        sender.resumeProducing();
        assertThat(consumer.producer()).isNull();
        assertThat(result(d)).isEqualTo(b("t"));
        assertThat(consumer.valueString()).isEqualTo("Test content");
    }

    @Test
    void eachResumeSendsAtMostOneChunk() {
        StringTransport consumer = new StringTransport();
        FileSender sender = new FileSender();
        sender.setChunkSize(4);
        Deferred<byte[]> d = sender.beginFileTransfer(new ByteArrayInputStream(b("Test content")), consumer);
        sender.resumeProducing();
        assertThat(consumer.valueString()).isEqualTo("Test");
        sender.resumeProducing();
        assertThat(consumer.valueString()).isEqualTo("Test con");
        sender.resumeProducing();
        assertThat(consumer.valueString()).isEqualTo("Test content");
        sender.resumeProducing();
        assertThat(result(d)).isEqualTo(b("t"));
    }

    @Test
    void transformIsAppliedToEachChunk() {
        StringTransport consumer = new StringTransport();
        FileSender sender = new FileSender();
        Deferred<byte[]> d = sender.beginFileTransfer(new ByteArrayInputStream(b("Test content")), consumer, chunk -> {
            byte[] out = chunk.clone();
            for (int i = 0; i < out.length; i++) {
                char c = (char) out[i];
                out[i] = (byte) (Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
            }
            return out;
        });
        sender.resumeProducing();
        sender.resumeProducing();
        assertThat(result(d)).isEqualTo(b("T"));
        assertThat(consumer.valueString()).isEqualTo("tEST CONTENT");
    }

    @Test
    void stopProducingFailsTheTransfer() {
        StringTransport consumer = new StringTransport();
        FileSender sender = new FileSender();
        Deferred<byte[]> d = sender.beginFileTransfer(new ByteArrayInputStream(b("Test content")), consumer);
        sender.stopProducing();
        AtomicReference<Failure> failure = new AtomicReference<>();
        d.addErrback(f -> {
            failure.set(f);
            return null;
        });
        assertThat(failure.get()).isNotNull();
        assertThat(failure.get().value()).hasMessage("Consumer asked us to stop producing");
    }
}
