package io.jtwisted.internet.ssl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * An X.509 certificate, as Twisted's {@code twisted.internet.ssl.Certificate}: loaded from PEM or
 * DER, dumped back, and fingerprinted. {@link #x509()} gives the JDK object.
 */
public class Certificate {
    private final X509Certificate x509;

    /** Wraps a JDK certificate. */
    public Certificate(X509Certificate x509) {
        this.x509 = Objects.requireNonNull(x509);
    }

    /** The first certificate of {@code pem}. */
    public static Certificate loadPEM(String pem) {
        List<Certificate> all = loadPEMChain(pem);
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no CERTIFICATE block in the PEM data");
        }
        return all.get(0);
    }

    /** Every certificate of {@code pem}, in order (a leaf followed by its chain, or a bundle of CAs). */
    public static List<Certificate> loadPEMChain(String pem) {
        List<Certificate> out = new ArrayList<>();
        for (Pem.Block block : Pem.parse(pem)) {
            if (block.label().equals("CERTIFICATE") || block.label().equals("TRUSTED CERTIFICATE")) {
                out.add(loadDER(block.der()));
            }
        }
        return out;
    }

    /** {@link #loadPEMChain} of a file's contents. */
    public static List<Certificate> loadPEMFile(Path path) throws IOException {
        try {
            return loadPEMChain(Files.readString(path, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }

    /** A certificate from its DER encoding. */
    public static Certificate loadDER(byte[] der) {
        try {
            return new Certificate((X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a valid X.509 certificate: " + e.getMessage(), e);
        }
    }

    /** The JDK certificate. */
    public X509Certificate x509() {
        return x509;
    }

    /** The subject's distinguished name, RFC 2253 form ({@code "CN=example.com,O=Example"}). */
    public String getSubject() {
        return x509.getSubjectX500Principal().getName();
    }

    /** The issuer's distinguished name, RFC 2253 form. */
    public String getIssuer() {
        return x509.getIssuerX500Principal().getName();
    }

    /** The certificate's public key. */
    public PublicKey getPublicKey() {
        return x509.getPublicKey();
    }

    /** The DER encoding. */
    public byte[] dump() {
        try {
            return x509.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The PEM encoding ({@code BEGIN CERTIFICATE}). */
    public String dumpPEM() {
        return Pem.encode("CERTIFICATE", dump());
    }

    /**
     * The fingerprint of the DER encoding with {@code algorithm} ({@code "SHA-256"}, {@code "SHA-1"}),
     * as colon-separated upper-case hex, the form {@code openssl x509 -fingerprint} prints.
     */
    public String digest(String algorithm) {
        try {
            byte[] hash = MessageDigest.getInstance(algorithm).digest(dump());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("unknown digest algorithm " + algorithm, e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Certificate c && c.x509.equals(x509);
    }

    @Override
    public int hashCode() {
        return x509.hashCode();
    }

    @Override
    public String toString() {
        return "<Certificate subject=" + getSubject() + " issuer=" + getIssuer() + ">";
    }
}
