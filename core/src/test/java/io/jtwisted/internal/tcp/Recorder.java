package io.jtwisted.internal.tcp;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IHalfCloseableProtocol;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.python.failure.Failure;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A protocol that records what happens to it, with Deferreds for "made" and "lost". */
class Recorder extends Protocol {
    final ByteArrayOutputStream received = new ByteArrayOutputStream();
    final List<Integer> chunkSizes = new ArrayList<>();
    final Deferred<Recorder> made = new Deferred<>();
    final Ending lost = new Ending();
    Failure reason;
    byte[] greeting;
    boolean closeAfterGreeting;

    Recorder() {}

    Recorder(String greeting, boolean closeAfterGreeting) {
        this.greeting = greeting.getBytes(StandardCharsets.UTF_8);
        this.closeAfterGreeting = closeAfterGreeting;
    }

    @Override
    public void connectionMade() {
        if (greeting != null) {
            transport.write(greeting);
        }
        if (closeAfterGreeting) {
            transport.loseConnection();
        }
        made.callback(this);
    }

    @Override
    public void dataReceived(byte[] data) {
        chunkSizes.add(data.length);
        received.writeBytes(data);
    }

    @Override
    public void connectionLost(Failure reason) {
        super.connectionLost(reason);
        this.reason = reason;
        lost.record(reason);
    }

    String text() {
        return received.toString(StandardCharsets.UTF_8);
    }

    /** Echoes what it receives. */
    static class Echo extends Recorder {
        @Override
        public void dataReceived(byte[] data) {
            super.dataReceived(data);
            transport.write(data);
        }
    }

    /** Records half-close events too. */
    static class HalfClose extends Recorder implements IHalfCloseableProtocol {
        final Deferred<Void> readLost = new Deferred<>();
        final Deferred<Void> writeLost = new Deferred<>();

        @Override
        public void readConnectionLost() {
            readLost.callback(null);
        }

        @Override
        public void writeConnectionLost() {
            writeLost.callback(null);
        }
    }
}
