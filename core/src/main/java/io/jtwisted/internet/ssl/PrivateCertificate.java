package io.jtwisted.internet.ssl;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A certificate together with its private key and the intermediate certificates that lead to a
 * trusted root, as Twisted's {@code PrivateCertificate}: what a server (or a client
 * authenticating itself) presents.
 */
public final class PrivateCertificate extends Certificate {
    private final KeyPair keyPair;
    private final List<Certificate> chain;

    private PrivateCertificate(Certificate certificate, KeyPair keyPair, List<Certificate> chain) {
        super(certificate.x509());
        this.keyPair = keyPair.withPublicKey(certificate.getPublicKey());
        this.chain = List.copyOf(chain);
    }

    /**
     * {@code certificate} with its key and intermediates ({@code extraCertChain}, leaf's issuer first).
     *
     * @throws IllegalArgumentException if the key is not the certificate's
     */
    public static PrivateCertificate of(Certificate certificate, KeyPair keyPair, List<Certificate> extraCertChain) {
        PublicKey known = keyPair.publicKey();
        if (known != null && !known.equals(certificate.getPublicKey())) {
            throw new IllegalArgumentException(
                    "the private key does not belong to the certificate " + certificate.getSubject());
        }
        return new PrivateCertificate(certificate, keyPair, extraCertChain);
    }

    /** Twisted's {@code PrivateCertificate.fromCertificateAndKeyPair}: no intermediates. */
    public static PrivateCertificate fromCertificateAndKeyPair(Certificate certificate, KeyPair keyPair) {
        return of(certificate, keyPair, List.of());
    }

    /**
     * A key and certificate chain from one PEM text (Twisted's {@code PrivateCertificate.loadPEM}):
     * the first certificate is the leaf, the others its chain; the key may come before or after.
     */
    public static PrivateCertificate loadPEM(String pem) {
        List<Certificate> certs = Certificate.loadPEMChain(pem);
        if (certs.isEmpty()) {
            throw new IllegalArgumentException("no CERTIFICATE block in the PEM data");
        }
        return of(certs.get(0), KeyPair.loadPEM(pem), certs.subList(1, certs.size()));
    }

    /**
     * The key from {@code keyFile} and the certificate (plus any chain) from {@code certFile}, then
     * the certificates of each {@code extraCertChain} file: the files of the {@code ssl:} endpoint's
     * {@code privateKey}, {@code certKey} and {@code extraCertChain}. One file may hold everything.
     */
    public static PrivateCertificate loadPEMFiles(Path keyFile, Path certFile, Path... extraCertChain)
            throws IOException {
        KeyPair key = KeyPair.loadPEMFile(keyFile);
        List<Certificate> certs = new ArrayList<>(Certificate.loadPEMFile(certFile));
        if (certs.isEmpty()) {
            throw new IllegalArgumentException(certFile + ": no CERTIFICATE block");
        }
        for (Path extra : extraCertChain) {
            certs.addAll(Certificate.loadPEMFile(extra));
        }
        return of(certs.get(0), key, certs.subList(1, certs.size()));
    }

    /**
     * The first key entry of a PKCS#12 file ({@code .p12}, {@code .pfx}) with its chain.
     *
     * @throws IllegalArgumentException if the password is wrong or the store holds no key
     */
    public static PrivateCertificate loadPKCS12(Path file, char[] password) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            for (String alias : Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                Key key = store.getKey(alias, password);
                java.security.cert.Certificate[] chain = store.getCertificateChain(alias);
                if (!(key instanceof PrivateKey privateKey) || chain == null || chain.length == 0) {
                    continue;
                }
                List<Certificate> certs = new ArrayList<>();
                for (java.security.cert.Certificate c : chain) {
                    certs.add(new Certificate((X509Certificate) c));
                }
                KeyPair pair = KeyPair.of(new java.security.KeyPair(certs.get(0).getPublicKey(), privateKey));
                return of(certs.get(0), pair, certs.subList(1, certs.size()));
            }
            throw new IllegalArgumentException(file + ": no private key entry in the PKCS#12 store");
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    file + ": cannot read the PKCS#12 store (wrong password?): " + e.getMessage(), e);
        } catch (IOException e) {
            if (e.getCause() instanceof GeneralSecurityException || e.getCause() instanceof ArithmeticException) {
                throw new IllegalArgumentException(
                        file + ": cannot read the PKCS#12 store (wrong password?): " + e.getMessage(), e);
            }
            throw e;
        }
    }

    /** The key pair. */
    public KeyPair keyPair() {
        return keyPair;
    }

    /** The private key. */
    public PrivateKey privateKey() {
        return keyPair.privateKey();
    }

    /** The intermediate certificates sent after this one (not including it). */
    public List<Certificate> chain() {
        return chain;
    }

    /** This certificate then its chain, as the JDK's key managers want them. */
    X509Certificate[] fullChain() {
        X509Certificate[] out = new X509Certificate[1 + chain.size()];
        out[0] = x509();
        for (int i = 0; i < chain.size(); i++) {
            out[i + 1] = chain.get(i).x509();
        }
        return out;
    }

    /**
     * Issues a certificate for {@code subjectKey} named {@code commonName} (as host, in its
     * subjectAltName), signed by this one, valid for a year: a private CA's work, for tests and
     * internal deployments. The result's chain is this certificate's chain after this certificate,
     * unless this certificate is a self-signed root.
     *
     * @param certificateAuthority whether the new certificate may itself sign others
     */
    public PrivateCertificate signCertificate(
            KeyPair subjectKey, String commonName, long serialNumber, boolean certificateAuthority) {
        PublicKey subjectPublic = subjectKey.requirePublicKey();
        byte[] issuer = x509().getSubjectX500Principal().getEncoded();
        X509Certificate issued = CertificateBuilder.build(
                commonName,
                subjectPublic,
                issuer,
                privateKey(),
                BigInteger.valueOf(serialNumber),
                certificateAuthority,
                365);
        List<Certificate> newChain = new ArrayList<>();
        if (!getSubject().equals(getIssuer())) {
            newChain.add(new Certificate(x509()));
            newChain.addAll(chain);
        }
        return of(new Certificate(issued), subjectKey, newChain);
    }

    /** The key as PKCS#8 PEM, then this certificate and its chain as PEM. */
    @Override
    public String dumpPEM() {
        StringBuilder out = new StringBuilder(keyPair.dumpPEM()).append(super.dumpPEM());
        for (Certificate c : chain) {
            out.append(c.dumpPEM());
        }
        return out.toString();
    }

    /** Writes {@link #dumpPEM()} to {@code path}. */
    public void dumpPEMFile(Path path) throws IOException {
        Files.writeString(path, dumpPEM(), StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return "<PrivateCertificate subject=" + getSubject() + " key=" + keyPair.keyType() + ">";
    }
}
