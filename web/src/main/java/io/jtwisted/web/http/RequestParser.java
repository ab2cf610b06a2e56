package io.jtwisted.web.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The incremental HTTP/1.x request parser behind {@link HTTPChannel}: bytes in, request heads,
 * body bytes and message ends out, with every limit checked as bytes arrive.
 *
 * <p>Written for speed: a head that arrives whole is parsed straight from the array the
 * transport delivered (nothing is copied); only an incomplete tail is kept, in one growable
 * buffer. No regular expressions, no per-byte allocation: a header costs two strings. A partial
 * head is not rescanned from its start when more bytes come (only its last, unfinished line).
 *
 * <p>Refuses, with the status the listener is told: a request line longer than
 * {@code maxRequestLine} (414), a head longer than {@code maxHeaderBytes} or with more than
 * {@code maxHeaders} fields (431), a body longer than {@code maxBody} (413), and as 400 anything
 * malformed or ambiguous: both {@code Content-Length} and {@code Transfer-Encoding}, more than one
 * {@code Content-Length}, a transfer coding other than {@code chunked}, obs-fold (a header line
 * starting with white space), white space before a colon, control characters in a value, a
 * malformed chunk. After an error the parser ignores everything.
 */
final class RequestParser {
    /** What the parser reports; called on the thread that feeds it. */
    interface Listener {
        /**
         * A request head was parsed. {@code contentLength} is the body's length, or {@code -1}
         * for a chunked body.
         */
        void headReceived(String method, String uri, int minorVersion, Headers headers, long contentLength);

        /** Body bytes: {@code data[offset, offset + length)}, valid only during the call. */
        void bodyReceived(byte[] data, int offset, int length);

        /** The request's last byte arrived. Return true to parse the next one now, false to pause. */
        boolean messageReceived();

        /** The input is refused with {@code status}; the parser will read nothing more. */
        void badRequest(int status, String why);
    }

    private static final int HEAD = 0;
    private static final int BODY = 1;
    private static final int CHUNK_SIZE = 2;
    private static final int CHUNK_DATA = 3;
    private static final int CHUNK_END = 4;
    private static final int TRAILER = 5;
    private static final int STOPPED = 6;

    private static final int MAX_CHUNK_SIZE_LINE = 1024;
    private static final boolean[] TCHAR = new boolean[256];

    static {
        for (char c = '0'; c <= '9'; c++) {
            TCHAR[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            TCHAR[c] = true;
            TCHAR[c - 32] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TCHAR[c] = true;
        }
    }

    private final Listener listener;
    private final int maxRequestLine;
    private final int maxHeaderBytes;
    private final int maxHeaders;
    private final long maxBody;

    private int state = HEAD;
    private boolean paused;
    private byte[] buf = new byte[0];
    private int bufStart;
    private int bufEnd;
    /** Where the unfinished line of a partial head (or trailer) starts, relative to the head's start. */
    private int headScan;

    private int headLines;
    private long remaining;
    private long bodyTotal;
    private byte[] nameScratch = new byte[64];

    RequestParser(Listener listener, int maxRequestLine, int maxHeaderBytes, int maxHeaders, long maxBody) {
        this.listener = listener;
        this.maxRequestLine = maxRequestLine;
        this.maxHeaderBytes = maxHeaderBytes;
        this.maxHeaders = maxHeaders;
        this.maxBody = maxBody;
    }

    /** Takes the next bytes of the connection; parses them unless paused. */
    void feed(byte[] data) {
        if (state == STOPPED || data.length == 0) {
            return;
        }
        if (bufStart == bufEnd && !paused) {
            int stop = run(data, 0, data.length);
            if (stop < data.length && state != STOPPED) {
                append(data, stop, data.length - stop);
            }
            return;
        }
        append(data, 0, data.length);
        if (!paused) {
            runBuffered();
        }
    }

    /** Parses what arrived while paused, and goes on parsing what comes. */
    void resume() {
        paused = false;
        if (bufStart < bufEnd && state != STOPPED) {
            runBuffered();
        }
    }

    /** Ignores all further input (the connection is closing). */
    void stop() {
        state = STOPPED;
        buf = new byte[0];
        bufStart = bufEnd = 0;
    }

    /** Bytes received and not yet parsed. */
    int buffered() {
        return bufEnd - bufStart;
    }

    /** True between the first byte of a request and its end (a partial head counts). */
    boolean inRequest() {
        return state != HEAD || bufEnd > bufStart || headLines > 0;
    }

    /** True when the parser is waiting for more of a request head. */
    boolean inHead() {
        return state == HEAD && (bufEnd > bufStart);
    }

    private void runBuffered() {
        int stop = run(buf, bufStart, bufEnd);
        if (state == STOPPED) {
            return;
        }
        bufStart = stop;
        if (bufStart == bufEnd) {
            bufStart = bufEnd = 0;
        }
    }

    private void append(byte[] data, int offset, int length) {
        int pending = bufEnd - bufStart;
        if (bufStart > 0 && bufEnd + length > buf.length) {
            System.arraycopy(buf, bufStart, buf, 0, pending);
            bufStart = 0;
            bufEnd = pending;
        }
        if (bufEnd + length > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(bufEnd + length, Math.max(256, buf.length * 2)));
        }
        System.arraycopy(data, offset, buf, bufEnd, length);
        bufEnd += length;
    }

    /** Parses {@code a[off, end)}; returns where it stopped (needing more bytes, or paused). */
    private int run(byte[] a, int off, int end) {
        while (off < end && !paused && state != STOPPED) {
            switch (state) {
                case HEAD -> {
                    int next = head(a, off, end);
                    if (next < 0) {
                        return state == STOPPED ? end : -next - 1;
                    }
                    off = next;
                }
                case BODY, CHUNK_DATA -> {
                    int n = (int) Math.min(remaining, end - off);
                    listener.bodyReceived(a, off, n);
                    off += n;
                    remaining -= n;
                    if (remaining == 0) {
                        if (state == BODY) {
                            complete();
                        } else {
                            state = CHUNK_END;
                        }
                    }
                }
                case CHUNK_SIZE -> {
                    int nl = indexOf(a, off, end, (byte) '\n');
                    if (nl < 0) {
                        if (end - off > MAX_CHUNK_SIZE_LINE) {
                            fail(Http.BAD_REQUEST, "chunk size line too long");
                        }
                        return off;
                    }
                    chunkSize(a, off, nl);
                    off = nl + 1;
                }
                case CHUNK_END -> {
                    if (a[off] == '\n') {
                        off++;
                        state = CHUNK_SIZE;
                    } else if (a[off] == '\r') {
                        if (off + 1 == end) {
                            return off;
                        }
                        if (a[off + 1] != '\n') {
                            fail(Http.BAD_REQUEST, "chunk not followed by CRLF");
                            return end;
                        }
                        off += 2;
                        state = CHUNK_SIZE;
                    } else {
                        fail(Http.BAD_REQUEST, "chunk longer than its size");
                        return end;
                    }
                }
                case TRAILER -> {
                    int nl = indexOf(a, off, end, (byte) '\n');
                    if (nl < 0) {
                        if (headScan + (end - off) > maxHeaderBytes) {
                            fail(Http.REQUEST_HEADER_FIELDS_TOO_LARGE, "trailer too long");
                        }
                        return off;
                    }
                    int lineLength = nl - off - (nl > off && a[nl - 1] == '\r' ? 1 : 0);
                    headScan += nl + 1 - off;
                    off = nl + 1;
                    if (lineLength == 0) {
                        complete();
                    } else if (headScan > maxHeaderBytes) {
                        fail(Http.REQUEST_HEADER_FIELDS_TOO_LARGE, "trailer too long");
                    }
                }
                default -> {
                    return end;
                }
            }
        }
        return state == STOPPED ? end : off;
    }

    /**
     * Looks for the end of the head that starts at {@code off}; parses it when found and returns the
     * offset after it. Returns {@code -(k + 1)} when more bytes are needed, {@code k} being where the
     * head starts (after any blank lines before it, which are dropped).
     */
    private int head(byte[] a, int off, int end) {
        int lineStart = off + headScan;
        while (true) {
            int nl = indexOf(a, lineStart, end, (byte) '\n');
            if (nl < 0) {
                int partial = end - lineStart;
                if (headLines == 0 && partial > maxRequestLine) {
                    fail(Http.REQUEST_URI_TOO_LONG, "request line too long");
                } else if (end - off > maxHeaderBytes) {
                    fail(Http.REQUEST_HEADER_FIELDS_TOO_LARGE, "request head too long");
                }
                headScan = lineStart - off;
                return -(off + 1);
            }
            int lineEnd = nl > lineStart && a[nl - 1] == '\r' ? nl - 1 : nl;
            if (lineEnd == lineStart) {
                if (headLines == 0) {
                    // RFC 9112 2.2: ignore empty lines before the request line.
                    off = nl + 1;
                    lineStart = off;
                    continue;
                }
                int after = nl + 1;
                if (after - off > maxHeaderBytes) {
                    fail(Http.REQUEST_HEADER_FIELDS_TOO_LARGE, "request head too long");
                    return -1;
                }
                parseHead(a, off, after);
                return after;
            }
            if (headLines == 0 && lineEnd - lineStart > maxRequestLine) {
                fail(Http.REQUEST_URI_TOO_LONG, "request line too long");
                return -1;
            }
            headLines++;
            if (headLines - 1 > maxHeaders) {
                fail(Http.REQUEST_HEADER_FIELDS_TOO_LARGE, "too many headers");
                return -1;
            }
            if (nl + 1 - off > maxHeaderBytes) {
                fail(Http.REQUEST_HEADER_FIELDS_TOO_LARGE, "request head too long");
                return -1;
            }
            lineStart = nl + 1;
        }
    }

    private void parseHead(byte[] a, int start, int end) {
        headScan = 0;
        headLines = 0;
        int nl = indexOf(a, start, end, (byte) '\n');
        int e = nl > start && a[nl - 1] == '\r' ? nl - 1 : nl;
        int sp1 = indexOf(a, start, e, (byte) ' ');
        if (sp1 <= start) {
            fail(Http.BAD_REQUEST, "malformed request line");
            return;
        }
        for (int i = start; i < sp1; i++) {
            if (!TCHAR[a[i] & 0xff]) {
                fail(Http.BAD_REQUEST, "malformed method");
                return;
            }
        }
        int sp2 = indexOf(a, sp1 + 1, e, (byte) ' ');
        if (sp2 < 0 || sp2 == sp1 + 1) {
            fail(Http.BAD_REQUEST, "malformed request line");
            return;
        }
        for (int i = sp1 + 1; i < sp2; i++) {
            int b = a[i] & 0xff;
            if (b <= 0x20 || b == 0x7f) {
                fail(Http.BAD_REQUEST, "malformed request target");
                return;
            }
        }
        int minor = version(a, sp2 + 1, e);
        if (minor < 0) {
            return;
        }
        String method = method(a, start, sp1);
        String uri = new String(a, sp1 + 1, sp2 - sp1 - 1, StandardCharsets.ISO_8859_1);
        Headers headers = new Headers();
        int p = nl + 1;
        while (true) {
            int lnl = indexOf(a, p, end, (byte) '\n');
            int le = lnl > p && a[lnl - 1] == '\r' ? lnl - 1 : lnl;
            if (le == p) {
                break;
            }
            if (!header(a, p, le, headers)) {
                return;
            }
            p = lnl + 1;
        }
        framing(method, uri, minor, headers);
    }

    /** Parses "HTTP/1.x"; returns x, or -1 after failing. */
    private int version(byte[] a, int start, int end) {
        int length = end - start;
        if (length == 8
                && a[start] == 'H'
                && a[start + 1] == 'T'
                && a[start + 2] == 'T'
                && a[start + 3] == 'P'
                && a[start + 4] == '/'
                && isDigit(a[start + 5])
                && a[start + 6] == '.'
                && isDigit(a[start + 7])) {
            if (a[start + 5] == '1' && (a[start + 7] == '1' || a[start + 7] == '0')) {
                return a[start + 7] - '0';
            }
            fail(Http.HTTP_VERSION_NOT_SUPPORTED, "unsupported HTTP version");
            return -1;
        }
        fail(Http.BAD_REQUEST, "malformed HTTP version");
        return -1;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static String method(byte[] a, int start, int end) {
        int n = end - start;
        if (n == 3 && a[start] == 'G' && a[start + 1] == 'E' && a[start + 2] == 'T') {
            return "GET";
        }
        if (n == 4 && a[start] == 'H' && a[start + 1] == 'E' && a[start + 2] == 'A' && a[start + 3] == 'D') {
            return "HEAD";
        }
        if (n == 4 && a[start] == 'P' && a[start + 1] == 'O' && a[start + 2] == 'S' && a[start + 3] == 'T') {
            return "POST";
        }
        return new String(a, start, n, StandardCharsets.ISO_8859_1);
    }

    private boolean header(byte[] a, int start, int end, Headers headers) {
        if (a[start] == ' ' || a[start] == '\t') {
            fail(Http.BAD_REQUEST, "obsolete line folding");
            return false;
        }
        int colon = indexOf(a, start, end, (byte) ':');
        if (colon <= start) {
            fail(Http.BAD_REQUEST, "malformed header");
            return false;
        }
        int n = colon - start;
        if (nameScratch.length < n) {
            nameScratch = new byte[Math.max(n, nameScratch.length * 2)];
        }
        for (int i = 0; i < n; i++) {
            int b = a[start + i] & 0xff;
            if (!TCHAR[b]) {
                fail(Http.BAD_REQUEST, "malformed header name");
                return false;
            }
            nameScratch[i] = (byte) (b >= 'A' && b <= 'Z' ? b + 32 : b);
        }
        int vs = colon + 1;
        int ve = end;
        while (vs < ve && (a[vs] == ' ' || a[vs] == '\t')) {
            vs++;
        }
        while (ve > vs && (a[ve - 1] == ' ' || a[ve - 1] == '\t')) {
            ve--;
        }
        for (int i = vs; i < ve; i++) {
            int b = a[i] & 0xff;
            if ((b < 0x20 && b != '\t') || b == 0x7f) {
                fail(Http.BAD_REQUEST, "control character in header value");
                return false;
            }
        }
        headers.addRawHeader(
                new String(nameScratch, 0, n, StandardCharsets.ISO_8859_1),
                new String(a, vs, ve - vs, StandardCharsets.ISO_8859_1));
        return true;
    }

    private void framing(String method, String uri, int minor, Headers headers) {
        int teCount = headers.count("transfer-encoding");
        int clCount = headers.count("content-length");
        long length = 0;
        if (teCount > 0 && clCount > 0) {
            fail(Http.BAD_REQUEST, "both Content-Length and Transfer-Encoding");
            return;
        }
        if (teCount > 0) {
            if (teCount > 1 || minor == 0 || !"chunked".equalsIgnoreCase(headers.getFirst("transfer-encoding"))) {
                fail(Http.BAD_REQUEST, "unsupported Transfer-Encoding");
                return;
            }
            length = -1;
        } else if (clCount > 0) {
            if (clCount > 1) {
                fail(Http.BAD_REQUEST, "more than one Content-Length");
                return;
            }
            length = parseLength(headers.getFirst("content-length"));
            if (length < 0) {
                fail(Http.BAD_REQUEST, "malformed Content-Length");
                return;
            }
            if (length > maxBody) {
                fail(Http.REQUEST_ENTITY_TOO_LARGE, "body too large");
                return;
            }
        }
        bodyTotal = 0;
        listener.headReceived(method, uri, minor, headers, length);
        if (state == STOPPED) {
            return;
        }
        if (length > 0) {
            remaining = length;
            state = BODY;
        } else if (length < 0) {
            state = CHUNK_SIZE;
        } else {
            complete();
        }
    }

    /** The value of a Content-Length header, or -1 when it is malformed (or absent). */
    private static long parseLength(@Nullable String v) {
        if (v == null || v.isEmpty() || v.length() > 18) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private void chunkSize(byte[] a, int start, int nl) {
        long size = 0;
        int i = start;
        int digits = 0;
        while (i < nl) {
            int d = Character.digit(a[i], 16);
            if (d < 0) {
                break;
            }
            if (++digits > 15) {
                fail(Http.BAD_REQUEST, "chunk size too large");
                return;
            }
            size = size * 16 + d;
            i++;
        }
        int rest = i;
        if (digits == 0) {
            fail(Http.BAD_REQUEST, "malformed chunk size");
            return;
        }
        // After the size: optional chunk extensions (";name=value"), ignored, then CRLF.
        int e = nl > rest && a[nl - 1] == '\r' ? nl - 1 : nl;
        if (rest < e && a[rest] != ';') {
            fail(Http.BAD_REQUEST, "malformed chunk size");
            return;
        }
        for (int j = rest; j < e; j++) {
            int b = a[j] & 0xff;
            if ((b < 0x20 && b != '\t') || b == 0x7f) {
                fail(Http.BAD_REQUEST, "control character in chunk extension");
                return;
            }
        }
        if (size == 0) {
            state = TRAILER;
            headScan = 0;
            return;
        }
        bodyTotal += size;
        if (bodyTotal > maxBody) {
            fail(Http.REQUEST_ENTITY_TOO_LARGE, "body too large");
            return;
        }
        remaining = size;
        state = CHUNK_DATA;
    }

    private void complete() {
        state = HEAD;
        headScan = 0;
        headLines = 0;
        if (!listener.messageReceived()) {
            paused = true;
        }
    }

    private void fail(int status, String why) {
        stop();
        listener.badRequest(status, why);
    }

    private static int indexOf(byte[] a, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
