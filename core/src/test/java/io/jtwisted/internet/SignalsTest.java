package io.jtwisted.internet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link Signals}: real signals raised in this JVM reach the handler, which can be taken back. */
class SignalsTest {
    @Test
    void aRaisedSignalRunsTheHandlerOnTheJvmsSignalThread() throws InterruptedException {
        CountDownLatch received = new CountDownLatch(1);
        String[] thread = new String[1];
        Signals.Installed installed = Signals.handle("USR2", () -> {
            thread[0] = Thread.currentThread().getName();
            received.countDown();
        });
        try {
            assertThat(installed.previouslyIgnored()).isFalse();
            Signals.raise("USR2");
            assertThat(received.await(10, TimeUnit.SECONDS))
                    .as("the handler ran")
                    .isTrue();
            assertThat(thread[0]).isNotEqualTo(Thread.currentThread().getName());
        } finally {
            installed.restore();
        }
    }

    @Test
    void restorePutsBackTheHandlerItReplaced() throws InterruptedException {
        AtomicInteger outer = new AtomicInteger();
        CountDownLatch outerRan = new CountDownLatch(1);
        Signals.Installed first = Signals.handle("USR2", () -> {
            outer.incrementAndGet();
            outerRan.countDown();
        });
        try {
            Signals.Installed second = Signals.handle("USR2", () -> {
                throw new AssertionError("the replaced handler must not run after restore");
            });
            second.restore();
            Signals.raise("USR2");
            assertThat(outerRan.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(outer).hasValue(1);
        } finally {
            first.restore();
        }
    }

    @Test
    void anUnknownSignalIsRefusedByName() {
        assertThatThrownBy(() -> Signals.handle("NOSUCHSIGNAL", () -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NOSUCHSIGNAL");
    }
}
