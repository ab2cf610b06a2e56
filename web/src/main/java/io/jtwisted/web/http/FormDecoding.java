package io.jtwisted.web.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Query strings and form bodies: {@code application/x-www-form-urlencoded} and {@code
 * multipart/form-data} (RFC 7578), decoded into {@link Request#args()}.
 */
public final class FormDecoding {
    private FormDecoding() {}

    /** Adds the pairs of {@code query} ("a=1&amp;b=&amp;c") to {@code into}; blank values are kept, as Twisted does. */
    public static void parseQuery(String query, Map<String, List<String>> into) {
        int start = 0;
        int n = query.length();
        while (start <= n) {
            int amp = query.indexOf('&', start);
            int end = amp < 0 ? n : amp;
            if (end > start) {
                int eq = query.indexOf('=', start);
                String key;
                String value;
                if (eq < 0 || eq > end) {
                    key = unquotePlus(query, start, end);
                    value = "";
                } else {
                    key = unquotePlus(query, start, eq);
                    value = unquotePlus(query, eq + 1, end);
                }
                into.computeIfAbsent(key, k -> new ArrayList<>(1)).add(value);
            }
            if (amp < 0) {
                break;
            }
            start = amp + 1;
        }
    }

    /** Percent-decodes {@code s[from, to)} ('+' is a space), as UTF-8; bad escapes stay as they are. */
    static String unquotePlus(String s, int from, int to) {
        boolean plain = true;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%' || c == '+' || c > 0x7f) {
                plain = false;
                break;
            }
        }
        if (plain) {
            return s.substring(from, to);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '+') {
                out.write(' ');
            } else if (c == '%' && i + 2 < to && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                out.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 2;
            } else {
                out.write(c & 0xff); // the request line arrives as ISO-8859-1: one char per byte
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static int hex(char c) {
        return c >= '0' && c <= '9'
                ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    /**
     * Adds the fields of a form body of type {@code contentType} to {@code into}; returns the
     * multipart parts by name (empty for other types). Other content types are left alone.
     *
     * @throws IllegalArgumentException when a multipart body is malformed
     */
    static Map<String, List<FormPart>> parseBody(
            String contentType, byte[] body, int length, Map<String, List<String>> into) {
        String type = contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            parseQuery(new String(body, 0, length, StandardCharsets.ISO_8859_1), into);
            return Map.of();
        }
        if (type.startsWith("multipart/form-data")) {
            String boundary = parameter(contentType, "boundary");
            if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
                throw new IllegalArgumentException("multipart/form-data without a valid boundary");
            }
            Map<String, List<FormPart>> parts = new LinkedHashMap<>();
            for (FormPart part : multipart(body, length, boundary)) {
                parts.computeIfAbsent(part.name(), k -> new ArrayList<>(1)).add(part);
                into.computeIfAbsent(part.name(), k -> new ArrayList<>(1))
                        .add(new String(part.content(), StandardCharsets.UTF_8));
            }
            return parts;
        }
        return Map.of();
    }

    /**
     * The value of parameter {@code name} of a header like {@code form-data; name="a"; filename="b"},
     * or {@code null} when the header does not have it.
     */
    static @Nullable String parameter(String header, String name) {
        int i = header.indexOf(';');
        while (i >= 0 && i < header.length()) {
            int start = i + 1;
            while (start < header.length() && header.charAt(start) == ' ') {
                start++;
            }
            int eq = header.indexOf('=', start);
            if (eq < 0) {
                return null;
            }
            String key = header.substring(start, eq).strip();
            String value;
            int next;
            if (eq + 1 < header.length() && header.charAt(eq + 1) == '"') {
                StringBuilder v = new StringBuilder();
                int j = eq + 2;
                while (j < header.length() && header.charAt(j) != '"') {
                    if (header.charAt(j) == '\\' && j + 1 < header.length()) {
                        j++;
                    }
                    v.append(header.charAt(j++));
                }
                value = v.toString();
                next = header.indexOf(';', j);
            } else {
                next = header.indexOf(';', eq);
                value = header.substring(eq + 1, next < 0 ? header.length() : next)
                        .strip();
            }
            if (key.equalsIgnoreCase(name)) {
                return value;
            }
            i = next;
        }
        return null;
    }

    private static List<FormPart> multipart(byte[] body, int length, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<FormPart> parts = new ArrayList<>();
        int at = find(body, 0, length, delimiter);
        if (at < 0) {
            throw new IllegalArgumentException("multipart body without its boundary");
        }
        int p = at + delimiter.length;
        while (true) {
            if (p + 2 <= length && body[p] == '-' && body[p + 1] == '-') {
                return parts; // the close delimiter
            }
            p = skipLineEnd(body, p, length);
            String disposition = null;
            String partType = null;
            while (true) {
                int eol = find(body, p, length, new byte[] {'\n'});
                if (eol < 0) {
                    throw new IllegalArgumentException("unterminated part headers");
                }
                int lineEnd = eol > p && body[eol - 1] == '\r' ? eol - 1 : eol;
                String line = new String(body, p, lineEnd - p, StandardCharsets.UTF_8);
                p = eol + 1;
                if (line.isEmpty()) {
                    break;
                }
                int colon = line.indexOf(':');
                if (colon > 0) {
                    String key = line.substring(0, colon).strip();
                    if (key.equalsIgnoreCase("content-disposition")) {
                        disposition = line.substring(colon + 1).strip();
                    } else if (key.equalsIgnoreCase("content-type")) {
                        partType = line.substring(colon + 1).strip();
                    }
                }
            }
            byte[] next = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
            int end = find(body, p, length, next);
            if (end < 0) {
                throw new IllegalArgumentException("part without a closing boundary");
            }
            String name = disposition == null ? null : parameter(disposition, "name");
            if (disposition == null || name == null) {
                throw new IllegalArgumentException("part without a name");
            }
            byte[] content = java.util.Arrays.copyOfRange(body, p, end);
            parts.add(new FormPart(name, parameter(disposition, "filename"), partType, content));
            p = end + next.length;
        }
    }

    private static int skipLineEnd(byte[] b, int p, int length) {
        while (p < length && (b[p] == ' ' || b[p] == '\t')) {
            p++;
        }
        if (p < length && b[p] == '\r') {
            p++;
        }
        if (p < length && b[p] == '\n') {
            p++;
        }
        return p;
    }

    private static int find(byte[] hay, int from, int to, byte[] needle) {
        outer:
        for (int i = from; i <= to - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
