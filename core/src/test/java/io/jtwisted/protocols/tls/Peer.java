package io.jtwisted.protocols.tls;

import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.python.failure.Failure;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A protocol for loopback tests: records data, fires {@code lost} with the reason; optionally echoes. */
class Peer extends Protocol {
    final ByteArrayOutputStream received = new ByteArrayOutputStream();
    Failure reason; // set by connectionLost
    final boolean echo;

    Peer(boolean echo) {
        this.echo = echo;
    }

    @Override
    public void dataReceived(byte[] data) {
        received.writeBytes(data);
        if (echo) {
            transport.write(data);
        }
    }

    @Override
    public void connectionLost(Failure reason) {
        super.connectionLost(reason);
        this.reason = reason;
    }

    /** Turns the reactor until the connection is lost; returns why. */
    Failure awaitLost(io.jtwisted.internal.reactor.NioReactor reactor) {
        io.jtwisted.internal.tcp.Loop.until(reactor, () -> reason != null);
        return reason;
    }

    String text() {
        return received.toString(StandardCharsets.UTF_8);
    }
}
