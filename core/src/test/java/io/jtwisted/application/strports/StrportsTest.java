package io.jtwisted.application.strports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.application.internet.StreamServerEndpointService;
import io.jtwisted.internet.error.CannotListenError;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.testing.MemoryReactor;
import io.jtwisted.internet.testing.RaisingMemoryReactor;
import org.junit.jupiter.api.Test;

/**
 * Ports of twisted/test/test_strports.py:
 * ServiceTests.test_service (a StreamServerEndpointService on the parsed endpoint, with the factory),
 * test_serviceDefaultReactor (the global reactor by default) and the synchronous failure of a listen.
 * Not ported: the deprecated "default" argument cases.
 */
class StrportsTest {
    @Test
    void serviceListensWhereTheStringSays() {
        MemoryReactor reactor = new MemoryReactor();
        Factory factory = new Factory();
        StreamServerEndpointService service = Strports.service("tcp:8080:interface=127.0.0.1", factory, reactor);
        assertThat(service.factory()).isSameAs(factory);
        service.privilegedStartService();
        assertThat(reactor.tcpServers()).hasSize(1);
        assertThat(reactor.tcpServers().get(0).port()).isEqualTo(8080);
        assertThat(reactor.tcpServers().get(0).iface()).isEqualTo("127.0.0.1");
        IListeningPort port = (IListeningPort) service.waitingForPort().currentResult();
        assertThat(port).isNotNull();
    }

    @Test
    void aListenThatFailsAtOnceIsThrownFromTheStart() {
        RaisingMemoryReactor reactor =
                new RaisingMemoryReactor(new CannotListenError("", 8080, new java.io.IOException("in use")), null);
        StreamServerEndpointService service = Strports.service("tcp:8080", new Factory(), reactor);
        assertThatThrownBy(service::privilegedStartService).isInstanceOf(CannotListenError.class);
    }

    @Test
    void aMalformedStringIsRefused() {
        assertThatThrownBy(() -> Strports.service("nonsense:1", new Factory(), new MemoryReactor()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
