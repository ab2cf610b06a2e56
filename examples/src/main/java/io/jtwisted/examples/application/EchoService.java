package io.jtwisted.examples.application;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.application.service.Service;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IReactorTCP;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;

/**
 * The {@code EchoService} of Twisted's howtos ("Twisted Application Framework"): starting it listens, and
 * stopping it returns {@code stopListening()}'s Deferred, so whoever stops it waits until the port is closed.
 */
public class EchoService extends Service {
    private final int portNum;
    private final IReactorTCP tcp;

    @SuppressWarnings("NullAway.Init") // set by startService, which a service's parent calls before stopService
    private IListeningPort port;

    /** An echo service on {@code portNum}, through the global reactor. */
    public EchoService(int portNum) {
        this(portNum, reactor);
    }

    /** An echo service on {@code portNum}, through {@code tcp}. */
    public EchoService(int portNum, IReactorTCP tcp) {
        this.portNum = portNum;
        this.tcp = tcp;
    }

    /** The port while the service runs. */
    public IListeningPort port() {
        return port;
    }

    @Override
    public void startService() {
        super.startService();
        port = tcp.listenTCP(
                portNum,
                Factory.forProtocol(() -> new Protocol() {
                    @Override
                    public void dataReceived(byte[] data) {
                        transport.write(data);
                    }
                }),
                50,
                "127.0.0.1");
    }

    @Override
    public Deferred<?> stopService() {
        super.stopService();
        return port.stopListening();
    }
}
