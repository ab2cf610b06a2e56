package io.jtwisted.internal.unix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internal.reactor.NioReactor;
import io.jtwisted.internal.tcp.Loop;
import io.jtwisted.internet.address.UNIXAddress;
import io.jtwisted.internet.endpoints.Endpoints;
import io.jtwisted.internet.endpoints.UNIXClientEndpoint;
import io.jtwisted.internet.endpoints.UNIXServerEndpoint;
import io.jtwisted.internet.error.BadFileError;
import io.jtwisted.internet.error.CannotListenError;
import io.jtwisted.internet.error.ConnectionRefusedError;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.protocol.ClientFactory;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.python.failure.Failure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What is UNIX-specific about UNIX-domain stream sockets (the stream contract itself is in
 * StreamTransportTest, run over TCP and UNIX). Ported from twisted/test/test_unix.py:
 * UnixSocketTests test_peerBind / test_dumber (getHost and getPeer are UNIXAddresses), test_mode
 * (the socket file's permissions), test_pidFile (a live lock holder refuses a second listener,
 * the lock is released on stop), test_socketLocking, test_uncleanSocketLockingFromThePast (a
 * stale lock and socket file are cleaned); test_repr (as toString); and from
 * twisted/internet/test/test_unix.py: connecting to a missing file fails, checkPID without a lock
 * fails with BadFileError; the unix: strings of test_endpoints.py (ServerStringTests.test_unix,
 * ClientStringTests.test_unix). Abstract-namespace addresses are UnixAbstractNamespaceTest's.
 * Not ported: file-descriptor passing (sendFileDescriptor: no JDK API), and the Windows cases.
 */
class UnixSocketTest {
    private final NioReactor reactor = new NioReactor();
    private final List<IListeningPort> ports = new ArrayList<>();
    private Path dir;

    @BeforeEach
    void makeDirectory() throws Exception {
        dir = Files.createTempDirectory("unix");
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (IListeningPort port : ports) {
            Loop.result(reactor, port.stopListening());
        }
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    /** Greets, then records. */
    static class Greeter extends Protocol {
        final StringBuilder received = new StringBuilder();
        Failure lost;

        @Override
        public void connectionMade() {
            transport.write("hello".getBytes(StandardCharsets.US_ASCII));
        }

        @Override
        public void dataReceived(byte[] data) {
            received.append(new String(data, StandardCharsets.US_ASCII));
        }

        @Override
        public void connectionLost(Failure reason) {
            lost = reason;
        }
    }

    /** Keeps what it builds and how attempts end. */
    static class Keeping extends ClientFactory {
        final List<Greeter> built = new ArrayList<>();
        Failure failed;

        @Override
        public IProtocol buildProtocol(IAddress address) {
            Greeter g = new Greeter();
            built.add(g);
            return g;
        }

        @Override
        public void clientConnectionFailed(io.jtwisted.internet.interfaces.IConnector connector, Failure reason) {
            failed = reason;
        }
    }

    private String socket() {
        return dir.resolve("test.sock").toString();
    }

    private IListeningPort listen(Factory factory, int mode, boolean wantPID) {
        IListeningPort port = reactor.listenUNIX(socket(), factory, 50, mode, wantPID);
        ports.add(port);
        return port;
    }

    @Test
    void hostAndPeerAreUnixAddresses() {
        Keeping server = new Keeping();
        IListeningPort port = listen(server, 0666, false);
        assertThat(port.getHost()).isEqualTo(new UNIXAddress(socket()));
        Keeping client = new Keeping();
        reactor.connectUNIX(socket(), client);
        Loop.until(
                reactor,
                () -> !server.built.isEmpty()
                        && !client.built.isEmpty()
                        && client.built.get(0).received.toString().equals("hello"));
        assertThat(client.built.get(0).transport().getPeer()).isEqualTo(new UNIXAddress(socket()));
        assertThat(server.built.get(0).transport().getHost()).isEqualTo(new UNIXAddress(socket()));
        assertThat(server.built.get(0).received).hasToString("hello");
        client.built.get(0).transport().loseConnection();
        Loop.until(reactor, () -> server.built.get(0).lost != null);
    }

    @Test
    void theSocketFileGetsTheModeAndIsRemovedOnStop() throws Exception {
        IListeningPort port = reactor.listenUNIX(socket(), new Keeping(), 50, 0600, false);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(socket()))))
                .isEqualTo("rw-------");
        Loop.result(reactor, port.stopListening());
        assertThat(Path.of(socket())).doesNotExist();
    }

    @Test
    void aLiveLockHolderRefusesASecondListenerUntilItStops() {
        IListeningPort first = reactor.listenUNIX(socket(), new Keeping(), 50, 0666, true);
        assertThat(Path.of(socket() + ".lock")).isSymbolicLink();
        assertThatThrownBy(() -> reactor.listenUNIX(socket(), new Keeping(), 50, 0666, true))
                .isInstanceOf(CannotListenError.class)
                .hasMessageContaining("Cannot acquire lock");
        Loop.result(reactor, first.stopListening());
        assertThat(Path.of(socket() + ".lock")).doesNotExist();
        listen(new Keeping(), 0666, true);
    }

    @Test
    void aStaleLockAndSocketFileFromADeadProcessAreCleanedUp() throws Exception {
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Files.createSymbolicLink(Path.of(socket() + ".lock"), Path.of(Long.toString(dead.pid())));
        Files.writeString(Path.of(socket()), "stale");
        listen(new Keeping(), 0666, true);
        Keeping client = new Keeping();
        reactor.connectUNIX(socket(), client, 30, true);
        Loop.until(reactor, () -> !client.built.isEmpty());
        client.built.get(0).transport().loseConnection();
    }

    @Test
    void withoutALockAnExistingFileMakesListeningFail() throws Exception {
        Files.writeString(Path.of(socket()), "in the way");
        assertThatThrownBy(() -> reactor.listenUNIX(socket(), new Keeping(), 50, 0666, false))
                .isInstanceOf(CannotListenError.class);
    }

    @Test
    void connectingToAMissingFileFails() {
        Keeping client = new Keeping();
        reactor.connectUNIX(dir.resolve("nobody.sock").toString(), client);
        Loop.until(reactor, () -> client.failed != null);
        assertThat(client.failed.check(BadFileError.class, ConnectionRefusedError.class))
                .isNotNull();
    }

    @Test
    void checkPIDFailsWhenNoLiveProcessHoldsTheLock() {
        listen(new Keeping(), 0666, false);
        Keeping client = new Keeping();
        reactor.connectUNIX(socket(), client, 30, true);
        Loop.until(reactor, () -> client.failed != null);
        assertThat(client.failed.value()).isInstanceOf(BadFileError.class);
    }

    @Test
    void unixStringsBuildEndpointsWithTwistedsArguments() {
        UNIXServerEndpoint server =
                (UNIXServerEndpoint) Endpoints.serverFromString(reactor, "unix:/var/run/x.sock:mode=660:lockfile=1");
        assertThat(server.address()).isEqualTo("/var/run/x.sock");
        assertThat(server.mode()).isEqualTo(0660);
        assertThat(server.wantPID()).isTrue();
        UNIXClientEndpoint client = (UNIXClientEndpoint)
                Endpoints.clientFromString(reactor, "unix:path=/var/run/x.sock:timeout=9:checkPID=1");
        assertThat(client.path()).isEqualTo("/var/run/x.sock");
        assertThat(client.timeout()).isEqualTo(9.0);
        assertThat(client.checkPID()).isTrue();
        UNIXClientEndpoint plain = (UNIXClientEndpoint) Endpoints.clientFromString(reactor, "unix:/tmp/a\\:b.sock");
        assertThat(plain.path()).as("Twisted's escaping").isEqualTo("/tmp/a:b.sock");
    }

    @Test
    void endpointsListenAndConnect() {
        Keeping server = new Keeping();
        IListeningPort port = Loop.result(reactor, new UNIXServerEndpoint(reactor, socket()).listen(server));
        ports.add(port);
        IProtocol client = Loop.result(
                reactor, new UNIXClientEndpoint(reactor, socket()).connect(Factory.forProtocol(Greeter::new)));
        Loop.until(
                reactor,
                () -> !server.built.isEmpty()
                        && server.built.get(0).received.toString().equals("hello"));
        ((Greeter) client).transport().loseConnection();
        Loop.until(reactor, () -> ((Greeter) client).lost != null && server.built.get(0).lost != null);
    }
}
