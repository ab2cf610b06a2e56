package io.jtwisted.examples.tls;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.examples.Example;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IConnector;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.ITLSTransport;
import io.jtwisted.internet.protocol.ClientFactory;
import io.jtwisted.internet.ssl.Certificate;
import io.jtwisted.internet.ssl.ClientTLSOptions;
import io.jtwisted.internet.ssl.ITrustRoot;
import io.jtwisted.internet.ssl.SSL;
import io.jtwisted.protocols.basic.LineReceiver;
import io.jtwisted.python.failure.Failure;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Twisted's {@code starttls_client.py}: sends a line in clear, then {@code STARTTLS}; on
 * {@code READY} switches to TLS (verifying the server against {@code CA.pem} or the platform's
 * CAs), sends a line encrypted and hangs up. {@code bin/run-example StartTLSClient HOST PORT [CA.pem]}.
 */
@Example(value = "Client that upgrades a plain connection with STARTTLS", usage = "HOST PORT [CA.pem]", port = 8000)
public class StartTLSClient extends LineReceiver {
    private final ClientTLSOptions options;

    public StartTLSClient(ClientTLSOptions options) {
        this.options = options;
    }

    @Override
    public void connectionMade() {
        sendLine("plain text");
        sendLine("STARTTLS");
    }

    @Override
    public void lineReceived(String line) {
        System.out.println("received: " + line);
        if (line.equals("READY")) {
            ((ITLSTransport) transport).startTLS(options);
            sendLine("secure text");
            transport.loseConnection();
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: StartTLSClient HOST PORT [CA.pem]");
            System.exit(2);
        }
        ITrustRoot trust =
                args.length > 2 ? SSL.trustRootFromCertificates(Certificate.loadPEMFile(Path.of(args[2]))) : null;
        ClientTLSOptions options = SSL.optionsForClientTLS(args[0], trust);
        ClientFactory factory = new ClientFactory() {
            @Override
            public IProtocol buildProtocol(IAddress address) {
                return new StartTLSClient(options);
            }

            @Override
            public void clientConnectionFailed(IConnector connector, Failure reason) {
                System.out.println("connection failed: " + reason.getErrorMessage());
                reactor.stop();
            }

            @Override
            public void clientConnectionLost(IConnector connector, Failure reason) {
                System.out.println("connection lost: " + reason.getErrorMessage());
                reactor.stop();
            }
        };
        reactor.connectTCP(args[0], Integer.parseInt(args[1]), factory);
        reactor.run();
    }
}
