package io.jtwisted.internal.unix.datagram;

import io.jtwisted.internal.reactor.NioReactor;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.error.CannotListenError;
import io.jtwisted.internet.interfaces.IConnector;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IUDPTransport;
import io.jtwisted.internet.protocol.ClientFactory;
import io.jtwisted.internet.protocol.DatagramProtocol;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.python.failure.Failure;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run by UnixDatagramWithoutJunixsocketTest in a JVM whose class path lacks junixsocket: TCP,
 * UDP and UNIX streams on paths work; listenUNIXDatagram, and listenUNIX and connectUNIX on an
 * abstract-namespace name, say what is missing. Prints one line per
 * step; a failure escapes as an exception (non-zero exit).
 */
public final class WithoutJunixsocket {
    private WithoutJunixsocket() {}

    public static void main(String[] args) throws Exception {
        NioReactor reactor = new NioReactor();
        IListeningPort tcp = reactor.listenTCP(0, Factory.forProtocol(Protocol::new), 50, "127.0.0.1");
        System.out.println("tcp " + tcp.getHost());
        IUDPTransport udp = reactor.listenUDP(0, new DatagramProtocol(), "127.0.0.1");
        System.out.println("udp " + udp.getHost());
        Path dir = Files.createTempDirectory("jtwisted-nojunix");
        IListeningPort unix = reactor.listenUNIX(dir.resolve("s.sock").toString(), Factory.forProtocol(Protocol::new));
        System.out.println("unix " + unix.getHost());
        try {
            reactor.listenUNIXDatagram(dir.resolve("d.sock").toString(), new DatagramProtocol());
            System.out.println("unix datagram listened without junixsocket");
        } catch (UnsupportedOperationException expected) {
            System.out.println("unix datagram: " + expected.getMessage());
        }
        try {
            reactor.listenUNIX("\0jtwisted-nojunix", Factory.forProtocol(Protocol::new));
            System.out.println("abstract unix stream listened without junixsocket");
        } catch (CannotListenError expected) {
            System.out.println("abstract listen: " + expected.getCause().getMessage());
        }
        Deferred<String> refused = new Deferred<>();
        reactor.connectUNIX("\0jtwisted-nojunix", new ClientFactory() {
            @Override
            public void clientConnectionFailed(IConnector connector, Failure reason) {
                refused.callback(reason.getErrorMessage());
            }
        });
        while (!refused.called()) {
            reactor.iterate(0.01);
        }
        refused.addCallback(message -> {
            System.out.println("abstract connect: " + message);
            return null;
        });
        tcp.stopListening();
        udp.stopListening();
        unix.stopListening();
        reactor.iterate(0);
        reactor.iterate(0);
        Files.deleteIfExists(dir.resolve("s.sock"));
        Files.delete(dir);
    }
}
