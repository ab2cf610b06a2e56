package io.jtwisted.internal.fd;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internal.reactor.NioReactor;
import io.jtwisted.internet.error.CannotListenError;
import io.jtwisted.internet.error.UnsupportedAddressFamily;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import org.junit.jupiter.api.Test;

/**
 * What adoption says when it cannot adopt, in this JVM (started without {@code --add-opens}, its
 * standard input a pipe). Adopting real inherited sockets runs under systemd-socket-activate in the
 * examples' SocketActivationTest. No Twisted case applies: Twisted's adopt tests need real
 * descriptors, which a Java test cannot make.
 */
class InheritedSocketsTest {
    @Test
    void withoutAddOpensADescriptorOtherThan0NamesTheOptionToAdd() {
        assertThatThrownBy(() -> InheritedSockets.listening(3, StandardProtocolFamily.INET))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("--add-opens java.base/sun.nio.ch=ALL-UNNAMED");
        assertThatThrownBy(() -> InheritedSockets.connected(3, StandardProtocolFamily.INET))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("--add-opens java.base/sun.nio.ch=");
    }

    @Test
    void descriptor0ThatIsNotASocketIsRefused() {
        assertThatThrownBy(() -> InheritedSockets.listening(0, StandardProtocolFamily.INET))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("descriptor 0 is not a listening socket");
        assertThatThrownBy(() -> InheritedSockets.connected(0, StandardProtocolFamily.INET))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("descriptor 0 is not a connected socket");
    }

    @Test
    void theReactorRefusesFamiliesItCannotAdoptAndReportsBadDescriptors() {
        NioReactor reactor = new NioReactor();
        Factory factory = Factory.forProtocol(() -> new Protocol() {});
        assertThatThrownBy(() -> reactor.adoptStreamPort(3, StandardProtocolFamily.UNIX, factory))
                .isInstanceOf(UnsupportedAddressFamily.class);
        assertThatThrownBy(() -> reactor.adoptStreamPort(0, StandardProtocolFamily.INET, factory))
                .isInstanceOf(CannotListenError.class)
                .hasMessageContaining("descriptor 0");
        assertThatThrownBy(() -> reactor.adoptStreamConnection(0, StandardProtocolFamily.INET6, factory))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("descriptor 0");
    }
}
