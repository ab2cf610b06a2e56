package io.jtwisted.examples.tls;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.endpoints.Endpoints;
import io.jtwisted.internet.endpoints.SSL4ClientEndpoint;
import io.jtwisted.internet.interfaces.ISSLTransport;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.internet.ssl.Certificate;
import io.jtwisted.internet.ssl.ITrustRoot;
import io.jtwisted.internet.ssl.SSL;
import io.jtwisted.python.failure.Failure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A TLS client for {@link TLSEchoServer}: checks the server's certificate (against {@code CA.pem},
 * or the platform's CAs) and host name, sends a line, prints what comes back and hangs up.
 * {@code bin/run-example TLSEchoClient HOST PORT [CA.pem]}.
 */
@Example(
        value = "TLS client that verifies the server, sends a line and prints the echo",
        usage = "HOST PORT [CA.pem]",
        port = 8443)
public class TLSEchoClient extends Protocol {
    private final StringBuilder received = new StringBuilder();

    @Override
    public void connectionMade() {
        transport.write("hello, TLS\r\n".getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void dataReceived(byte[] data) {
        received.append(new String(data, StandardCharsets.UTF_8));
        if (received.toString().endsWith("\r\n")) {
            System.out.print(received);
            transport.loseConnection();
        }
    }

    @Override
    public void connectionLost(Failure reason) {
        reactor.stop();
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: TLSEchoClient HOST PORT [CA.pem]");
            System.exit(2);
        }
        String host = args[0];
        ITrustRoot trust =
                args.length > 2 ? SSL.trustRootFromCertificates(Certificate.loadPEMFile(Path.of(args[2]))) : null;
        SSL4ClientEndpoint endpoint =
                new SSL4ClientEndpoint(reactor, host, Integer.parseInt(args[1]), SSL.optionsForClientTLS(host, trust));
        Endpoints.connectProtocol(endpoint, new TLSEchoClient())
                .<@Nullable Object>addCallback(client -> {
                    Certificate server = ((ISSLTransport) client.transport()).getPeerCertificate();
                    System.out.println(
                            "Connected; server certificate: " + (server != null ? server.getSubject() : "none"));
                    return null;
                })
                .addErrback(failure -> {
                    System.out.println("TLS connection failed: " + failure.getErrorMessage());
                    reactor.stop();
                    return null;
                });
        reactor.run();
    }
}
