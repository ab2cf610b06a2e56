package io.jtwisted.internet.testing;

import io.jtwisted.internet.endpoints.TCP4ClientEndpoint;
import io.jtwisted.internet.endpoints.TCP4ServerEndpoint;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IStreamClientEndpoint;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import java.util.function.Supplier;

/**
 * Runs a server protocol and a client protocol against each other in memory, as Twisted's
 * {@code twisted.test.iosim}: no sockets, no reactor, every byte moved when the test says so.
 *
 * <pre>{@code
 * var connection = IOSim.connectedServerAndClient(Echo::new, AccumulatingProtocol::new);
 * connection.client().transport().write("hi".getBytes(UTF_8));
 * connection.pump().flush();
 * assertThat(connection.client().dataString()).isEqualTo("hi");
 * }</pre>
 */
public final class IOSim {
    private IOSim() {}

    /**
     * The two protocols of an in-memory connection and the pump that moves bytes between them.
     *
     * @param <S> the server protocol's type
     * @param <C> the client protocol's type
     */
    public record ServerAndClient<S extends IProtocol, C extends IProtocol>(C client, S server, IOPump pump) {}

    /** A transport for the connecting side, delivering to {@code clientProtocol}. */
    public static FakeTransport makeFakeClient(IProtocol clientProtocol) {
        return new FakeTransport(clientProtocol, false);
    }

    /** A transport for the accepting side, delivering to {@code serverProtocol}. */
    public static FakeTransport makeFakeServer(IProtocol serverProtocol) {
        return new FakeTransport(serverProtocol, true);
    }

    /**
     * Connects the two protocols to their transports (server first), and returns the pump
     * between them, {@linkplain IOPump#flush() flushed} once when {@code greet} so that
     * greetings sent from {@code connectionMade} have arrived.
     */
    public static IOPump connect(
            IProtocol serverProtocol,
            FakeTransport serverTransport,
            IProtocol clientProtocol,
            FakeTransport clientTransport,
            boolean debug,
            boolean greet) {
        serverProtocol.makeConnection(serverTransport);
        clientProtocol.makeConnection(clientTransport);
        IOPump pump = new IOPump(clientProtocol, serverProtocol, clientTransport, serverTransport, debug);
        if (greet) {
            pump.flush();
        }
        return pump;
    }

    /** {@link #connect(IProtocol, FakeTransport, IProtocol, FakeTransport, boolean, boolean)} without debug, greeting. */
    public static IOPump connect(
            IProtocol serverProtocol,
            FakeTransport serverTransport,
            IProtocol clientProtocol,
            FakeTransport clientTransport) {
        return connect(serverProtocol, serverTransport, clientProtocol, clientTransport, false, true);
    }

    /**
     * Builds a server and a client protocol, connects them in memory and flushes the greeting.
     *
     * @param serverProtocol builds the accepting side, e.g. {@code Echo::new}
     * @param clientProtocol builds the connecting side
     */
    public static <S extends IProtocol, C extends IProtocol> ServerAndClient<S, C> connectedServerAndClient(
            Supplier<? extends S> serverProtocol, Supplier<? extends C> clientProtocol) {
        return connectedServerAndClient(serverProtocol.get(), clientProtocol.get(), true);
    }

    /**
     * Connects the given protocol instances in memory; flushes once when {@code greet} (pass
     * {@code false} to see the greeting arrive on the first {@link IOPump#pump()}).
     */
    public static <S extends IProtocol, C extends IProtocol> ServerAndClient<S, C> connectedServerAndClient(
            S serverProtocol, C clientProtocol, boolean greet) {
        FakeTransport clientTransport = makeFakeClient(clientProtocol);
        FakeTransport serverTransport = makeFakeServer(serverProtocol);
        IOPump pump = connect(serverProtocol, serverTransport, clientProtocol, clientTransport, false, greet);
        return new ServerAndClient<>(clientProtocol, serverProtocol, pump);
    }

    /**
     * A client endpoint and the {@link ConnectionCompleter} that decides what becomes of its
     * connection attempts.
     */
    public record ConnectableEndpoint(IStreamClientEndpoint endpoint, ConnectionCompleter completer) {}

    /**
     * A client endpoint whose connection attempts succeed (in memory, against a server that
     * does nothing) or fail when the test says so, as Twisted's {@code iosim.connectableEndpoint}:
     * {@code completer().succeedOnce()} returns the pump, {@code completer().failOnce()} fails it.
     */
    public static ConnectableEndpoint connectableEndpoint() {
        MemoryReactorClock reactor = new MemoryReactorClock();
        IStreamClientEndpoint client = new TCP4ClientEndpoint(reactor, "0.0.0.0", 4321);
        new TCP4ServerEndpoint(reactor, 4321).listen(Factory.forProtocol(() -> new Protocol() {}));
        return new ConnectableEndpoint(client, new ConnectionCompleter(reactor));
    }
}
