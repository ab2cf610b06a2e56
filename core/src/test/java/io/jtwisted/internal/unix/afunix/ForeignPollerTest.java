package io.jtwisted.internal.unix.afunix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsclub.net.unix.AFSocketPair;
import org.newsclub.net.unix.AFUNIXSelectorProvider;
import org.newsclub.net.unix.AFUNIXServerSocketChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.AFUNIXSocketChannel;

/**
 * The junixsocket poller on its own, with real socket pairs: one report per readiness, none again
 * until the report is served (a second one could tell of bytes being read at that moment), a
 * hang-up reported whenever armed, and a forgotten channel let go of before its caller is told.
 */
class ForeignPollerTest {
    private static final long WAIT_SECONDS = 10;

    private final ForeignPoller poller = newPoller();
    private final List<AFSocketPair<AFUNIXSocketChannel>> pairs = new ArrayList<>();

    private static ForeignPoller newPoller() {
        try {
            return new ForeignPoller("foreign-poller-test");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() throws Exception {
        poller.shutdown();
        for (AFSocketPair<AFUNIXSocketChannel> pair : pairs) {
            pair.getSocket1().close();
            pair.getSocket2().close();
        }
    }

    /** Records the reports of one entry. */
    private static final class Reports implements ForeignPoller.Readiness {
        final BlockingQueue<Integer> ops = new LinkedBlockingQueue<>();

        @Override
        public void ready(int ready) {
            ops.add(ready);
        }

        int next() throws InterruptedException {
            Integer ready = ops.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(ready).as("a report within %d s", WAIT_SECONDS).isNotNull();
            return ready;
        }
    }

    private AFSocketPair<AFUNIXSocketChannel> pair() throws Exception {
        AFSocketPair<AFUNIXSocketChannel> pair =
                AFUNIXSelectorProvider.provider().openSocketChannelPair();
        pair.getSocket1().configureBlocking(false);
        pair.getSocket2().configureBlocking(false);
        pairs.add(pair);
        return pair;
    }

    private static void send(AFUNIXSocketChannel to, String text) throws Exception {
        to.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * Returns after every command queued before it has run, and so after the select those commands
     * led to: an entry made and forgotten on an idle pair (one pair for all calls), whose release is
     * awaited.
     */
    private void barrier(String what) throws Exception {
        if (idle == null) {
            idle = pair();
        }
        CountDownLatch done = new CountDownLatch(1);
        poller.forget(poller.entry(idle.getSocket1(), ready -> {}), done::countDown);
        assertThat(done.await(WAIT_SECONDS, TimeUnit.SECONDS)).as(what).isTrue();
    }

    private AFSocketPair<AFUNIXSocketChannel> idle;

    @Test
    void aReadableChannelIsReportedOnceAndNotAgainUntilTheReportIsServed() throws Exception {
        AFSocketPair<AFUNIXSocketChannel> watched = pair();
        Reports reports = new Reports();
        ForeignPoller.Entry entry = poller.entry(watched.getSocket1(), reports);
        send(watched.getSocket2(), "x");
        poller.arm(entry, SelectionKey.OP_READ);
        assertThat(reports.next()).isEqualTo(SelectionKey.OP_READ);

        poller.arm(entry, SelectionKey.OP_READ); // a change of interest while the report is unserved
        AFSocketPair<AFUNIXSocketChannel> other = pair();
        Reports otherReports = new Reports();
        send(other.getSocket2(), "y");
        poller.arm(poller.entry(other.getSocket1(), otherReports), SelectionKey.OP_READ);
        assertThat(otherReports.next()).as("the poller selected again").isEqualTo(SelectionKey.OP_READ);
        barrier("the poller selected after the unserved arm");
        assertThat(reports.ops).as("still readable, but not served yet").isEmpty();

        poller.served(entry, SelectionKey.OP_READ); // the byte was not read: readable still
        assertThat(reports.next()).isEqualTo(SelectionKey.OP_READ);
    }

    @Test
    void aServedChannelIsWatchedForWhatItAsksNext() throws Exception {
        AFSocketPair<AFUNIXSocketChannel> watched = pair();
        Reports reports = new Reports();
        ForeignPoller.Entry entry = poller.entry(watched.getSocket1(), reports);
        send(watched.getSocket2(), "x");
        poller.arm(entry, SelectionKey.OP_READ);
        assertThat(reports.next()).isEqualTo(SelectionKey.OP_READ);
        watched.getSocket1().read(ByteBuffer.allocate(8));
        poller.served(entry, SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        assertThat(reports.next()).as("nothing to read, room to write").isEqualTo(SelectionKey.OP_WRITE);
    }

    @Test
    void aHungUpChannelIsReportedWheneverItIsArmedAndCountedOnce() throws Exception {
        AFSocketPair<AFUNIXSocketChannel> watched = pair();
        Reports reports = new Reports();
        ForeignPoller.Entry entry = poller.entry(watched.getSocket1(), reports);
        send(watched.getSocket2(), "last words");
        watched.getSocket2().close();
        poller.arm(entry, SelectionKey.OP_READ);
        assertThat(reports.next()).isEqualTo(SelectionKey.OP_READ);
        assertThat(poller.hangUps()).isEqualTo(1);
        ByteBuffer read = ByteBuffer.allocate(64);
        watched.getSocket1().read(read);
        assertThat(new String(read.array(), 0, read.position(), StandardCharsets.US_ASCII))
                .as("the channel stayed open with what the peer sent")
                .isEqualTo("last words");
        poller.served(entry, SelectionKey.OP_READ);
        assertThat(reports.next()).as("reported at once, without polling").isEqualTo(SelectionKey.OP_READ);
        assertThat(poller.hangUps()).isEqualTo(1);
    }

    @Test
    void aForgottenListenersNameIsFreeOnceThePollerHasLetGoOfIt() throws Exception {
        AFUNIXSocketAddress name = AFUNIXSocketAddress.of(
                ("\0jtwisted-foreign-poller-" + ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8));
        AFUNIXServerSocketChannel listener = AFUNIXServerSocketChannel.open();
        listener.bind(name);
        listener.configureBlocking(false);
        ForeignPoller.Entry entry = poller.entry(listener, ready -> {});
        poller.arm(entry, SelectionKey.OP_ACCEPT);
        barrier("the listener is armed"); // the poller now waits in poll() with the listener
        CountDownLatch released = new CountDownLatch(1);
        poller.forget(entry, released::countDown);
        listener.close();
        assertThat(released.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        try (AFUNIXServerSocketChannel again = AFUNIXServerSocketChannel.open()) {
            again.bind(name); // would fail with "Address already in use" while a poll held the old one
        }
    }

    @Test
    void thePollerWatchesADuplicateDescriptorAndClosesItWhenForgotten() throws Exception {
        AFSocketPair<AFUNIXSocketChannel> watched = pair();
        long before = openDescriptors();
        ForeignPoller.Entry entry = poller.entry(watched.getSocket1(), ready -> {});
        assertThat(openDescriptors()).isEqualTo(before + 1);
        CountDownLatch released = new CountDownLatch(1);
        poller.forget(entry, released::countDown);
        assertThat(released.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(openDescriptors()).isEqualTo(before);
        send(watched.getSocket1(), "still open"); // the owner's channel is untouched
        ByteBuffer read = ByteBuffer.allocate(32);
        watched.getSocket2().configureBlocking(true);
        watched.getSocket2().read(read);
        assertThat(new String(read.array(), 0, read.position(), StandardCharsets.US_ASCII))
                .isEqualTo("still open");
    }

    private static long openDescriptors() throws java.io.IOException {
        try (java.util.stream.Stream<java.nio.file.Path> fds =
                java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    @Test
    void everyCommandRunsWhileAnotherThreadKeepsWakingThePoller() throws Exception {
        // A wake-up announced between the poller's clearing of its flag and its drain of the wake
        // socket used to be drained with the flag left set: no later command woke it again.
        AFSocketPair<AFUNIXSocketChannel> busy = pair();
        ForeignPoller.Entry spammed = poller.entry(busy.getSocket1(), ready -> {});
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread spammer = new Thread(() -> {
            while (!stop.get()) {
                poller.arm(spammed, 0);
            }
        });
        spammer.start();
        try {
            for (int i = 0; i < 2_000; i++) {
                poller.served(spammed, 0);
                barrier("command " + i + " ran");
            }
        } finally {
            stop.set(true);
            spammer.join();
        }
    }

    @Test
    void forgettingOnAnEndedPollerRunsTheCallbackAtOnce() throws Exception {
        AFSocketPair<AFUNIXSocketChannel> watched = pair();
        ForeignPoller.Entry entry = poller.entry(watched.getSocket1(), ready -> {});
        poller.shutdown();
        assertThat(poller.awaitEnd(TimeUnit.SECONDS.toMillis(WAIT_SECONDS))).isTrue();
        List<String> calls = new ArrayList<>();
        poller.forget(entry, () -> calls.add("released"));
        assertThat(calls).containsExactly("released");
    }
}
