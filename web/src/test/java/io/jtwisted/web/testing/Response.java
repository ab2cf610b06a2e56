package io.jtwisted.web.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A parsed HTTP response, for tests: status, headers (lower-case names), body (de-chunked). */
@SuppressWarnings("ArrayRecordComponent") // a parsed response, read by tests, never compared
public record Response(int status, String statusLine, Map<String, List<String>> headers, byte[] body) {
    public String header(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null ? null : v.get(0);
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Parses every response in {@code wire}, in order; {@code headRequests} marks those that answer HEAD (no body). */
    public static List<Response> parseAll(byte[] wire, boolean... headRequests) {
        List<Response> all = new ArrayList<>();
        int p = 0;
        while (p < wire.length) {
            int end = indexOf(wire, p, "\r\n\r\n");
            if (end < 0) {
                throw new AssertionError("incomplete response head: "
                        + new String(wire, p, wire.length - p, StandardCharsets.ISO_8859_1));
            }
            String[] lines = new String(wire, p, end - p, StandardCharsets.ISO_8859_1).split("\r\n");
            int status = Integer.parseInt(lines[0].substring(9, 12));
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).strip());
            }
            p = end + 4;
            boolean head = all.size() < headRequests.length && headRequests[all.size()];
            byte[] body;
            if (head || status < 200 || status == 204 || status == 304) {
                body = new byte[0];
            } else if (headers.containsKey("content-length")) {
                int n = Integer.parseInt(headers.get("content-length").get(0));
                body = java.util.Arrays.copyOfRange(wire, p, p + n);
                p += n;
            } else if (headers.containsKey("transfer-encoding")) {
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                while (true) {
                    int nl = indexOf(wire, p, "\r\n");
                    int size = Integer.parseInt(new String(wire, p, nl - p, StandardCharsets.ISO_8859_1), 16);
                    p = nl + 2;
                    if (size == 0) {
                        p += 2;
                        break;
                    }
                    out.write(wire, p, size);
                    p += size + 2;
                }
                body = out.toByteArray();
            } else {
                body = java.util.Arrays.copyOfRange(wire, p, wire.length);
                p = wire.length;
            }
            all.add(new Response(status, lines[0], headers, body));
        }
        return all;
    }

    private static int indexOf(byte[] a, int from, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = from; i <= a.length - n.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (a[i + j] != n[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
