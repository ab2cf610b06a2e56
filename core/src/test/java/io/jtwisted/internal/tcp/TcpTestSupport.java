package io.jtwisted.internal.tcp;

import io.jtwisted.internal.reactor.NioReactor;
import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IConnector;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.protocol.ClientFactory;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.python.failure.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Shared pieces of the loopback tests. */
final class TcpTestSupport {
    private TcpTestSupport() {}

    static int port(IListeningPort port) {
        return ((IPv4Address) port.getHost()).port();
    }

    /** A server factory that keeps every protocol it builds. */
    static final class KeepingFactory<P extends Protocol> extends Factory {
        final List<P> built = new ArrayList<>();
        final Supplier<P> maker;
        int starts;
        int stops;

        KeepingFactory(Supplier<P> maker) {
            this.maker = maker;
        }

        @Override
        public IProtocol buildProtocol(IAddress address) {
            P p = maker.get();
            p.setFactory(this);
            built.add(p);
            return p;
        }

        @Override
        public void startFactory() {
            starts++;
        }

        @Override
        public void stopFactory() {
            stops++;
        }
    }

    /** A client factory recording its callbacks. */
    static class RecordingClientFactory<P extends Protocol> extends ClientFactory {
        final List<String> events = new ArrayList<>();
        final List<P> built = new ArrayList<>();
        final Supplier<P> maker;
        final Ending failed = new Ending();
        final Ending lostConnection = new Ending();
        Failure failure;
        int starts;
        int stops;

        RecordingClientFactory(Supplier<P> maker) {
            this.maker = maker;
        }

        @Override
        public void startedConnecting(IConnector connector) {
            events.add("startedConnecting");
        }

        @Override
        public IProtocol buildProtocol(IAddress address) {
            events.add("buildProtocol");
            P p = maker.get();
            p.setFactory(this);
            built.add(p);
            return p;
        }

        @Override
        public void clientConnectionFailed(IConnector connector, Failure reason) {
            events.add("clientConnectionFailed");
            failure = reason;
            failed.record(reason);
        }

        @Override
        public void clientConnectionLost(IConnector connector, Failure reason) {
            events.add("clientConnectionLost");
            lostConnection.record(reason);
        }

        @Override
        public void startFactory() {
            starts++;
        }

        @Override
        public void stopFactory() {
            stops++;
        }
    }

    static NioReactor reactor() {
        return new NioReactor();
    }
}
