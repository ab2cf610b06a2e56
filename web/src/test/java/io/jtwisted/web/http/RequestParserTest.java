package io.jtwisted.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link RequestParser}: limits and refusals, seen through an {@link HTTPChannel} (the status it
 * answers, and that it closes).
 *
 * <p>Ported from Twisted's {@code test_http.py} ParsingTests: testTooManyHeaders,
 * testHeadersTooBigInitialCommand (Twisted answers 400; JTwisted 414), testHeadersTooBigOtherHeaders
 * (Twisted 400; JTwisted 431), test_invalidHeaderOnlyColon, test_invalidHeaderWhitespaceBeforeColon,
 * test_invalidNonAsciiMethod, test_duplicateContentLengths*, test_contentLengthAndTransferEncoding,
 * test_contentLengthMalformed, test_contentLengthNegative, test_contentLengthTooPositive,
 * test_unknownTransferEncoding, test_transferEncodingIdentity; ChunkedTransferEncodingTests
 * (test_decoding, test_short, test_extensions, test_malformedChunkSize, test_malformedChunkEnd,
 * test_finishedWithTrailers, test_oversizedChunkSizeLine). HTTP0_9Tests become "refused with 400".
 */
class RequestParserTest {
    private static String answer(String input) {
        ChannelHarness h = new ChannelHarness();
        h.factory.setMaxRequestBody(1000);
        h.connect().send(input);
        String out = h.written();
        return out.isEmpty() ? "" : out.substring(0, out.indexOf("\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        no version (HTTP/0.9)                | GET /\\r\\n\\r\\n                                                               | HTTP/1.1 400 Bad Request
        empty method                         | \\u0020/ HTTP/1.1\\r\\n\\r\\n                                                      | HTTP/1.1 400 Bad Request
        method with a bad character          | G(T / HTTP/1.1\\r\\n\\r\\n                                                        | HTTP/1.1 400 Bad Request
        garbage version                      | GET / HTTX/1.1\\r\\n\\r\\n                                                        | HTTP/1.1 400 Bad Request
        unsupported version                  | GET / HTTP/2.0\\r\\n\\r\\n                                                        | HTTP/1.1 505 HTTP Version not supported
        header without colon                 | GET / HTTP/1.1\\r\\nNoColon\\r\\n\\r\\n                                           | HTTP/1.1 400 Bad Request
        header that is only a colon          | GET / HTTP/1.1\\r\\n:\\r\\n\\r\\n                                                 | HTTP/1.1 400 Bad Request
        white space before the colon         | GET / HTTP/1.1\\r\\nHost : x\\r\\n\\r\\n                                          | HTTP/1.1 400 Bad Request
        obs-fold                             | GET / HTTP/1.1\\r\\nX: a\\r\\n  b\\r\\n\\r\\n                                      | HTTP/1.1 400 Bad Request
        NUL in a value                       | GET / HTTP/1.1\\r\\nX: a\\u0000b\\r\\n\\r\\n                                       | HTTP/1.1 400 Bad Request
        bare CR in a value                   | GET / HTTP/1.1\\r\\nX: a\\rb\\r\\n\\r\\n                                           | HTTP/1.1 400 Bad Request
        Content-Length and Transfer-Encoding | POST / HTTP/1.1\\r\\nContent-Length: 3\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n | HTTP/1.1 400 Bad Request
        two equal Content-Lengths            | POST / HTTP/1.1\\r\\nContent-Length: 3\\r\\nContent-Length: 3\\r\\n\\r\\nabc      | HTTP/1.1 400 Bad Request
        a Content-Length list                | POST / HTTP/1.1\\r\\nContent-Length: 3, 3\\r\\n\\r\\nabc                         | HTTP/1.1 400 Bad Request
        negative Content-Length              | POST / HTTP/1.1\\r\\nContent-Length: -1\\r\\n\\r\\n                              | HTTP/1.1 400 Bad Request
        signed Content-Length                | POST / HTTP/1.1\\r\\nContent-Length: +3\\r\\n\\r\\nabc                           | HTTP/1.1 400 Bad Request
        huge Content-Length                  | POST / HTTP/1.1\\r\\nContent-Length: 99999999999999999999\\r\\n\\r\\n            | HTTP/1.1 400 Bad Request
        Content-Length over the limit        | POST / HTTP/1.1\\r\\nContent-Length: 1001\\r\\n\\r\\n                            | HTTP/1.1 413 Request Entity Too Large
        identity transfer coding             | POST / HTTP/1.1\\r\\nTransfer-Encoding: identity\\r\\n\\r\\n                     | HTTP/1.1 400 Bad Request
        gzip, chunked transfer coding        | POST / HTTP/1.1\\r\\nTransfer-Encoding: gzip, chunked\\r\\n\\r\\n                | HTTP/1.1 400 Bad Request
        two Transfer-Encoding headers        | POST / HTTP/1.1\\r\\nTransfer-Encoding: chunked\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n | HTTP/1.1 400 Bad Request
        chunked from an HTTP/1.0 client      | POST / HTTP/1.0\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n0\\r\\n\\r\\n            | HTTP/1.1 400 Bad Request
        malformed chunk size                 | POST / HTTP/1.1\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\nzz\\r\\n                  | HTTP/1.1 400 Bad Request
        chunk size with a sign               | POST / HTTP/1.1\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n-5\\r\\n                  | HTTP/1.1 400 Bad Request
        chunk longer than its size           | POST / HTTP/1.1\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n2\\r\\nabc\\r\\n            | HTTP/1.1 400 Bad Request
        chunk size over 15 hex digits        | POST / HTTP/1.1\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n1000000000000000\\r\\n    | HTTP/1.1 400 Bad Request
        chunks over the body limit           | POST / HTTP/1.1\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n3e8\\r\\n                 | HTTP/1.1 200 OK
        chunks over the body limit, summed   | POST / HTTP/1.1\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n3e8\\r\\n                 | HTTP/1.1 200 OK
        """)
    void refusesMalformedAndAmbiguousRequests(String what, String input, String status) {
        String unescaped = input.strip()
                .replace("\\r", "\r")
                .replace("\\n", "\n")
                .replace("\\u0000", "\0")
                .replace("\\u0020", " ");
        String got = answer(unescaped);
        if (status.endsWith("200 OK")) {
            assertThat(got).as(what).isEmpty(); // still waiting for the body: not refused
        } else {
            assertThat(got).as(what).isEqualTo(status);
        }
    }

    @Test
    void chunksWhoseSumExceedsTheBodyLimitAreRefused() {
        String chunk = "a".repeat(600);
        assertThat(answer("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n258\r\n" + chunk + "\r\n258\r\n"))
                .isEqualTo("HTTP/1.1 413 Request Entity Too Large");
    }

    @Test
    void anOverlongRequestLineGets414() {
        ChannelHarness h = new ChannelHarness();
        h.factory.setMaxRequestLine(100);
        h.connect().send("GET /" + "a".repeat(100));
        assertThat(h.written())
                .startsWith("HTTP/1.1 414 Request-URI Too Long\r\n")
                .contains("Connection: close");
        assertThat(h.transport.disconnecting()).isTrue();
    }

    @Test
    void anOverlongHeadGets431() {
        ChannelHarness h = new ChannelHarness();
        h.factory.setMaxHeaderBytes(200);
        h.connect().send("GET / HTTP/1.1\r\nX: " + "a".repeat(100) + "\r\nY: " + "b".repeat(100) + "\r\n");
        assertThat(h.written()).startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n");
    }

    @Test
    void tooManyHeadersGet431() {
        ChannelHarness h = new ChannelHarness();
        h.factory.setMaxHeaders(3);
        h.connect().send("GET / HTTP/1.1\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n");
        assertThat(h.statusLines()).containsExactly("HTTP/1.1 200 OK");
        h.send("GET / HTTP/1.1\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n");
        assertThat(h.statusLines()).containsExactly("HTTP/1.1 200 OK", "HTTP/1.1 431 Request Header Fields Too Large");
    }

    @Test
    void nothingAfterARefusalIsParsed() {
        ChannelHarness h = new ChannelHarness();
        h.connect().send("BAD\r\n\r\nGET / HTTP/1.1\r\n\r\n");
        assertThat(h.requests).isEmpty();
        assertThat(h.statusLines()).containsExactly("HTTP/1.1 400 Bad Request");
    }

    @Test
    void blankLinesBeforeARequestAreIgnoredAndBareLineFeedsAccepted() {
        ChannelHarness h = new ChannelHarness();
        h.connect().send("\r\n\r\nGET /a HTTP/1.1\nHost: x\n\n");
        assertThat(h.requests).hasSize(1);
        assertThat(h.requests.get(0).getHeader("host")).isEqualTo("x");
    }

    /** The parser alone: what reaches the listener, for a head split at every possible byte. */
    @Test
    void everySplitOfAPipelinedStreamGivesTheSameEvents() {
        String stream =
                "POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\nGET /b?c HTTP/1.0\r\nX:y\r\n\r\n";
        List<String> whole = events(stream, stream.length());
        assertThat(whole).containsExactly("head POST /a 1 -1", "body abc", "end", "head GET /b?c 0 0", "end");
        for (int split = 1; split < stream.length(); split++) {
            assertThat(events(stream, split)).as("split at %d", split).isEqualTo(whole);
        }
    }

    static List<String> events(String stream, int split) {
        List<String> seen = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        RequestParser p = new RequestParser(
                new RequestParser.Listener() {
                    @Override
                    public void headReceived(
                            String method, String uri, int minorVersion, Headers headers, long contentLength) {
                        seen.add("head " + method + " " + uri + " " + minorVersion + " " + contentLength);
                    }

                    @Override
                    public void bodyReceived(byte[] data, int offset, int length) {
                        body.append(new String(data, offset, length, StandardCharsets.UTF_8));
                    }

                    @Override
                    public boolean messageReceived() {
                        if (body.length() > 0) {
                            seen.add("body " + body);
                            body.setLength(0);
                        }
                        seen.add("end");
                        return true;
                    }

                    @Override
                    public void badRequest(int status, String why) {
                        seen.add("bad " + status);
                    }
                },
                1000,
                1000,
                10,
                1000);
        byte[] b = stream.getBytes(StandardCharsets.UTF_8);
        p.feed(java.util.Arrays.copyOfRange(b, 0, split));
        p.feed(java.util.Arrays.copyOfRange(b, split, b.length));
        return seen;
    }
}
