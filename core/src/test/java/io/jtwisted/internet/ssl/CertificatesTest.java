package io.jtwisted.internet.ssl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys and certificates loaded from what {@code openssl} writes (made at test time): PKCS#8,
 * PKCS#1 and SEC1 keys, RSA and EC, chains, PKCS#12; and the certificates JTwisted makes itself.
 *
 * <p>Ports of twisted/test/test_sslverify.py: KeyPair/Certificate loading and dumping
 * (test_dumpPEM/loadPEM round trips, test_digest against OpenSSL's fingerprint,
 * test_getSubject), PrivateCertificate (test_selfSigned, test_signRequest's issuing, a key that
 * does not match the certificate refused), trustRootFromCertificates (test_trustRootFromCertificates*).
 * Not ported: the pyOpenSSL object adapters, DN comparison helpers, DH parameter files (only
 * ECDHE is offered), and the OpenSSL-version-dependent cipher-string tests (ciphers are JDK names here).
 */
class CertificatesTest {
    @TempDir
    static Path dir;

    private static String openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor())
                .as("openssl %s: %s", String.join(" ", args), out)
                .isZero();
        return out;
    }

    @BeforeAll
    static void makeFiles() throws IOException, InterruptedException {
        openssl(
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                "rsa-pkcs8.pem",
                "-out",
                "rsa-cert.pem",
                "-days",
                "2",
                "-subj",
                "/CN=rsa.example");
        openssl("rsa", "-in", "rsa-pkcs8.pem", "-traditional", "-out", "rsa-pkcs1.pem");
        openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "ec-sec1.pem");
        openssl("pkcs8", "-topk8", "-nocrypt", "-in", "ec-sec1.pem", "-out", "ec-pkcs8.pem");
        openssl(
                "req",
                "-x509",
                "-new",
                "-key",
                "ec-sec1.pem",
                "-out",
                "ec-cert.pem",
                "-days",
                "2",
                "-subj",
                "/CN=ec.example");
        openssl(
                "pkcs12",
                "-export",
                "-in",
                "rsa-cert.pem",
                "-inkey",
                "rsa-pkcs8.pem",
                "-out",
                "rsa.p12",
                "-passout",
                "pass:secret");
        openssl("pkcs8", "-topk8", "-in", "ec-sec1.pem", "-out", "ec-encrypted.pem", "-passout", "pass:secret");
    }

    @Test
    void rsaKeysLoadFromPkcs8AndPkcs1AndMatchTheirCertificate() throws IOException {
        Certificate cert = Certificate.loadPEMFile(dir.resolve("rsa-cert.pem")).get(0);
        for (String file : List.of("rsa-pkcs8.pem", "rsa-pkcs1.pem")) {
            KeyPair key = KeyPair.loadPEMFile(dir.resolve(file));
            assertThat(key.keyType()).isEqualTo("RSA");
            assertThat(key.publicKey()).isEqualTo(cert.getPublicKey());
            assertThat(PrivateCertificate.fromCertificateAndKeyPair(cert, key).getSubject())
                    .isEqualTo("CN=rsa.example");
        }
        assertThat(Files.readString(dir.resolve("rsa-pkcs1.pem"))).contains("BEGIN RSA PRIVATE KEY");
    }

    @Test
    void ecKeysLoadFromSec1AndPkcs8() throws IOException {
        Certificate cert = Certificate.loadPEMFile(dir.resolve("ec-cert.pem")).get(0);
        for (String file : List.of("ec-sec1.pem", "ec-pkcs8.pem")) {
            KeyPair key = KeyPair.loadPEMFile(dir.resolve(file));
            assertThat(key.keyType()).isEqualTo("EC");
            PrivateCertificate both = PrivateCertificate.loadPEMFiles(dir.resolve(file), dir.resolve("ec-cert.pem"));
            assertThat(both.getPublicKey()).isEqualTo(cert.getPublicKey());
        }
        assertThat(Files.readString(dir.resolve("ec-sec1.pem"))).contains("BEGIN EC PRIVATE KEY");
    }

    @Test
    void aKeyThatIsNotTheCertificatesIsRefused() {
        assertThatThrownBy(
                        () -> PrivateCertificate.loadPEMFiles(dir.resolve("rsa-pkcs8.pem"), dir.resolve("ec-cert.pem")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not belong");
    }

    @Test
    void encryptedKeysAreRefusedWithAHint() {
        assertThatThrownBy(() -> KeyPair.loadPEMFile(dir.resolve("ec-encrypted.pem")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("encrypted")
                .hasMessageContaining("openssl");
    }

    @Test
    void garbageIsRefusedNamingTheFile() throws IOException {
        Path junk = Files.writeString(
                dir.resolve("junk.pem"), "-----BEGIN PRIVATE KEY-----\nnot base64!\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> KeyPair.loadPEMFile(junk)).hasMessageContaining("junk.pem");
        assertThatThrownBy(() -> KeyPair.loadPEM("nothing here")).hasMessageContaining("no PRIVATE KEY");
    }

    @Test
    void pkcs12StoreGivesKeyAndCertificate() throws IOException {
        PrivateCertificate fromP12 = PrivateCertificate.loadPKCS12(dir.resolve("rsa.p12"), "secret".toCharArray());
        assertThat(fromP12.getSubject()).isEqualTo("CN=rsa.example");
        assertThat(fromP12.keyPair().keyType()).isEqualTo("RSA");
        assertThatThrownBy(() -> PrivateCertificate.loadPKCS12(dir.resolve("rsa.p12"), "wrong".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("password");
    }

    @Test
    void digestIsTheFingerprintOpensslPrints() throws Exception {
        Certificate cert = Certificate.loadPEMFile(dir.resolve("rsa-cert.pem")).get(0);
        String printed = openssl("x509", "-noout", "-fingerprint", "-sha256", "-in", "rsa-cert.pem")
                .strip();
        assertThat(printed).endsWith("=" + cert.digest("SHA-256"));
    }

    @Test
    void pemRoundTripsAndSelfSignedCertificatesAreReadByOpenssl() throws Exception {
        PrivateCertificate self = KeyPair.generate().selfSignedCert(7, "localhost");
        Path file = dir.resolve("self.pem");
        self.dumpPEMFile(file);
        PrivateCertificate back = PrivateCertificate.loadPEM(Files.readString(file));
        assertThat(back).isEqualTo(self);
        assertThat(back.privateKey()).isEqualTo(self.privateKey());
        String text = openssl("x509", "-noout", "-text", "-in", "self.pem");
        assertThat(text)
                .contains("Subject: CN = localhost")
                .contains("DNS:localhost")
                .contains("CA:TRUE");
        openssl("pkey", "-in", "self.pem", "-noout");
    }

    @Test
    void issuedCertificatesVerifyAgainstTheirCaWithOpenssl() throws Exception {
        PrivateCertificate ca = KeyPair.generate("RSA", 2048).selfSignedCert(1, "Test Root");
        PrivateCertificate intermediate = ca.signCertificate(KeyPair.generate(), "Test Intermediate", 2, true);
        PrivateCertificate leaf = intermediate.signCertificate(KeyPair.generate(), "127.0.0.1", 3, false);
        assertThat(leaf.chain()).containsExactly(intermediate);
        Files.writeString(dir.resolve("root.pem"), new Certificate(ca.x509()).dumpPEM());
        Files.writeString(dir.resolve("mid.pem"), new Certificate(intermediate.x509()).dumpPEM());
        Files.writeString(dir.resolve("leaf.pem"), new Certificate(leaf.x509()).dumpPEM());
        assertThat(openssl("verify", "-CAfile", "root.pem", "-untrusted", "mid.pem", "leaf.pem"))
                .contains("leaf.pem: OK");
        assertThat(openssl("x509", "-noout", "-text", "-in", "leaf.pem")).contains("IP Address:127.0.0.1");
    }

    @Test
    void optionsDefaultToTls12And13AndForwardSecretAeadCiphers() {
        CertificateOptions options = CertificateOptions.builder().build();
        assertThat(options.protocols()).containsExactly("TLSv1.2", "TLSv1.3");
        assertThat(options.ciphers())
                .isNotEmpty()
                .allMatch(c -> c.startsWith("TLS_AES")
                        || c.startsWith("TLS_CHACHA20")
                        || (c.startsWith("TLS_ECDHE_") && (c.contains("GCM") || c.contains("CHACHA20"))));
        assertThat(CertificateOptions.builder()
                        .raiseMinimumTo(TLSVersion.TLSv1_3)
                        .build()
                        .protocols())
                .containsExactly("TLSv1.3");
        assertThatThrownBy(() -> CertificateOptions.builder()
                        .raiseMinimumTo(TLSVersion.TLSv1_3)
                        .lowerMaximumSecurityTo(TLSVersion.TLSv1_2)
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clientOptionsVerifyTheHostNameUnlessLoudlyTurnedOff() {
        ClientTLSOptions options = SSL.optionsForClientTLS("example.com");
        assertThat(options.verifiesHostname()).isTrue();
        assertThat(options.clientConnectionForTLS().getSSLParameters().getEndpointIdentificationAlgorithm())
                .isEqualTo("HTTPS");
        assertThat(options.clientConnectionForTLS().getSSLParameters().getServerNames())
                .hasSize(1);
        ClientTLSOptions off = options.insecurelyDisableHostnameVerification();
        assertThat(off.clientConnectionForTLS().getSSLParameters().getEndpointIdentificationAlgorithm())
                .isNull();
        assertThat(SSL.optionsForClientTLS("127.0.0.1")
                        .clientConnectionForTLS()
                        .getSSLParameters()
                        .getServerNames())
                .as("no SNI for an IP address")
                .isNullOrEmpty();
    }

    @Test
    void trustRootsFromCertificatesAndDirectories() throws IOException {
        Certificate cert = Certificate.loadPEMFile(dir.resolve("rsa-cert.pem")).get(0);
        var managers = SSL.trustRootFromCertificates(List.of(cert)).trustManagers();
        assertThat(((javax.net.ssl.X509TrustManager) managers[0]).getAcceptedIssuers())
                .containsExactly(cert.x509());
        Path cas = Files.createDirectories(dir.resolve("cas"));
        Files.copy(
                dir.resolve("ec-cert.pem"), cas.resolve("ec.crt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        var fromDir = SSL.trustRootFromDirectory(cas).trustManagers();
        assertThat(((javax.net.ssl.X509TrustManager) fromDir[0]).getAcceptedIssuers())
                .hasSize(1);
        assertThat(((javax.net.ssl.X509TrustManager) SSL.platformTrust().trustManagers()[0]).getAcceptedIssuers())
                .isNotEmpty();
    }
}
