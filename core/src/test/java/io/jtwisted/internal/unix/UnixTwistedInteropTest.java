package io.jtwisted.internal.unix;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internal.reactor.NioReactor;
import io.jtwisted.internal.tcp.Loop;
import io.jtwisted.internet.address.UNIXAddress;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.endpoints.Endpoints;
import io.jtwisted.internet.endpoints.UNIXClientEndpoint;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.testing.TwistedScripts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Twisted UNIX client against a JTwisted UNIX server, and the other way round, on a socket file
 * and on an abstract-namespace name ({@code "\0name"}); and socat ({@code ABSTRACT-CONNECT}) as a
 * third peer on an abstract name.
 */
class UnixTwistedInteropTest {
    private final TwistedScripts twisted =
            new TwistedScripts("UnixTwistedInteropTest", Path.of("src/test/resources/interop/twisted_unix.py"));
    private final NioReactor reactor = new NioReactor();
    private final List<IListeningPort> ports = new ArrayList<>();
    private final List<Echo> echoes = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        twisted.destroyAll();
        // the peer's exit reaches an echo connection in a later turn: the reactor is left clean
        Loop.until(reactor, () -> echoes.stream().allMatch(echo -> echo.lost));
        for (IListeningPort port : ports) {
            Loop.result(reactor, port.stopListening());
        }
    }

    /** Writes back what it receives. */
    static class Echo extends Protocol {
        boolean lost;

        @Override
        public void dataReceived(byte[] data) {
            transport.write(data);
        }

        @Override
        public void connectionLost(io.jtwisted.python.failure.Failure reason) {
            lost = true;
        }
    }

    /** Builds echoes, kept so that the test ends only once each has lost its connection. */
    private Factory echoFactory() {
        return Factory.forProtocol(() -> {
            Echo echo = new Echo();
            echoes.add(echo);
            return echo;
        });
    }

    /** Sends "from-jtwisted" once connected; appends what comes back to {@code received}. */
    private static Factory sender(StringBuilder received) {
        return Factory.forProtocol(() -> new Protocol() {
            @Override
            public void connectionMade() {
                transport.write("from-jtwisted".getBytes(StandardCharsets.US_ASCII));
            }

            @Override
            public void dataReceived(byte[] data) {
                received.append(new String(data, StandardCharsets.US_ASCII));
            }
        });
    }

    @Test
    void aTwistedClientGetsItsBytesBackFromAJTwistedServer(@TempDir Path dir) throws Exception {
        String socket = dir.resolve("j.sock").toString();
        ports.add(reactor.listenUNIX(socket, echoFactory()));
        CompletableFuture<String> line = TwistedScripts.firstLine(twisted.start("send", socket, "from-twisted"));
        Loop.until(reactor, line::isDone);
        assertThat(line.get()).isEqualTo("echo from-twisted");
    }

    @Test
    void aJTwistedClientGetsItsBytesBackFromATwistedServer(@TempDir Path dir) throws Exception {
        String socket = dir.resolve("t.sock").toString();
        Process server = twisted.start("echo", socket);
        assertThat(TwistedScripts.firstLine(server).get(30, TimeUnit.SECONDS)).isEqualTo("ready");
        assertThat(Files.exists(Path.of(socket))).isTrue();
        StringBuilder received = new StringBuilder();
        Deferred<IProtocol> connected = new UNIXClientEndpoint(reactor, socket).connect(sender(received));
        Protocol client = (Protocol) Loop.result(reactor, connected);
        Loop.until(reactor, () -> received.toString().equals("from-jtwisted"));
        client.transport().loseConnection();
        reactor.iterate(0);
    }

    private static String abstractName(String what) {
        return "jtwisted-interop-" + what + "-" + ProcessHandle.current().pid();
    }

    @Test
    void aTwistedClientGetsItsBytesBackFromAJTwistedServerOnAnAbstractName() throws Exception {
        String name = abstractName("j");
        ports.add(reactor.listenUNIX("\0" + name, echoFactory()));
        CompletableFuture<String> line = TwistedScripts.firstLine(twisted.start("send", "@" + name, "from-twisted"));
        Loop.until(reactor, line::isDone);
        assertThat(line.get()).isEqualTo("echo from-twisted");
    }

    @Test
    void aJTwistedClientGetsItsBytesBackFromATwistedServerOnAnAbstractName() throws Exception {
        String name = abstractName("t");
        Process server = twisted.start("echo", "@" + name);
        assertThat(TwistedScripts.firstLine(server).get(30, TimeUnit.SECONDS)).isEqualTo("ready");
        StringBuilder received = new StringBuilder();
        Deferred<IProtocol> connected =
                Endpoints.clientFromString(reactor, "unix:\0" + name).connect(sender(received));
        Protocol client = (Protocol) Loop.result(reactor, connected);
        assertThat(client.transport().getPeer()).isEqualTo(new UNIXAddress("\0" + name));
        Loop.until(reactor, () -> received.toString().equals("from-jtwisted"));
        client.transport().loseConnection();
        reactor.iterate(0);
    }

    @Test
    void socatGetsItsBytesBackFromAJTwistedServerOnAnAbstractName() throws Exception {
        String name = abstractName("socat");
        ports.add(reactor.listenUNIX("\0" + name, echoFactory()));
        Process socat = new ProcessBuilder("socat", "-t", "5", "-", "ABSTRACT-CONNECT:" + name)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            socat.getOutputStream().write("via socat\n".getBytes(StandardCharsets.US_ASCII));
            socat.getOutputStream().close(); // socat half-closes; the echo server then closes
            CompletableFuture<byte[]> answer = CompletableFuture.supplyAsync(() -> {
                try {
                    return socat.getInputStream().readAllBytes();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Loop.until(reactor, answer::isDone);
            assertThat(new String(answer.get(), StandardCharsets.US_ASCII)).isEqualTo("via socat\n");
            assertThat(socat.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            socat.destroy();
        }
    }
}
