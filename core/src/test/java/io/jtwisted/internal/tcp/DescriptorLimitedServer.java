package io.jtwisted.internal.tcp;

import io.jtwisted.internal.reactor.NioReactor;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.logger.LogPublisher;
import io.jtwisted.logger.Logger;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The child process of {@link OutOfDescriptorsTest}'s storm, run under {@code ulimit -n 128}: an
 * echo server on 127.0.0.1 that counts its accept calls. It prints {@code READY <port>}; when the
 * port first reports running out of descriptors, {@code EXHAUSTED}; two seconds later {@code
 * STATS failedAccepts=N logs=L acceptCalls=A} (accept calls that failed in those two seconds, how
 * many "Out of file descriptors" errors were logged, and every accept call so far).
 * A line {@code QUIT} on its standard input stops it.
 *
 * <p>Everything it will need once no descriptor is left (classes are loaded from files) is used
 * once before listening.
 */
final class DescriptorLimitedServer {
    private static final double WINDOW = 2.0;

    private int acceptCalls;
    private int failedAccepts;
    private int logs;
    private int failuresAtExhaustion;

    private DescriptorLimitedServer() {}

    public static void main(String[] args) throws IOException {
        new DescriptorLimitedServer().serve();
    }

    private void serve() throws IOException {
        NioReactor reactor = new NioReactor();
        Logger warmUp = new Logger("warm-up", event -> {});
        warmUp.error("Out of file descriptors accepting on port {} ({}); not accepting for a while", 0, "warm-up");
        stats();
        reactor.callLater(0, () -> {}).cancel();

        LogPublisher.globalLogPublisher().addObserver(event -> {
            if (event.message().contains("Out of file descriptors") && ++logs == 1) {
                failuresAtExhaustion = failedAccepts;
                System.out.println("EXHAUSTED");
                System.out.flush();
                reactor.callLater(WINDOW, () -> {
                    System.out.println(stats());
                    System.out.flush();
                });
            }
        });
        Port port = (Port) reactor.listenTCP(0, Factory.forProtocol(Recorder.Echo::new), 4096, "127.0.0.1");
        port.acceptor = channel -> {
            acceptCalls++;
            try {
                return channel.accept();
            } catch (IOException e) {
                failedAccepts++;
                throw e;
            }
        };
        Thread stdin = new Thread(
                () -> {
                    try {
                        BufferedReader in =
                                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
                        String line;
                        while ((line = in.readLine()) != null && !line.equals("QUIT")) {
                            // only QUIT means anything
                        }
                    } catch (IOException ignored) {
                        // the parent is gone: stop as well
                    }
                    reactor.callFromThread(reactor::stop);
                },
                "stdin");
        stdin.setDaemon(true);
        stdin.start();
        System.out.println("READY " + TcpTestSupport.port(port));
        System.out.flush();
        reactor.run(false);
    }

    private String stats() {
        return "STATS failedAccepts=" + (failedAccepts - failuresAtExhaustion) + " logs=" + logs + " acceptCalls="
                + acceptCalls;
    }
}
