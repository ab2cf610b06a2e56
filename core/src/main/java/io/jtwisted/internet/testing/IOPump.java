package io.jtwisted.internet.testing;

import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.logger.Logger;
import java.nio.charset.StandardCharsets;

/**
 * Moves bytes between the two {@link FakeTransport}s of an in-memory connection, as Twisted's
 * {@code twisted.test.iosim.IOPump}. Each {@link #pump()} delivers what each side wrote since
 * the last one; {@link #flush()} pumps until nothing moves. A close is delivered to both
 * protocols once nothing is left to deliver.
 */
public final class IOPump {
    private static final Logger LOG = Logger.forClass(IOPump.class);
    private static final int MAX_FLUSH_ROUNDS = 1000;

    private final IProtocol client;
    private final IProtocol server;
    private final FakeTransport clientIO;
    private final FakeTransport serverIO;
    private final boolean debug;

    /** A pump between {@code clientIO} and {@code serverIO}; when {@code debug}, traffic is logged. */
    public IOPump(IProtocol client, IProtocol server, FakeTransport clientIO, FakeTransport serverIO, boolean debug) {
        this.client = client;
        this.server = server;
        this.clientIO = clientIO;
        this.serverIO = serverIO;
        this.debug = debug;
    }

    /** The protocol on the connecting side. */
    public IProtocol client() {
        return client;
    }

    /** The protocol on the accepting side. */
    public IProtocol server() {
        return server;
    }

    /** The connecting side's transport. */
    public FakeTransport clientTransport() {
        return clientIO;
    }

    /** The accepting side's transport. */
    public FakeTransport serverTransport() {
        return serverIO;
    }

    /**
     * Pumps until nothing moves.
     *
     * @return whether anything moved
     * @throws IllegalStateException if the protocols are still talking after 1000 rounds
     */
    public boolean flush() {
        boolean moved = false;
        for (int round = 0; round < MAX_FLUSH_ROUNDS; round++) {
            if (!pump()) {
                return moved;
            }
            moved = true;
        }
        throw new IllegalStateException("IOPump.flush: still moving data after " + MAX_FLUSH_ROUNDS + " rounds");
    }

    /**
     * Delivers what each side wrote to the other (asking registered pull producers for more
     * first); when nothing was written, delivers a pending close to both sides.
     *
     * @return whether anything moved
     */
    public boolean pump() {
        byte[] serverData = serverIO.takeOutBuffer();
        byte[] clientData = clientIO.takeOutBuffer();
        clientIO.checkProducer();
        serverIO.checkProducer();
        if (debug) {
            LOG.info(
                    "-- GLUG --{}{}",
                    clientData == null ? "" : "\nC: " + new String(clientData, StandardCharsets.ISO_8859_1),
                    serverData == null ? "" : "\nS: " + new String(serverData, StandardCharsets.ISO_8859_1));
        }
        if (clientData != null) {
            serverIO.bufferReceived(clientData);
        }
        if (serverData != null) {
            clientIO.bufferReceived(serverData);
        }
        if (clientData != null || serverData != null) {
            return true;
        }
        if (serverIO.disconnecting && !serverIO.disconnected) {
            serverIO.disconnected = true;
            clientIO.disconnecting = true;
            clientIO.reportDisconnect();
            serverIO.reportDisconnect();
            clientIO.disconnected = true;
            return true;
        }
        if (clientIO.disconnecting && !clientIO.disconnected) {
            clientIO.disconnected = true;
            serverIO.disconnecting = true;
            serverIO.reportDisconnect();
            clientIO.reportDisconnect();
            serverIO.disconnected = true;
            return true;
        }
        return false;
    }
}
