package io.jtwisted.web.staticfiles;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code Range: bytes=...} header (RFC 9110 14.1.2): parsed into the ranges of a
 * representation of a known length.
 */
final class ByteRanges {
    /** At most this many ranges are honoured; more and the whole file is sent (RFC 9110 allows ignoring Range). */
    static final int MAX_RANGES = 64;

    /** One satisfiable range: {@code first..last} inclusive. */
    record Range(long first, long last) {
        long length() {
            return last - first + 1;
        }
    }

    private ByteRanges() {}

    /**
     * The satisfiable ranges of {@code header} for a body of {@code size} bytes: null when the
     * header is malformed or not about bytes (it is then ignored), an empty list when none is
     * satisfiable (416).
     */
    static @Nullable List<Range> parse(String header, long size) {
        String h = header.strip();
        if (!h.regionMatches(true, 0, "bytes=", 0, 6)) {
            return null;
        }
        List<Range> ranges = new ArrayList<>();
        String[] specs = h.substring(6).split(",", -1);
        if (specs.length > MAX_RANGES) {
            return null;
        }
        for (String raw : specs) {
            String spec = raw.strip();
            if (spec.isEmpty()) {
                continue;
            }
            int dash = spec.indexOf('-');
            if (dash < 0) {
                return null;
            }
            String a = spec.substring(0, dash).strip();
            String b = spec.substring(dash + 1).strip();
            if (a.isEmpty()) {
                long suffix = number(b);
                if (suffix < 0) {
                    return null;
                }
                if (suffix > 0 && size > 0) {
                    ranges.add(new Range(Math.max(0, size - suffix), size - 1));
                }
                continue;
            }
            long first = number(a);
            long last = b.isEmpty() ? Long.MAX_VALUE : number(b);
            if (first < 0 || last < 0 || last < first) {
                return null;
            }
            if (first < size) {
                ranges.add(new Range(first, Math.min(last, size - 1)));
            }
        }
        return ranges;
    }

    private static long number(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(s);
    }
}
