package io.jtwisted.web.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The combined log format (Apache's and nginx's, {@code %h - - [%t] "%r" %>s %b "%{Referer}i"
 * "%{User-Agent}i"}). Twisted's formatter quotes the client address; JTwisted does not, so that
 * the usual log tools read the lines.
 */
final class AccessLogFormat {
    private static final DateTimeFormatter CLF =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

    private AccessLogFormat() {}

    static String logDate(long epochSeconds) {
        return "[" + CLF.format(Instant.ofEpochSecond(epochSeconds)) + "]";
    }

    static String combined(String date, Request r) {
        StringBuilder b = new StringBuilder(160);
        b.append(r.getClientAddressString()).append(" - - ").append(date).append(" \"");
        escape(b, r.method()).append(' ');
        escape(b, r.uri()).append(' ');
        escape(b, r.clientproto()).append("\" ").append(r.code()).append(' ');
        long sent = r.sentLength();
        if (sent > 0) {
            b.append(sent);
        } else {
            b.append('-');
        }
        b.append(" \"");
        field(b, r.getHeader("referer")).append("\" \"");
        field(b, r.getHeader("user-agent")).append('"');
        return b.toString();
    }

    private static StringBuilder field(StringBuilder b, @Nullable String value) {
        return value == null ? b.append('-') : escape(b, value);
    }

    private static StringBuilder escape(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b;
    }
}
