package io.jtwisted.internal.unix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internal.reactor.NioReactor;
import io.jtwisted.internal.stream.StreamTransport;
import io.jtwisted.internal.tcp.Loop;
import io.jtwisted.internal.unix.UnixSocketTest.Greeter;
import io.jtwisted.internal.unix.UnixSocketTest.Keeping;
import io.jtwisted.internal.unix.afunix.AbstractNamespaceChannels;
import io.jtwisted.internal.unix.afunix.ForeignKey;
import io.jtwisted.internet.address.UNIXAddress;
import io.jtwisted.internet.endpoints.Endpoints;
import io.jtwisted.internet.endpoints.UNIXClientEndpoint;
import io.jtwisted.internet.endpoints.UNIXServerEndpoint;
import io.jtwisted.internet.error.BadFileError;
import io.jtwisted.internet.error.CannotListenError;
import io.jtwisted.internet.error.ConnectionDone;
import io.jtwisted.internet.error.ConnectionRefusedError;
import io.jtwisted.internet.interfaces.IConnector;
import io.jtwisted.internet.interfaces.IFileDescriptor;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.protocol.Factory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * UNIX stream sockets on Linux's abstract namespace ({@code "\0name"}), on junixsocket's channels
 * (the stream contract itself runs over them in StreamTransportTest). Ported from
 * twisted/internet/test/test_unix.py: UNIXTestsBuilder.test_listenOnLinuxAbstractNamespace
 * (getHost is the name with its NUL) and test_connectToLinuxAbstractNamespace (getDestination);
 * UnixClientTestsBuilder runs Twisted's client cases on abstract names, as StreamTransportTest
 * does here. Added, from Twisted's unix.py: no file, so no mode, nothing removed, and the name is
 * free again once the port stops; a lock file (wantPID, checkPID) cannot sit beside a name that is
 * not a file, and says so (Twisted fails there with Python's "embedded null byte"). And what the
 * poller hop must keep: a connection whose peer hung up while it was paused is heard when it
 * resumes; an idle connection does not wake the reactor; the poller thread ends with the last
 * socket.
 */
class UnixAbstractNamespaceTest {
    private static final AtomicInteger NAMES = new AtomicInteger();

    private final NioReactor reactor = new NioReactor();
    private final List<IListeningPort> ports = new ArrayList<>();
    private final List<Greeter> connected = new ArrayList<>();
    private final String name = "\0jtwisted-abstract-" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet();

    @AfterEach
    void cleanUp() {
        for (Greeter peer : connected) {
            peer.transport().loseConnection();
        }
        Loop.until(reactor, () -> connected.stream().allMatch(peer -> peer.lost != null));
        for (IListeningPort port : ports) {
            Loop.result(reactor, port.stopListening());
        }
    }

    private IListeningPort listen(Keeping factory) {
        IListeningPort port = reactor.listenUNIX(name, factory);
        ports.add(port);
        return port;
    }

    /** A connected pair on {@link #name}: [server, client]. */
    private List<Greeter> pair(Keeping server, Keeping client) {
        listen(server);
        reactor.connectUNIX(name, client);
        Loop.until(
                reactor,
                () -> !server.built.isEmpty()
                        && !client.built.isEmpty()
                        && client.built.get(0).received.toString().equals("hello")
                        && server.built.get(0).received.toString().equals("hello"));
        connected.add(server.built.get(0));
        connected.add(client.built.get(0));
        return List.of(server.built.get(0), client.built.get(0));
    }

    @Test
    void hostPeerAndDestinationAreUnixAddressesWithTheLeadingNul() {
        Keeping server = new Keeping();
        IListeningPort port = listen(server);
        assertThat(port.getHost()).isEqualTo(new UNIXAddress(name));
        Keeping client = new Keeping();
        IConnector connector = reactor.connectUNIX(name, client);
        assertThat(connector.getDestination()).isEqualTo(new UNIXAddress(name));
        Loop.until(
                reactor,
                () -> !server.built.isEmpty()
                        && !client.built.isEmpty()
                        && client.built.get(0).received.toString().equals("hello"));
        assertThat(client.built.get(0).transport().getPeer()).isEqualTo(new UNIXAddress(name));
        assertThat(client.built.get(0).transport().getHost()).isEqualTo(new UNIXAddress(""));
        assertThat(server.built.get(0).transport().getHost()).isEqualTo(new UNIXAddress(name));
        assertThat(server.built.get(0).transport().getPeer()).isEqualTo(new UNIXAddress(""));
        assertThat(port.toString()).contains("\\0jtwisted-abstract-").doesNotContain("\0");
        client.built.get(0).transport().loseConnection();
        Loop.until(reactor, () -> server.built.get(0).lost != null && client.built.get(0).lost != null);
        assertThat(server.built.get(0).lost.check(ConnectionDone.class)).isNotNull();
    }

    @Test
    void theModeIsIgnoredAndTheNameIsFreeAgainOnceThePortStops() {
        IListeningPort first = reactor.listenUNIX(name, new Keeping(), 50, 0600, false);
        assertThatThrownBy(() -> reactor.listenUNIX(name, new Keeping()))
                .as("the name is taken while the port listens")
                .isInstanceOf(CannotListenError.class);
        Loop.result(reactor, first.stopListening());
        Keeping server = new Keeping();
        Keeping client = new Keeping();
        pair(server, client); // listens on the same name again: nothing was left behind
    }

    @Test
    void wantPIDIsRefusedForANameThatIsNotAFile() {
        assertThatThrownBy(() -> reactor.listenUNIX(name, new Keeping(), 50, 0666, true))
                .isInstanceOf(CannotListenError.class)
                .hasMessageContaining("no lock file");
        assertThat(reactor.getReaders()).isEmpty();
    }

    @Test
    void checkPIDFailsWithBadFileErrorForANameThatIsNotAFile() {
        listen(new Keeping());
        Keeping client = new Keeping();
        reactor.connectUNIX(name, client, 30, true);
        Loop.until(reactor, () -> client.failed != null);
        assertThat(client.failed.value()).isInstanceOf(BadFileError.class);
        assertThat(client.failed.value().getCause()).hasMessageContaining("no lock file");
    }

    @Test
    void connectingToANameNobodyListensOnIsRefused() {
        Keeping client = new Keeping();
        reactor.connectUNIX(name, client);
        Loop.until(reactor, () -> client.failed != null);
        assertThat(client.failed.value()).isInstanceOf(ConnectionRefusedError.class);
        assertThat(reactor.getReaders()).isEmpty();
    }

    @Test
    void unixStringsTakeAnAbstractName() {
        UNIXServerEndpoint server = (UNIXServerEndpoint) Endpoints.serverFromString(reactor, "unix:" + name);
        assertThat(server.address()).isEqualTo(name);
        Keeping accepted = new Keeping();
        ports.add(Loop.result(reactor, server.listen(accepted)));
        UNIXClientEndpoint client =
                (UNIXClientEndpoint) Endpoints.clientFromString(reactor, "unix:path=" + name + ":timeout=5");
        IProtocol connected = Loop.result(reactor, client.connect(Factory.forProtocol(Greeter::new)));
        Loop.until(
                reactor,
                () -> !accepted.built.isEmpty()
                        && accepted.built.get(0).received.toString().equals("hello"));
        ((Greeter) connected).transport().loseConnection();
        Loop.until(reactor, () -> accepted.built.get(0).lost != null);
    }

    @Test
    void aPeerThatHungUpWhileTheReaderWasPausedIsHeardWhenItResumes() {
        List<Greeter> peers = pair(new Keeping(), new Keeping());
        Greeter server = peers.get(0);
        Greeter client = peers.get(1);
        StreamTransport reader = (StreamTransport) client.transport();
        reader.pauseProducing();
        byte[] tail = new byte[300 * 1024];
        java.util.Arrays.fill(tail, (byte) 'x');
        server.transport().write(tail);
        server.transport().loseConnection(); // sent in pieces as the reader's socket takes them
        reactor.iterate(0.05);
        reader.resumeProducing();
        Loop.until(reactor, () -> server.lost != null);
        reader.pauseProducing(); // the peer has closed now: its socket hangs up
        for (int i = 0; i < 5; i++) {
            reactor.iterate(0.02);
        }
        assertThat(client.lost).as("not heard while paused").isNull();
        reader.resumeProducing();
        Loop.until(reactor, () -> client.lost != null);
        assertThat(client.lost.check(ConnectionDone.class)).isNotNull();
        assertThat(client.received.length()).isEqualTo("hello".length() + tail.length);
    }

    @Test
    void bytesSentBeforeAHangUpAreReadAfterThePollerHasSelectedAgain() {
        // the hung-up key leaves junixsocket's selector; its channel, with the unread bytes, must not
        UnixSupport support = new UnixSupport(reactor, () -> new AbstractNamespaceChannels(reactor));
        AbstractNamespaceChannels channels = (AbstractNamespaceChannels) support.channelsFor(name);
        Keeping server = new Keeping();
        Keeping client = new Keeping();
        ports.add(support.listenUNIX(name, server, 50, 0666, false));
        support.connectUNIX(name, client, 30, false);
        Loop.until(
                reactor,
                () -> !server.built.isEmpty()
                        && !client.built.isEmpty()
                        && client.built.get(0).received.toString().equals("hello"));
        Greeter writer = server.built.get(0);
        Greeter reader = client.built.get(0);
        ((StreamTransport) reader.transport()).pauseProducing();
        byte[] tail = new byte[64 * 1024];
        java.util.Arrays.fill(tail, (byte) 'y');
        writer.transport().write(tail);
        writer.transport().loseConnection();
        Loop.until(reactor, () -> writer.lost != null && channels.hangUps() > 0);
        support.connectUNIX(name, client, 30, false); // its set-up makes the poller select again
        Loop.until(
                reactor,
                () -> client.built.size() == 2
                        && server.built.size() == 2
                        && server.built.get(1).received.toString().equals("hello"));
        connected.add(client.built.get(1));
        connected.add(server.built.get(1));
        ((StreamTransport) reader.transport()).resumeProducing();
        Loop.until(reactor, () -> reader.lost != null);
        assertThat(reader.lost.check(ConnectionDone.class)).isNotNull();
        assertThat(reader.received.length()).isEqualTo("hello".length() + tail.length);
    }

    @Test
    void anIdleConnectionDoesNotWakeTheReactor() {
        pair(new Keeping(), new Keeping());
        reactor.iterate(0.02);
        List<ForeignKey> keys = new ArrayList<>();
        for (IFileDescriptor reader : reactor.getReaders()) {
            keys.add((ForeignKey) reader);
        }
        assertThat(keys).hasSize(3); // the port and both ends
        long before = keys.stream().mapToLong(ForeignKey::wakeups).sum();
        for (int i = 0; i < 5; i++) {
            reactor.iterate(0.02); // a spinning poller would wake the reactor in each of these
        }
        assertThat(keys.stream().mapToLong(ForeignKey::wakeups).sum()).isEqualTo(before);
    }

    @Test
    void thePollerThreadRunsOnlyWhileAbstractSocketsAreOpen() {
        UnixSupport support = new UnixSupport(reactor, () -> new AbstractNamespaceChannels(reactor));
        AbstractNamespaceChannels channels = (AbstractNamespaceChannels) support.channelsFor(name);
        assertThat(channels.polling()).isFalse();
        Keeping server = new Keeping();
        IListeningPort port = support.listenUNIX(name, server, 50, 0666, false);
        assertThat(channels.polling()).isTrue();
        Keeping client = new Keeping();
        support.connectUNIX(name, client, 30, false);
        Loop.until(
                reactor,
                () -> !client.built.isEmpty()
                        && !server.built.isEmpty()
                        && server.built.get(0).received.toString().equals("hello"));
        Loop.result(reactor, port.stopListening());
        assertThat(channels.polling()).as("the connection is still open").isTrue();
        client.built.get(0).transport().loseConnection();
        Loop.until(reactor, () -> client.built.get(0).lost != null && server.built.get(0).lost != null);
        assertThat(channels.polling()).isFalse();
    }
}
