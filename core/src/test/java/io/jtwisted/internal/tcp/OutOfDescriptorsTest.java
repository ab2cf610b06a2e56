package io.jtwisted.internal.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internal.reactor.NioReactor;
import io.jtwisted.internal.tcp.TcpTestSupport.KeepingFactory;
import io.jtwisted.internal.tcp.TcpTestSupport.RecordingClientFactory;
import io.jtwisted.logger.ILogObserver;
import io.jtwisted.logger.LogEvent;
import io.jtwisted.logger.LogPublisher;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Running out of file descriptors on accept (EMFILE): the port logs once, stops asking for
 * OP_ACCEPT (no busy loop), and accepts again after a delay. The failure is simulated by
 * replacing the port's accept function, since a test cannot lower the process's limit.
 * Twisted (twisted/internet/test/test_tcp.py test_closePeerOnEMFILE) instead keeps a reserved
 * descriptor to accept-and-close the waiting peer; JTwisted backs off, as its issue asks, so a
 * burst of connections is served once descriptors free up instead of being dropped.
 */
class OutOfDescriptorsTest {
    @Test
    void acceptBacksOffLogsOnceAndRecovers() {
        NioReactor reactor = TcpTestSupport.reactor();
        KeepingFactory<Recorder> server = new KeepingFactory<>(Recorder::new);
        Port port = (Port) reactor.listenTCP(0, server, 50, "127.0.0.1");
        int[] failuresLeft = {3};
        int[] acceptCalls = {0};
        port.acceptor = channel -> {
            acceptCalls[0]++;
            if (failuresLeft[0] > 0) {
                failuresLeft[0]--;
                throw new IOException("Too many open files");
            }
            return channel.accept();
        };
        List<LogEvent> events = new ArrayList<>();
        ILogObserver observer = event -> {
            if (event.message().contains("Out of file descriptors")) {
                events.add(event);
            }
        };
        LogPublisher.globalLogPublisher().addObserver(observer);
        try {
            RecordingClientFactory<Recorder> client = new RecordingClientFactory<>(Recorder::new);
            reactor.connectTCP("127.0.0.1", TcpTestSupport.port(port), client);
            Loop.until(reactor, () -> acceptCalls[0] == 1);
            assertThat(port.accepting()).as("no OP_ACCEPT while backing off").isFalse();
            int callsWhileBackingOff = acceptCalls[0];
            reactor.iterate(0); // a turn while backing off does not call accept again
            assertThat(acceptCalls[0]).isEqualTo(callsWhileBackingOff);
            Loop.until(reactor, () -> !server.built.isEmpty());
            // After the failed turns the bound is 1 (what they accepted, at least 1), so the turn that
            // takes the connection makes no further call that would only find none.
            assertThat(acceptCalls[0]).as("3 failures, then the connection").isEqualTo(4);
            assertThat(events).hasSize(1);
            assertThat(port.accepting()).isTrue();
            client.built.get(0).transport().loseConnection();
            Loop.reason(reactor, server.built.get(0).lost);
        } finally {
            LogPublisher.globalLogPublisher().removeObserver(observer);
            Loop.result(reactor, port.stopListening());
        }
    }
}
