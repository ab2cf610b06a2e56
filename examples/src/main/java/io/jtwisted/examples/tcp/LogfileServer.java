package io.jtwisted.examples.tcp;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.protocols.basic.LineReceiver;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The howtos' factory start-up and shut-down example: the factory opens its log file in
 * {@code startFactory} (when the first port starts using it) and closes it in
 * {@code stopFactory} (when the last one stops, e.g. at Ctrl-C); every line a client sends is
 * appended to it. {@code bin/run-example LogfileServer [port] [file]} (8007 and
 * {@code logfile.txt} by default).
 */
@Example(
        value = "Factory start-up and shut-down: opens its log file in startFactory",
        usage = "[PORT] [FILE]",
        port = 8007)
public final class LogfileServer {
    private LogfileServer() {}

    /** Appends every line it receives to the factory's file. */
    public static class LoggingProtocol extends LineReceiver {
        @Override
        public void lineReceived(byte[] line) {
            LogfileFactory f = (LogfileFactory) factory;
            try {
                f.fp.write(line);
                f.fp.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Owns the log file between startFactory and stopFactory. */
    public static class LogfileFactory extends Factory {
        private final String file;

        @SuppressWarnings("NullAway.Init") // opened by startFactory, which runs before the factory builds a protocol
        OutputStream fp;

        public LogfileFactory(String fileName) {
            this.protocol = LoggingProtocol::new;
            this.file = fileName;
        }

        @Override
        public void startFactory() {
            try {
                fp = new FileOutputStream(file, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void stopFactory() {
            try {
                fp.close();
                System.out.println("log file " + file + " closed");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static void main(String[] args) {
        String file = Args.arg(args, 1, "logfile.txt");
        IListeningPort port = reactor.listenTCP(Args.port(args, 8007), new LogfileFactory(file));
        System.out.println("LogfileServer listening on port " + Args.portOf(port) + ", logging to " + file);
        reactor.run();
    }
}
