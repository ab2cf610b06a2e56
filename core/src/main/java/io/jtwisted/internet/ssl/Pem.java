package io.jtwisted.internet.ssl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Reads and writes PEM: {@code -----BEGIN LABEL-----}, base64 DER, {@code -----END LABEL-----}. */
final class Pem {
    /** One block of a PEM text. */
    @SuppressWarnings("ArrayRecordComponent") // parsed once and read, never compared
    record Block(String label, byte[] der, boolean encryptedLegacy) {}

    private Pem() {}

    /** Every block of {@code text}, in order; text between blocks is ignored, as OpenSSL does. */
    static List<Block> parse(String text) {
        List<Block> blocks = new ArrayList<>();
        int from = 0;
        while (true) {
            int begin = text.indexOf("-----BEGIN ", from);
            if (begin < 0) {
                return blocks;
            }
            int labelEnd = text.indexOf("-----", begin + 11);
            if (labelEnd < 0) {
                throw new IllegalArgumentException("malformed PEM: unterminated BEGIN line");
            }
            String label = text.substring(begin + 11, labelEnd);
            String endLine = "-----END " + label + "-----";
            int end = text.indexOf(endLine, labelEnd);
            if (end < 0) {
                throw new IllegalArgumentException("malformed PEM: no '" + endLine + "'");
            }
            String body = text.substring(labelEnd + 5, end);
            boolean legacyEncrypted = body.contains("Proc-Type:") && body.contains("ENCRYPTED");
            byte[] der = legacyEncrypted ? new byte[0] : decode(body, label);
            blocks.add(new Block(label, der, legacyEncrypted));
            from = end + endLine.length();
        }
    }

    private static byte[] decode(String body, String label) {
        StringBuilder b64 = new StringBuilder(body.length());
        for (String line : body.split("\\R")) {
            if (!line.contains(":")) { // skip RFC 1421 headers
                b64.append(line.strip());
            }
        }
        try {
            return Base64.getDecoder().decode(b64.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed PEM: the " + label + " block is not valid base64", e);
        }
    }

    static String encode(String label, byte[] der) {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + b64 + "\n-----END " + label + "-----\n";
    }
}
