package io.jtwisted.examples.tls;

import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.ssl.Certificate;
import io.jtwisted.internet.ssl.KeyPair;
import io.jtwisted.internet.ssl.PrivateCertificate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the TLS server examples share: their certificate (given, or a throw-away one) and their port. */
final class ServerCertificate {
    private ServerCertificate() {}

    /**
     * The certificate of {@code CERT.pem KEY.pem} at {@code args[index]}, {@code args[index + 1]};
     * without them a throw-away self-signed one for {@code localhost}, written to a temporary
     * file so that clients can trust it. Prints the SHA-256 fingerprint (and that file).
     */
    static PrivateCertificate load(String[] args, int index) throws IOException {
        PrivateCertificate certificate;
        if (args.length > index + 1) {
            certificate = PrivateCertificate.loadPEMFiles(Path.of(args[index + 1]), Path.of(args[index]));
        } else {
            certificate = KeyPair.generate().selfSignedCert(System.currentTimeMillis(), "localhost");
            Path file = Files.createTempFile("jtwisted-localhost-", ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, new Certificate(certificate.x509()).dumpPEM());
            System.out.println("Self-signed certificate for localhost written to " + file);
        }
        System.out.println("SHA-256 fingerprint: " + certificate.digest("SHA-256"));
        return certificate;
    }

    static int port(String[] args, int defaultPort) {
        return args.length > 0 ? Integer.parseInt(args[0]) : defaultPort;
    }

    static int portOf(IListeningPort port) {
        return ((IPv4Address) port.getHost()).port();
    }
}
