package io.jtwisted.examples.tls;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.endpoints.SSL4ServerEndpoint;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.internet.ssl.CertificateOptions;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * The echo server of the howtos over TLS: the same {@code Echo} protocol, listened for with an
 * {@code SSL4ServerEndpoint}. {@code bin/run-example TLSEchoServer [PORT] [CERT.pem KEY.pem]}
 * (8443; without a certificate it makes a throw-away self-signed one for localhost and prints its
 * fingerprint). Try it with {@code openssl s_client -connect localhost:8443}.
 */
@Example(
        value = "Echo server over TLS (self-signed certificate unless one is given)",
        usage = "[PORT] [CERT.pem KEY.pem]",
        port = 8443)
public final class TLSEchoServer {
    private TLSEchoServer() {}

    /** Writes back whatever it receives: TLS changes nothing here. */
    public static class Echo extends Protocol {
        @Override
        public void dataReceived(byte[] data) {
            transport.write(data);
        }
    }

    public static void main(String[] args) throws IOException {
        CertificateOptions options = CertificateOptions.forCertificate(ServerCertificate.load(args, 1));
        new SSL4ServerEndpoint(reactor, ServerCertificate.port(args, 8443), options)
                .listen(Factory.forProtocol(Echo::new))
                .<@Nullable Object>addCallback((IListeningPort port) -> {
                    System.out.println("TLS echo server listening on port " + ServerCertificate.portOf(port));
                    return null;
                })
                .addErrback(failure -> {
                    System.out.println("Cannot listen: " + failure.getErrorMessage());
                    reactor.stop();
                    return null;
                });
        reactor.run();
    }
}
