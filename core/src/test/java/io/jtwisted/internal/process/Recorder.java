package io.jtwisted.internal.process;

import io.jtwisted.internet.protocol.ProcessProtocol;
import io.jtwisted.python.failure.Failure;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A process protocol that records every event, in order, with the thread it ran on: the tests
 * drive the reactor on their own thread, so every callback must have run on it.
 */
class Recorder extends ProcessProtocol {
    final List<String> events = new ArrayList<>();
    final List<Thread> threads = new ArrayList<>();
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    int outChunks;
    Failure exitedReason;
    Failure endedReason;
    Runnable endedCallback = () -> {};

    private void event(String name) {
        events.add(name);
        threads.add(Thread.currentThread());
    }

    @Override
    public void connectionMade() {
        event("connectionMade");
    }

    @Override
    public void outReceived(byte[] data) {
        if (outChunks++ == 0) {
            event("out");
        }
        threads.add(Thread.currentThread());
        out.writeBytes(data);
    }

    @Override
    public void errReceived(byte[] data) {
        threads.add(Thread.currentThread());
        err.writeBytes(data);
    }

    @Override
    public void inConnectionLost() {
        event("inConnectionLost");
    }

    @Override
    public void outConnectionLost() {
        event("outConnectionLost");
    }

    @Override
    public void errConnectionLost() {
        event("errConnectionLost");
    }

    @Override
    public void processExited(Failure reason) {
        event("processExited");
        exitedReason = reason;
    }

    @Override
    public void processEnded(Failure reason) {
        super.processEnded(reason);
        event("processEnded");
        endedReason = reason;
        endedCallback.run();
    }

    boolean ended() {
        return endedReason != null;
    }

    String outText() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
