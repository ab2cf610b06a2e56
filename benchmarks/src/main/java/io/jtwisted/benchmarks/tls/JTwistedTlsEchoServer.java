package io.jtwisted.benchmarks.tls;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.internet.ssl.CertificateOptions;
import io.jtwisted.internet.ssl.PrivateCertificate;
import java.nio.file.Files;
import java.nio.file.Path;

/** The howtos' Echo over {@code listenSSL}. Prints {@code READY <port>}. Usage: {@code JTwistedTlsEchoServer KEY_AND_CERT.pem [port]}. */
public final class JTwistedTlsEchoServer {
    private JTwistedTlsEchoServer() {
    }

    static final class Echo extends Protocol {
        @Override
        public void dataReceived(byte[] data) {
            transport.write(data);
        }
    }

    public static void main(String[] args) throws Exception {
        PrivateCertificate certificate = PrivateCertificate.loadPEM(Files.readString(Path.of(args[0])));
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        Reactor reactor = Reactor.reactor;
        IListeningPort listening = reactor.listenSSL(port, Factory.forProtocol(Echo::new),
                CertificateOptions.forCertificate(certificate), 1024, "127.0.0.1");
        System.out.println("READY " + ((IPv4Address) listening.getHost()).port());
        System.out.flush();
        reactor.run();
    }
}
