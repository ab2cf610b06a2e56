package io.jtwisted.internet.ssl;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.StandardConstants;
import javax.net.ssl.X509ExtendedKeyManager;
import org.jspecify.annotations.Nullable;

/**
 * Presents one default certificate, or the one configured for the host name the client asked for
 * with SNI. Aliases are {@code ""} for the default and the lower-case host name otherwise.
 */
final class CertificateKeyManager extends X509ExtendedKeyManager {
    private static final String DEFAULT = "";

    private final @Nullable PrivateCertificate defaultCertificate; // may be null (a client without a certificate)
    private final Map<String, PrivateCertificate> byHostName;

    CertificateKeyManager(@Nullable PrivateCertificate defaultCertificate, Map<String, PrivateCertificate> byHostName) {
        this.defaultCertificate = defaultCertificate;
        this.byHostName = byHostName;
    }

    @Override
    public @Nullable String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        String requested = requestedHostName(engine);
        if (requested != null) {
            PrivateCertificate named = byHostName.get(requested);
            if (named != null && fits(named, keyType)) {
                return requested;
            }
        }
        return defaultCertificate != null && fits(defaultCertificate, keyType) ? DEFAULT : null;
    }

    @Override
    public @Nullable String chooseEngineClientAlias(
            String[] keyTypes, Principal @Nullable [] issuers, @Nullable SSLEngine engine) {
        if (defaultCertificate == null) {
            return null;
        }
        for (String keyType : keyTypes) {
            if (fits(defaultCertificate, keyType)) {
                return DEFAULT;
            }
        }
        return null;
    }

    private static @Nullable String requestedHostName(SSLEngine engine) {
        SSLSession handshaking = engine.getHandshakeSession();
        if (!(handshaking instanceof ExtendedSSLSession extended)) {
            return null;
        }
        for (SNIServerName name : extended.getRequestedServerNames()) {
            if (name.getType() == StandardConstants.SNI_HOST_NAME) {
                return ((SNIHostName) name).getAsciiName().toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    /** Whether a certificate's key can serve the key type the handshake asks for. */
    private static boolean fits(PrivateCertificate certificate, @Nullable String keyType) {
        String algorithm = certificate.privateKey().getAlgorithm();
        if (keyType == null) {
            return true;
        }
        return switch (algorithm) {
            case "EC" -> keyType.startsWith("EC");
            case "RSA" -> keyType.startsWith("RSA");
            default -> keyType.equals(algorithm);
        };
    }

    private @Nullable PrivateCertificate lookup(@Nullable String alias) {
        if (DEFAULT.equals(alias)) {
            return defaultCertificate;
        }
        return alias == null ? null : byHostName.get(alias);
    }

    @Override
    public X509Certificate @Nullable [] getCertificateChain(@Nullable String alias) {
        PrivateCertificate c = lookup(alias);
        return c == null ? null : c.fullChain();
    }

    @Override
    public @Nullable PrivateKey getPrivateKey(@Nullable String alias) {
        PrivateCertificate c = lookup(alias);
        return c == null ? null : c.privateKey();
    }

    @Override
    public String @Nullable [] getServerAliases(@Nullable String keyType, Principal[] issuers) {
        List<String> out = new ArrayList<>();
        if (defaultCertificate != null && fits(defaultCertificate, keyType)) {
            out.add(DEFAULT);
        }
        byHostName.forEach((host, c) -> {
            if (fits(c, keyType)) {
                out.add(host);
            }
        });
        return out.isEmpty() ? null : out.toArray(String[]::new);
    }

    @Override
    public String @Nullable [] getClientAliases(@Nullable String keyType, Principal[] issuers) {
        return defaultCertificate != null && fits(defaultCertificate, keyType) ? new String[] {DEFAULT} : null;
    }

    @Override
    public @Nullable String chooseServerAlias(@Nullable String keyType, Principal[] issuers, Socket socket) {
        return defaultCertificate != null && fits(defaultCertificate, keyType) ? DEFAULT : null;
    }

    @Override
    public @Nullable String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return chooseEngineClientAlias(keyTypes, issuers, null);
    }
}
