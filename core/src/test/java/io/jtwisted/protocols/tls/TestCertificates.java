package io.jtwisted.protocols.tls;

import io.jtwisted.internet.ssl.CertificateOptions;
import io.jtwisted.internet.ssl.ITrustRoot;
import io.jtwisted.internet.ssl.KeyPair;
import io.jtwisted.internet.ssl.PrivateCertificate;
import io.jtwisted.internet.ssl.SSL;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Throw-away certificates made once per test run: a CA, a server certificate for
 * {@code localhost} / {@code 127.0.0.1}, a client certificate, and an unrelated CA.
 */
public final class TestCertificates {
    public static final PrivateCertificate CA = KeyPair.generate().selfSignedCert(1, "JTwisted Test CA");
    public static final PrivateCertificate SERVER = CA.signCertificate(KeyPair.generate(), "localhost", 2, false);
    public static final PrivateCertificate SERVER_IP = CA.signCertificate(KeyPair.generate(), "127.0.0.1", 3, false);
    public static final PrivateCertificate OTHER_HOST = CA.signCertificate(KeyPair.generate(), "example.com", 4, false);
    public static final PrivateCertificate CLIENT = CA.signCertificate(KeyPair.generate(), "client", 5, false);
    public static final PrivateCertificate OTHER_CA = KeyPair.generate().selfSignedCert(6, "Unrelated CA");
    public static final ITrustRoot TRUST_CA = SSL.trustRootFromCertificates(List.of(CA));

    private TestCertificates() {}

    /** Server options presenting {@link #SERVER}. */
    public static CertificateOptions serverOptions() {
        return CertificateOptions.forCertificate(SERVER);
    }

    /** Writes {@code certificate}'s key and chain to {@code key.pem} / {@code cert.pem} in {@code dir}; returns the dir. */
    public static Path writePem(Path dir, PrivateCertificate certificate) {
        try {
            Files.writeString(dir.resolve("key.pem"), certificate.keyPair().dumpPEM());
            StringBuilder chain =
                    new StringBuilder(new io.jtwisted.internet.ssl.Certificate(certificate.x509()).dumpPEM());
            certificate.chain().forEach(c -> chain.append(c.dumpPEM()));
            Files.writeString(dir.resolve("cert.pem"), chain.toString());
            Files.writeString(dir.resolve("ca.pem"), new io.jtwisted.internet.ssl.Certificate(CA.x509()).dumpPEM());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
