package io.jtwisted.internet.ssl;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes X.509 v3 certificates with a common name, a subjectAltName naming the same host (a DNS
 * name, or an IP address for a literal) and basicConstraints. Enough for test certificates and
 * private CAs; real deployments get their chain from a CA (see docs/tls.md).
 */
final class CertificateBuilder {
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");

    private CertificateBuilder() {}

    static byte[] name(String commonName) {
        return Der.sequence(Der.set(Der.sequence(Der.oid("2.5.4.3"), Der.utf8(commonName))));
    }

    /**
     * A certificate for {@code subjectKey} named {@code commonName}, signed by {@code issuerKey}
     * on behalf of the issuer named by {@code issuerName} (DER).
     */
    static X509Certificate build(
            String commonName,
            PublicKey subjectKey,
            byte[] issuerName,
            PrivateKey issuerKey,
            BigInteger serial,
            boolean certificateAuthority,
            int days) {
        try {
            String sigName = signatureAlgorithm(issuerKey);
            byte[] sigAlg = "SHA256withRSA".equals(sigName)
                    ? Der.sequence(Der.oid("1.2.840.113549.1.1.11"), Der.nul())
                    : Der.sequence(Der.oid("1.2.840.10045.4.3.2"));
            ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
            byte[] validity = Der.sequence(time(now.minusHours(1)), time(now.plusDays(days)));
            byte[] san = Der.octetString(Der.sequence(altName(commonName)));
            byte[] basic = Der.octetString(certificateAuthority ? Der.sequence(Der.bool(true)) : Der.sequence());
            byte[] extensions = Der.explicit(
                    3,
                    Der.sequence(
                            Der.sequence(Der.oid("2.5.29.17"), san),
                            Der.sequence(Der.oid("2.5.29.19"), Der.bool(true), basic)));
            byte[] tbs = Der.sequence(
                    Der.explicit(0, Der.integer(BigInteger.TWO)),
                    Der.integer(serial),
                    sigAlg,
                    issuerName,
                    validity,
                    name(commonName),
                    subjectKey.getEncoded(),
                    extensions);
            Signature signer = Signature.getInstance(sigName);
            signer.initSign(issuerKey);
            signer.update(tbs);
            byte[] der = Der.sequence(tbs, sigAlg, Der.bitString(signer.sign()));
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a certificate for " + commonName + ": " + e.getMessage(), e);
        }
    }

    private static String signatureAlgorithm(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default ->
                throw new IllegalArgumentException(
                        "cannot sign with a " + key.getAlgorithm() + " key (RSA or EC only)");
        };
    }

    private static byte[] time(ZonedDateTime t) {
        return Der.tlv(Der.UTC_TIME, UTC_TIME.format(t).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] altName(String host) {
        if (isIpLiteral(host)) {
            try {
                return Der.tlv(0x87, InetAddress.getByName(host).getAddress()); // [7] iPAddress
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(e);
            }
        }
        return Der.tlv(0x82, host.getBytes(StandardCharsets.US_ASCII)); // [2] dNSName
    }

    static boolean isIpLiteral(String host) {
        return host.contains(":") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }
}
