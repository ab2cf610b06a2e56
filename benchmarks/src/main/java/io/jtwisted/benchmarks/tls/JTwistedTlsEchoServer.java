package io.jtwisted.benchmarks.tls;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.internet.ssl.CertificateOptions;
import io.jtwisted.internet.ssl.PrivateCertificate;
import io.jtwisted.protocols.tls.TLSMemoryBIOFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The howtos' Echo over TLS: {@code listenSSL}, or, given an inline task share (see {@link
 * TLSMemoryBIOFactory#setInlineTaskShare}), {@code listenTCP} with a {@link TLSMemoryBIOFactory}
 * set to that share. Prints {@code READY <port>}.
 * Usage: {@code JTwistedTlsEchoServer KEY_AND_CERT.pem [port [inline-task-share]]}.
 */
public final class JTwistedTlsEchoServer {
    private JTwistedTlsEchoServer() {}

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
        CertificateOptions options = CertificateOptions.forCertificate(certificate);
        IListeningPort listening;
        if (args.length > 2) {
            TLSMemoryBIOFactory tls = new TLSMemoryBIOFactory(options, false, Factory.forProtocol(Echo::new), reactor)
                    .setInlineTaskShare(Double.parseDouble(args[2]));
            listening = reactor.listenTCP(port, tls, 1024, "127.0.0.1");
        } else {
            listening = reactor.listenSSL(port, Factory.forProtocol(Echo::new), options, 1024, "127.0.0.1");
        }
        System.out.println("READY " + ((IPv4Address) listening.getHost()).port());
        System.out.flush();
        reactor.run();
    }
}
