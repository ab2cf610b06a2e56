package io.jtwisted.examples.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.application.service.Application;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.testing.FakePort;
import io.jtwisted.internet.testing.MemoryReactor;
import org.junit.jupiter.api.Test;

/** The howtos' EchoService: starting listens, stopping hands back stopListening()'s Deferred. */
class EchoServiceTest {
    @Test
    void startListensAndStopReturnsTheStopListeningDeferred() {
        MemoryReactor reactor = new MemoryReactor();
        Application application = new Application("echo");
        EchoService service = new EchoService(7001, reactor);
        service.setServiceParent(application);
        application.startService();
        assertThat(reactor.tcpServers())
                .extracting(MemoryReactor.TcpServer::port)
                .containsExactly(7001);
        assertThat(service.running()).isTrue();
        Deferred<?> stopped = application.stopService();
        assertThat(((FakePort) service.port()).stopped()).isTrue();
        assertThat(stopped.called()).isTrue();
        assertThat(service.running()).isFalse();
    }
}
