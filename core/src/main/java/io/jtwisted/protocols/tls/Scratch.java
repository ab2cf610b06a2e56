package io.jtwisted.protocols.tls;

import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;

/**
 * The engine buffers every connection of one thread shares: the plaintext that {@code unwrap}
 * produces and the ciphertext that {@code wrap} produces. Both are emptied before anything else
 * can run (plaintext is copied out before {@code dataReceived}, ciphertext handed to the
 * transport before any callback), so one pair per reactor thread serves all its connections and a
 * connection costs only its partial-record input buffer.
 */
final class Scratch {
    private static final ThreadLocal<Scratch> PER_THREAD = ThreadLocal.withInitial(Scratch::new);

    private ByteBuffer appIn = ByteBuffer.allocate(16 * 1024 + 256);
    private ByteBuffer netOut = ByteBuffer.allocate(17 * 1024 + 512);

    private Scratch() {}

    static Scratch get() {
        return PER_THREAD.get();
    }

    /** The plaintext buffer, empty, at least as large as the engine's application buffer. */
    ByteBuffer appIn(SSLEngine engine) {
        int needed = engine.getSession().getApplicationBufferSize();
        if (appIn.capacity() < needed) {
            appIn = ByteBuffer.allocate(needed);
        }
        appIn.clear();
        return appIn;
    }

    void growAppIn(SSLEngine engine) {
        appIn = ByteBuffer.allocate(
                Math.max(appIn.capacity() * 2, engine.getSession().getApplicationBufferSize()));
    }

    /** The ciphertext buffer, possibly holding bytes not yet flushed, with room for at least one record. */
    ByteBuffer netOut(SSLEngine engine) {
        int needed = engine.getSession().getPacketBufferSize();
        if (netOut.capacity() < needed) {
            ByteBuffer bigger = ByteBuffer.allocate(needed + netOut.position());
            netOut.flip();
            bigger.put(netOut);
            netOut = bigger;
        }
        return netOut;
    }

    void growNetOut(SSLEngine engine) {
        ByteBuffer bigger = ByteBuffer.allocate(
                Math.max(netOut.capacity() * 2, engine.getSession().getPacketBufferSize()));
        netOut.flip();
        bigger.put(netOut);
        netOut = bigger;
    }

    /** Sends the pending ciphertext through {@code protocol}'s transport and empties the buffer. */
    void flush(TLSMemoryBIOProtocol protocol) {
        if (netOut.position() > 0) {
            protocol.sendRaw(netOut);
        }
    }
}
