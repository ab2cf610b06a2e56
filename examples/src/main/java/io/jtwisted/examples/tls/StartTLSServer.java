package io.jtwisted.examples.tls;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.ITLSTransport;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.ssl.CertificateOptions;
import io.jtwisted.protocols.basic.LineReceiver;
import java.io.IOException;

/**
 * Twisted's {@code starttls_server.py}: a line protocol that prints each line it receives, and on
 * the line {@code STARTTLS} answers {@code READY} (in clear) and switches the connection to TLS.
 * {@code bin/run-example StartTLSServer [PORT] [CERT.pem KEY.pem]} (8000; a throw-away self-signed
 * certificate for localhost unless one is given).
 */
@Example(
        value = "Line server that switches to TLS on the line STARTTLS",
        usage = "[PORT] [CERT.pem KEY.pem]",
        port = 8000)
public class StartTLSServer extends LineReceiver {
    private final CertificateOptions options;

    public StartTLSServer(CertificateOptions options) {
        this.options = options;
    }

    @Override
    public void lineReceived(String line) {
        System.out.println("received: " + line);
        if (line.equals("STARTTLS")) {
            System.out.println("-- Switching to TLS");
            sendLine("READY");
            ((ITLSTransport) transport).startTLS(options);
        }
    }

    public static void main(String[] args) throws IOException {
        CertificateOptions options = CertificateOptions.forCertificate(ServerCertificate.load(args, 1));
        // every TCP transport is an ITLSTransport: no wrapping needed
        IListeningPort port = reactor.listenTCP(
                ServerCertificate.port(args, 8000), Factory.forProtocol(() -> new StartTLSServer(options)));
        System.out.println("STARTTLS server listening on port " + ServerCertificate.portOf(port));
        reactor.run();
    }
}
