package io.jtwisted.protocols.tls;

import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.internet.ssl.IConnectionCreator;
import io.jtwisted.internet.testing.FakeTransport;
import io.jtwisted.internet.testing.IOPump;
import io.jtwisted.internet.testing.IOSim;

/** Two protocols connected in memory through a TLS server wrapper and a TLS client wrapper. */
final class TlsPair {
    final TLSMemoryBIOProtocol server;
    final TLSMemoryBIOProtocol client;
    final FakeTransport serverIO;
    final FakeTransport clientIO;
    final IOPump pump;

    private TlsPair(
            TLSMemoryBIOProtocol server,
            TLSMemoryBIOProtocol client,
            FakeTransport serverIO,
            FakeTransport clientIO,
            IOPump pump) {
        this.server = server;
        this.client = client;
        this.serverIO = serverIO;
        this.clientIO = clientIO;
        this.pump = pump;
    }

    static TlsPair connect(
            IConnectionCreator serverOptions,
            Protocol serverProtocol,
            IConnectionCreator clientOptions,
            Protocol clientProtocol) {
        TlsPair pair = connectNoPump(serverOptions, serverProtocol, clientOptions, clientProtocol);
        pair.pump.flush();
        return pair;
    }

    static TlsPair connectNoPump(
            IConnectionCreator serverOptions,
            Protocol serverProtocol,
            IConnectionCreator clientOptions,
            Protocol clientProtocol) {
        TLSMemoryBIOFactory serverFactory =
                new TLSMemoryBIOFactory(serverOptions, false, Factory.forProtocol(() -> serverProtocol));
        TLSMemoryBIOFactory clientFactory =
                new TLSMemoryBIOFactory(clientOptions, true, Factory.forProtocol(() -> clientProtocol));
        IProtocol server = serverFactory.buildProtocol(null);
        IProtocol client = clientFactory.buildProtocol(null);
        FakeTransport serverIO = IOSim.makeFakeServer(server);
        FakeTransport clientIO = IOSim.makeFakeClient(client);
        IOPump pump = IOSim.connect(server, serverIO, client, clientIO, false, false);
        return new TlsPair((TLSMemoryBIOProtocol) server, (TLSMemoryBIOProtocol) client, serverIO, clientIO, pump);
    }
}
