package io.jtwisted.web.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The constants and helpers of Twisted's {@code twisted.web.http} module: status codes under
 * Twisted's names, their reason phrases ({@link #reason(int)}, Twisted's {@code RESPONSES}), and
 * the HTTP date format ({@link #datetimeToString}, {@link #stringToDatetime}).
 */
public final class Http {
    public static final int CONTINUE = 100;
    public static final int SWITCHING = 101;
    public static final int OK = 200;
    public static final int CREATED = 201;
    public static final int ACCEPTED = 202;
    public static final int NON_AUTHORITATIVE_INFORMATION = 203;
    public static final int NO_CONTENT = 204;
    public static final int RESET_CONTENT = 205;
    public static final int PARTIAL_CONTENT = 206;
    public static final int MULTI_STATUS = 207;
    public static final int MULTIPLE_CHOICE = 300;
    public static final int MOVED_PERMANENTLY = 301;
    public static final int FOUND = 302;
    public static final int SEE_OTHER = 303;
    public static final int NOT_MODIFIED = 304;
    public static final int USE_PROXY = 305;
    public static final int TEMPORARY_REDIRECT = 307;
    public static final int PERMANENT_REDIRECT = 308;
    public static final int BAD_REQUEST = 400;
    public static final int UNAUTHORIZED = 401;
    public static final int PAYMENT_REQUIRED = 402;
    public static final int FORBIDDEN = 403;
    public static final int NOT_FOUND = 404;
    public static final int NOT_ALLOWED = 405;
    public static final int NOT_ACCEPTABLE = 406;
    public static final int PROXY_AUTH_REQUIRED = 407;
    public static final int REQUEST_TIMEOUT = 408;
    public static final int CONFLICT = 409;
    public static final int GONE = 410;
    public static final int LENGTH_REQUIRED = 411;
    public static final int PRECONDITION_FAILED = 412;
    public static final int REQUEST_ENTITY_TOO_LARGE = 413;
    public static final int REQUEST_URI_TOO_LONG = 414;
    public static final int UNSUPPORTED_MEDIA_TYPE = 415;
    public static final int REQUESTED_RANGE_NOT_SATISFIABLE = 416;
    public static final int EXPECTATION_FAILED = 417;
    /** RFC 6585; Twisted answers 400 where JTwisted answers this. */
    public static final int REQUEST_HEADER_FIELDS_TOO_LARGE = 431;

    public static final int INTERNAL_SERVER_ERROR = 500;
    public static final int NOT_IMPLEMENTED = 501;
    public static final int BAD_GATEWAY = 502;
    public static final int SERVICE_UNAVAILABLE = 503;
    public static final int GATEWAY_TIMEOUT = 504;
    public static final int HTTP_VERSION_NOT_SUPPORTED = 505;
    public static final int INSUFFICIENT_STORAGE_SPACE = 507;
    public static final int NOT_EXTENDED = 510;

    // Indexed by code; null for a code without a reason phrase.
    private static final @Nullable String[] REASONS = new String[600];
    private static final byte[] @Nullable [] STATUS_LINES_11 = new byte[600][];

    static {
        String[][] table = {
            {"100", "Continue"},
            {"101", "Switching Protocols"},
            {"200", "OK"},
            {"201", "Created"},
            {"202", "Accepted"},
            {"203", "Non-Authoritative Information"},
            {"204", "No Content"},
            {"205", "Reset Content"},
            {"206", "Partial Content"},
            {"207", "Multi-Status"},
            {"300", "Multiple Choices"},
            {"301", "Moved Permanently"},
            {"302", "Found"},
            {"303", "See Other"},
            {"304", "Not Modified"},
            {"305", "Use Proxy"},
            {"307", "Temporary Redirect"},
            {"308", "Permanent Redirect"},
            {"400", "Bad Request"},
            {"401", "Unauthorized"},
            {"402", "Payment Required"},
            {"403", "Forbidden"},
            {"404", "Not Found"},
            {"405", "Method Not Allowed"},
            {"406", "Not Acceptable"},
            {"407", "Proxy Authentication Required"},
            {"408", "Request Time-out"},
            {"409", "Conflict"},
            {"410", "Gone"},
            {"411", "Length Required"},
            {"412", "Precondition Failed"},
            {"413", "Request Entity Too Large"},
            {"414", "Request-URI Too Long"},
            {"415", "Unsupported Media Type"},
            {"416", "Requested Range not satisfiable"},
            {"417", "Expectation Failed"},
            {"431", "Request Header Fields Too Large"},
            {"500", "Internal Server Error"},
            {"501", "Not Implemented"},
            {"502", "Bad Gateway"},
            {"503", "Service Unavailable"},
            {"504", "Gateway Time-out"},
            {"505", "HTTP Version not supported"},
            {"507", "Insufficient Storage Space"},
            {"510", "Not Extended"},
        };
        for (String[] row : table) {
            int code = Integer.parseInt(row[0]);
            REASONS[code] = row[1];
            STATUS_LINES_11[code] = ("HTTP/1.1 " + code + " " + row[1] + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter RFC_850 = DateTimeFormatter.ofPattern(
                    "EEEE, dd-MMM-yy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US).withZone(ZoneOffset.UTC);

    private Http() {}

    /** The reason phrase of {@code code} (Twisted's {@code RESPONSES[code]}), or "Unknown Status". */
    public static String reason(int code) {
        String r = code >= 0 && code < REASONS.length ? REASONS[code] : null;
        return r == null ? "Unknown Status" : r;
    }

    /** "HTTP/1.1 200 OK\r\n" for a known code, shared (never modify it); null for an unknown one. */
    static byte @Nullable [] statusLine11(int code) {
        return code >= 0 && code < STATUS_LINES_11.length ? STATUS_LINES_11[code] : null;
    }

    /** Formats {@code epochSeconds} as an HTTP date, e.g. "Sun, 06 Nov 1994 08:49:37 GMT". */
    public static String datetimeToString(long epochSeconds) {
        return RFC_1123.format(Instant.ofEpochSecond(epochSeconds));
    }

    /**
     * Parses an HTTP date in any of the three forms RFC 9110 says a recipient must accept
     * (IMF-fixdate, RFC 850, asctime); returns epoch seconds, or {@code -1} when it is not a date.
     */
    public static long stringToDatetime(String value) {
        String v = value.strip();
        for (DateTimeFormatter f : new DateTimeFormatter[] {RFC_1123, RFC_850, ASCTIME}) {
            try {
                ZonedDateTime t = ZonedDateTime.parse(v, f);
                if (f == RFC_850
                        && t.getYear() > ZonedDateTime.now(ZoneOffset.UTC).getYear() + 50) {
                    t = t.minusYears(100); // RFC 9110 5.6.7: a two-digit year far in the future is in the past century
                }
                return t.toEpochSecond();
            } catch (DateTimeParseException notThisForm) {
                // try the next form
            }
        }
        return -1;
    }
}
