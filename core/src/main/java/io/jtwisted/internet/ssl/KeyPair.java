package io.jtwisted.internet.ssl;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A private key (RSA or EC) and its public half, as Twisted's {@code twisted.internet.ssl.KeyPair}.
 * Loads PEM in the three forms OpenSSL writes: PKCS#8 ({@code BEGIN PRIVATE KEY}), PKCS#1
 * ({@code BEGIN RSA PRIVATE KEY}) and SEC1 ({@code BEGIN EC PRIVATE KEY}). Encrypted keys are
 * refused with a message saying how to decrypt them.
 */
public final class KeyPair {
    private final PrivateKey privateKey;
    private final @Nullable PublicKey publicKey;

    private KeyPair(PrivateKey privateKey, @Nullable PublicKey publicKey) {
        this.privateKey = Objects.requireNonNull(privateKey);
        this.publicKey = publicKey;
    }

    /** Wraps an existing JDK key pair. */
    public static KeyPair of(java.security.KeyPair pair) {
        return new KeyPair(pair.getPrivate(), pair.getPublic());
    }

    /** A fresh ECDSA key on P-256 (the fast modern default). */
    public static KeyPair generate() {
        return generate("EC", 256);
    }

    /**
     * A fresh key: {@code "EC"} with size 256 or 384 (P-256, P-384), or {@code "RSA"} with a size in bits.
     *
     * @throws IllegalArgumentException for another algorithm or size
     */
    public static KeyPair generate(String algorithm, int size) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if ("EC".equals(algorithm)) {
                generator.initialize(new ECGenParameterSpec("secp" + size + "r1"));
            } else {
                generator.initialize(size);
            }
            return of(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "cannot generate a " + algorithm + " " + size + " key: " + e.getMessage(), e);
        }
    }

    /** The key of the first private-key block of {@code pem} (other blocks, such as certificates, are skipped). */
    public static KeyPair loadPEM(String pem) {
        for (Pem.Block block : Pem.parse(pem)) {
            if (block.label().endsWith("PRIVATE KEY")) {
                return fromBlock(block);
            }
        }
        throw new IllegalArgumentException("no PRIVATE KEY block in the PEM data");
    }

    /** {@link #loadPEM} of a file's contents. */
    public static KeyPair loadPEMFile(Path path) throws IOException {
        try {
            return loadPEM(Files.readString(path, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }

    static KeyPair fromBlock(Pem.Block block) {
        if (block.encryptedLegacy() || block.label().equals("ENCRYPTED PRIVATE KEY")) {
            throw new IllegalArgumentException("the private key is encrypted; decrypt it first with"
                    + " 'openssl pkey -in key.pem -out plain.pem'");
        }
        byte[] pkcs8 = switch (block.label()) {
            case "PRIVATE KEY" -> block.der();
            case "RSA PRIVATE KEY" ->
                Der.sequence(
                        Der.integer(BigInteger.ZERO),
                        Der.sequence(Der.oid("1.2.840.113549.1.1.1"), Der.nul()),
                        Der.octetString(block.der()));
            case "EC PRIVATE KEY" -> ecToPkcs8(block.der());
            default -> throw new IllegalArgumentException("unsupported key type '" + block.label() + "'");
        };
        return fromPkcs8(pkcs8);
    }

    private static byte[] ecToPkcs8(byte[] sec1) {
        // ECPrivateKey ::= SEQUENCE { version, privateKey OCTET STRING, [0] parameters, [1] publicKey }
        List<Der.Element> fields = Der.children(Der.read(sec1).contents());
        byte[] curve = null;
        for (Der.Element field : fields) {
            if (field.tag() == 0xa0) {
                curve = field.contents(); // the namedCurve OID, as DER
            }
        }
        if (curve == null) {
            throw new IllegalArgumentException("the EC PRIVATE KEY names no curve; write it with"
                    + " 'openssl pkey -in key.pem -out pkcs8.pem' instead");
        }
        return Der.sequence(
                Der.integer(BigInteger.ZERO), Der.sequence(Der.oid("1.2.840.10045.2.1"), curve), Der.octetString(sec1));
    }

    private static KeyPair fromPkcs8(byte[] pkcs8) {
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                PrivateKey key = KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
                return new KeyPair(key, publicOf(key));
            } catch (GeneralSecurityException | RuntimeException tryNext) {
                // the other algorithm, then fail below
            }
        }
        throw new IllegalArgumentException("the private key is neither a valid RSA nor a valid EC key");
    }

    private static @Nullable PublicKey publicOf(PrivateKey key) throws GeneralSecurityException {
        if (key instanceof RSAPrivateCrtKey rsa) {
            return KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
        }
        if (key instanceof ECPrivateKey ec) {
            ECPoint w = ecPublicPoint(key.getEncoded());
            return w == null
                    ? null
                    : KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, ec.getParams()));
        }
        return null;
    }

    /** The public point SEC1 keeps next to the private scalar ({@code [1] publicKey}), when present and uncompressed. */
    private static @Nullable ECPoint ecPublicPoint(byte[] pkcs8) {
        List<Der.Element> info = Der.children(Der.read(pkcs8).contents());
        byte[] sec1 = info.get(2).contents();
        for (Der.Element field : Der.children(Der.read(sec1).contents())) {
            if (field.tag() == 0xa1) {
                byte[] bits = Der.read(field.contents()).contents(); // BIT STRING: unused-bits octet, then the point
                if (bits.length < 2 || bits[1] != 4) {
                    return null;
                }
                int n = (bits.length - 2) / 2;
                return new ECPoint(
                        new BigInteger(1, java.util.Arrays.copyOfRange(bits, 2, 2 + n)),
                        new BigInteger(1, java.util.Arrays.copyOfRange(bits, 2 + n, 2 + 2 * n)));
            }
        }
        return null;
    }

    /** The private key. */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /** The public key, or {@code null} if it could not be derived from the private key. */
    public @Nullable PublicKey publicKey() {
        return publicKey;
    }

    /** {@code "RSA"} or {@code "EC"}. */
    public String keyType() {
        return privateKey.getAlgorithm();
    }

    /** The private key as PKCS#8 PEM ({@code BEGIN PRIVATE KEY}), which every TLS stack reads. */
    public String dumpPEM() {
        return Pem.encode("PRIVATE KEY", privateKey.getEncoded());
    }

    /**
     * A certificate for this key signed by itself, as Twisted's {@code KeyPair.selfSignedCert}: valid
     * for a year, usable as its own trust root, naming {@code commonName} as host (a DNS name, or an
     * IP address for a literal) in its subjectAltName, so hostname verification accepts it.
     */
    public PrivateCertificate selfSignedCert(long serialNumber, String commonName) {
        PublicKey known = requirePublicKey();
        byte[] name = CertificateBuilder.name(commonName);
        var cert = CertificateBuilder.build(
                commonName, known, name, privateKey, BigInteger.valueOf(serialNumber), true, 365);
        return PrivateCertificate.of(new Certificate(cert), this, List.of());
    }

    KeyPair withPublicKey(PublicKey key) {
        return publicKey != null ? this : new KeyPair(privateKey, key);
    }

    /** The public key; throws when it is unknown. */
    PublicKey requirePublicKey() {
        if (publicKey == null) {
            throw new IllegalStateException("the public half of this key is unknown (the PEM data did not include it)");
        }
        return publicKey;
    }

    @Override
    public String toString() {
        return "KeyPair(" + keyType() + ")";
    }
}
