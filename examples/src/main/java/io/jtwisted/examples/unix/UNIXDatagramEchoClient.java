package io.jtwisted.examples.unix;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.protocol.ConnectedDatagramProtocol;
import io.jtwisted.python.failure.Failure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A connected UNIX datagram client: binds a socket file of its own (so that the server can
 * answer), sends one line to {@code PATH}, prints the answer and stops; reports when nothing
 * listens there. {@code bin/run-example UNIXDatagramEchoClient PATH [TEXT]}.
 */
@Example(value = "Connected UNIX datagram client: sends a line, prints the echo", usage = "PATH [TEXT]")
public final class UNIXDatagramEchoClient extends ConnectedDatagramProtocol {
    private final byte[] text;

    private UNIXDatagramEchoClient(String text) {
        this.text = text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void startProtocol() {
        transport.write(text);
    }

    @Override
    public void datagramReceived(byte[] datagram) {
        System.out.println(new String(datagram, StandardCharsets.UTF_8));
        reactor.stop();
    }

    @Override
    public void connectionFailed(Failure reason) {
        System.out.println("connection failed: " + reason.getErrorMessage());
        reactor.callWhenRunning(reactor::stop);
    }

    @Override
    public void connectionRefused() {
        System.out.println("connection refused: nothing listens there any more");
        reactor.stop();
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("PATH is required");
        }
        Path own = Files.createTempDirectory("unix-datagram-client").resolve("client.sock");
        reactor.connectUNIXDatagram(
                args[0], new UNIXDatagramEchoClient(args.length > 1 ? args[1] : "hello"), own.toString());
        reactor.callLater(10, reactor::stop);
        try {
            reactor.run();
        } finally {
            Files.deleteIfExists(own);
            Files.deleteIfExists(own.getParent());
        }
    }
}
