package io.jtwisted.web.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internet.error.ConnectionDone;
import io.jtwisted.python.failure.Failure;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link HTTPChannel} and the response side of {@link Request} on a StringTransport with a Clock.
 *
 * <p>Ported from Twisted's {@code twisted/web/test/test_http.py}: HTTP1_0Tests/HTTP1_1Tests
 * (simple and pipelined requests, persistence), HTTP0_9Tests (refused here: 400, as JTwisted has
 * no HTTP/0.9), PipeliningBodyTests, ChunkedTransferEncodingTests (through the channel),
 * ParsingTests (testHeaders, testTooManyHeaders, testHeadersTooBigInitialCommand,
 * testHeadersTooBigOtherHeaders, test_duplicateContentLengths..., test_contentLengthAndTransferEncoding,
 * test_headerLimitPerRequest, testCookies, testGET query args, test_multipartFormData...),
 * QueryArgumentsTests, ChunkingTests (chunked response), RequestTests (test_finishAfterConnectionLost,
 * test_notifyFinish*, test_writeAfterFinish, test_finishProducesLog for the access log),
 * HTTPChannelSanitizationTests (CR/LF in header values), ExpectContinue (testExpect100ContinueHeader),
 * the timeout cases of HTTPFactoryTests/ChannelTimeoutTests (idle timeout through the clock,
 * abort after abortTimeout). Not ported: HTTP/2 negotiation (no HTTP/2), proxy and client
 * classes (not part of this module), deprecated Python-2 API cases.
 */
class HTTPChannelTest {
    private final ChannelHarness h = new ChannelHarness();

    @Test
    void answersASimpleGetWithLengthDateAndServer() {
        h.connect().send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(h.written())
                .startsWith("HTTP/1.1 200 OK\r\n")
                .contains(
                        "Content-Length: 17\r\n", "Date: Thu, 01 Jan 1970 00:00:00 GMT\r\n", "Server: JTwisted/0.1\r\n")
                .endsWith("\r\n\r\npath=/hello body=");
        assertThat(h.transport.disconnecting()).isFalse();
    }

    @Test
    void parsesRequestLineHeadersAndQuery() {
        h.connect()
                .send(
                        "GET /a/b?x=1&y=%20z&x=2&blank= HTTP/1.1\r\nHost: example.com:8080\r\nX-Thing:  v a l  \r\nCookie: a=1; b=2\r\n\r\n");
        Request r = h.requests.get(0);
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.uri()).isEqualTo("/a/b?x=1&y=%20z&x=2&blank=");
        assertThat(r.path()).isEqualTo("/a/b");
        assertThat(r.clientproto()).isEqualTo("HTTP/1.1");
        assertThat(r.args())
                .containsEntry("x", List.of("1", "2"))
                .containsEntry("y", List.of(" z"))
                .containsEntry("blank", List.of(""));
        assertThat(r.getHeader("X-THING")).isEqualTo("v a l");
        assertThat(r.getRequestHostname()).isEqualTo("example.com");
        assertThat(r.getCookie("b")).isEqualTo("2");
        assertThat(r.getClientAddressString()).isEqualTo("192.168.1.1");
    }

    @Test
    void sameAnswerWhenTheRequestArrivesOneByteAtATime() {
        h.connect().sendByteByByte("POST /p HTTP/1.1\r\nContent-Length: 5\r\n\r\nhelloGET /q HTTP/1.1\r\n\r\n");
        assertThat(h.statusLines()).containsExactly("HTTP/1.1 200 OK", "HTTP/1.1 200 OK");
        assertThat(h.written()).contains("path=/p body=hello").endsWith("path=/q body=");
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderEvenWhenTheFirstAnswersLater() {
        List<Request> waiting = new ArrayList<>();
        h.handler = r -> {
            if (r.path().equals("/slow")) {
                waiting.add(r);
            } else {
                r.setHeader("Content-Length", "4");
                r.write("fast".getBytes(StandardCharsets.UTF_8));
                r.finish();
            }
        };
        h.connect().send("GET /slow HTTP/1.1\r\n\r\nGET /fast HTTP/1.1\r\n\r\nGET /fast HTTP/1.1\r\n\r\n");
        assertThat(h.written()).isEmpty();
        assertThat(h.requests).hasSize(1);
        Request slow = waiting.get(0);
        slow.setHeader("Content-Length", "4");
        slow.write("slow".getBytes(StandardCharsets.UTF_8));
        slow.finish();
        assertThat(h.requests).hasSize(3);
        String out = h.written();
        assertThat(out.indexOf("slow")).isLessThan(out.indexOf("fast"));
        assertThat(h.statusLines()).hasSize(3);
    }

    @Test
    void stopsReadingWhenPipelinedBytesPileUpBehindAnUnfinishedAnswer() {
        List<Request> waiting = new ArrayList<>();
        h.handler = waiting::add;
        h.connect().send("GET /slow HTTP/1.1\r\n\r\n");
        h.send("GET /next HTTP/1.1\r\nX: " + "a".repeat(10000) + "\r\n\r\n");
        assertThat(h.transport.producerState()).isEqualTo("producing");
        h.send("GET /next HTTP/1.1\r\nX: " + "a".repeat(10000) + "\r\n\r\n");
        assertThat(h.transport.producerState()).isEqualTo("paused");
        h.handler = r -> r.finish();
        waiting.get(0).finish();
        assertThat(h.transport.producerState()).isEqualTo("producing");
        assertThat(h.statusLines()).hasSize(3);
    }

    @Test
    void decodesAChunkedRequestBodyWithExtensionsAndTrailers() {
        h.connect()
                .send("POST /up HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nTrailer: x\r\n\r\n");
        assertThat(h.written()).endsWith("path=/up body=hello world");
    }

    @Test
    void chunkedResponseWhenHttp11AndNoContentLength() {
        h.handler = r -> {
            r.write("abc".getBytes(StandardCharsets.UTF_8));
            r.write("defgh".getBytes(StandardCharsets.UTF_8));
            r.finish();
        };
        h.connect().send("GET / HTTP/1.1\r\n\r\n");
        assertThat(h.written())
                .contains("Transfer-Encoding: chunked\r\n")
                .endsWith("\r\n\r\n3\r\nabc\r\n5\r\ndefgh\r\n0\r\n\r\n");
        assertThat(h.transport.disconnecting()).isFalse();
    }

    @Test
    void http10WithoutLengthEndsTheBodyByClosing() {
        h.handler = r -> {
            r.write("abc".getBytes(StandardCharsets.UTF_8));
            r.finish();
        };
        h.connect().send("GET / HTTP/1.0\r\n\r\n");
        assertThat(h.written())
                .startsWith("HTTP/1.0 200 OK\r\n")
                .doesNotContain("chunked")
                .endsWith("\r\n\r\nabc");
        assertThat(h.transport.disconnecting()).isTrue();
    }

    @Test
    void http10KeepAliveIsHonouredWhenTheLengthIsKnown() {
        h.connect().send("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        assertThat(h.written()).contains("Connection: keep-alive\r\n");
        assertThat(h.transport.disconnecting()).isFalse();
    }

    @Test
    void connectionCloseClosesAfterTheAnswerAndIgnoresWhatFollows() {
        h.connect().send("GET /a HTTP/1.1\r\nConnection: close\r\n\r\nGET /b HTTP/1.1\r\n\r\n");
        assertThat(h.requests).hasSize(1);
        assertThat(h.written()).contains("Connection: close\r\n");
        assertThat(h.transport.disconnecting()).isTrue();
    }

    @Test
    void headGetsTheHeadersButNoBody() {
        h.connect().send("HEAD /x HTTP/1.1\r\n\r\nGET /y HTTP/1.1\r\n\r\n");
        String out = h.written();
        assertThat(out).startsWith("HTTP/1.1 200 OK\r\n").contains("Content-Length: 13\r\n");
        assertThat(out).doesNotContain("path=/x").endsWith("path=/y body=");
    }

    @Test
    void expect100ContinueGetsAnInterimAnswerBeforeTheBody() {
        h.connect().send("POST /e HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n");
        assertThat(h.written()).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
        h.send("abc");
        assertThat(h.written()).endsWith("path=/e body=abc");
    }

    @Test
    void expect100ContinueIsNotSentWhenTheBodyIsTooLarge() {
        h.factory.setMaxRequestBody(10);
        h.connect().send("POST /e HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 11\r\n\r\n");
        assertThat(h.written()).startsWith("HTTP/1.1 413 ").doesNotContain("100 Continue");
    }

    @Test
    void headerValuesCannotSplitTheResponse() {
        h.handler = r -> {
            r.setHeader("X-Evil", "a\r\nSet-Cookie: pwned");
            r.finish();
        };
        h.connect().send("GET / HTTP/1.1\r\n\r\n");
        assertThat(h.written()).contains("X-Evil: a  Set-Cookie: pwned\r\n").doesNotContain("\r\nSet-Cookie");
    }

    @Test
    void finishWithoutWritingSendsAnEmptyBody() {
        h.handler = Request::finish;
        h.connect().send("GET / HTTP/1.1\r\n\r\n");
        assertThat(h.written()).contains("Content-Length: 0\r\n").endsWith("\r\n\r\n");
    }

    @Test
    void noContentAndNotModifiedCarryNoBodyFraming() {
        h.handler = r -> {
            r.setResponseCode(r.path().equals("/204") ? 204 : 304);
            r.finish();
        };
        h.connect().send("GET /204 HTTP/1.1\r\n\r\nGET /304 HTTP/1.1\r\n\r\n");
        assertThat(h.written())
                .doesNotContain("Content-Length")
                .doesNotContain("chunked")
                .doesNotContain("Content-Type");
        assertThat(h.statusLines()).containsExactly("HTTP/1.1 204 No Content", "HTTP/1.1 304 Not Modified");
    }

    @Test
    void writeAfterFinishAndFinishTwiceAreErrors() {
        h.handler = r -> {};
        h.connect().send("GET / HTTP/1.1\r\n\r\n");
        Request r = h.requests.get(0);
        r.finish();
        assertThatThrownBy(() -> r.write("x".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(r::finish).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void notifyFinishFiresOnFinishAndFailsWhenTheConnectionIsLost() {
        h.handler = r -> {};
        h.connect().send("GET /1 HTTP/1.1\r\n\r\n");
        Request first = h.requests.get(0);
        Object[] seen = new Object[2];
        first.notifyFinish().addBoth(x -> seen[0] = x == null ? "done" : x);
        first.finish();
        assertThat(seen[0]).isEqualTo("done");
        h.send("GET /2 HTTP/1.1\r\n\r\n");
        Request second = h.requests.get(1);
        second.notifyFinish().addBoth(x -> seen[1] = x);
        h.channel.connectionLost(new Failure(new ConnectionDone()));
        assertThat(seen[1]).isInstanceOf(Failure.class);
        second.write(
                "ignored".getBytes(StandardCharsets.UTF_8)); // writes to a lost connection are dropped, as in Twisted
        second.finish();
        assertThat(second.finished()).isTrue();
    }

    @Test
    void processingErrorsBecome500AndTheConnectionGoesOn() {
        h.handler = r -> {
            if (r.path().equals("/boom")) {
                throw new IllegalStateException("boom");
            }
            r.finish();
        };
        assertThat(LoggedErrors.during(() -> h.connect().send("GET /boom HTTP/1.1\r\n\r\nGET /ok HTTP/1.1\r\n\r\n")))
                .singleElement()
                .satisfies(e -> assertThat(e.failure().value()).hasMessage("boom"));
        assertThat(h.statusLines()).containsExactly("HTTP/1.1 500 Internal Server Error", "HTTP/1.1 200 OK");
    }

    @Test
    void setResponseCodeWithACustomMessage() {
        h.handler = r -> {
            r.setResponseCode(299, "Fine Thanks");
            r.finish();
        };
        h.connect().send("GET / HTTP/1.1\r\n\r\n");
        assertThat(h.written()).startsWith("HTTP/1.1 299 Fine Thanks\r\n");
    }

    @Test
    void cookiesAreSetWithTheirAttributes() {
        h.handler = r -> {
            r.addCookie(Cookie.of("id", "42")
                    .path("/")
                    .maxAge(60)
                    .withHttpOnly()
                    .withSecure()
                    .sameSite("Lax"));
            r.finish();
        };
        h.connect().send("GET / HTTP/1.1\r\n\r\n");
        assertThat(h.written()).contains("Set-Cookie: id=42; Path=/; Max-Age=60; Secure; HttpOnly; SameSite=Lax\r\n");
    }

    @Test
    void urlEncodedAndMultipartFormsBecomeArgs() {
        h.connect()
                .send(
                        "POST /f?q=1 HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 14\r\n\r\na=1+2&b=%C3%A9");
        assertThat(h.requests.get(0).args())
                .containsEntry("q", List.of("1"))
                .containsEntry("a", List.of("1 2"))
                .containsEntry("b", List.of("é"));
        String body = "--XyZ\r\nContent-Disposition: form-data; name=\"field\"\r\n\r\nvalue\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nline1\r\nline2\r\n--XyZ--\r\n";
        h.send("POST /m HTTP/1.1\r\nContent-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: " + body.length()
                + "\r\n\r\n" + body);
        Request m = h.requests.get(1);
        assertThat(m.args()).containsEntry("field", List.of("value")).containsEntry("file", List.of("line1\r\nline2"));
        FormPart file = m.uploads().get("file").get(0);
        assertThat(file.filename()).isEqualTo("a.txt");
        assertThat(file.contentType()).isEqualTo("text/plain");
        assertThat(new String(file.content(), StandardCharsets.UTF_8)).isEqualTo("line1\r\nline2");
    }

    @Test
    void malformedMultipartIsABadRequest() {
        String body = "--XyZ\r\nContent-Disposition: form-data; name=\"field\"\r\n\r\nno end";
        h.connect()
                .send("POST /m HTTP/1.1\r\nContent-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: "
                        + body.length() + "\r\n\r\n" + body);
        assertThat(h.statusLines()).containsExactly("HTTP/1.1 400 Bad Request");
    }

    @Test
    void accessLogGetsOneCombinedLinePerRequest() {
        List<String> lines = new ArrayList<>();
        h.factory.setAccessLogObserver(e -> lines.add(e.message()));
        h.connect().send("GET /x?y={name} HTTP/1.1\r\nReferer: http://r/\r\nUser-Agent: t \"q\" {}\r\n\r\n");
        assertThat(lines)
                .containsExactly(
                        "192.168.1.1 - - [01/Jan/1970:00:00:00 +0000] \"GET /x?y={name} HTTP/1.1\" 200 13 \"http://r/\" \"t \\\"q\\\" {}\"");
    }

    @Test
    void idleConnectionIsClosedAfterTheTimeoutAndAbortedLater() {
        h.connect();
        h.clock.advance(59);
        assertThat(h.transport.disconnecting()).isFalse();
        h.clock.advance(1);
        assertThat(h.transport.disconnecting()).isTrue();
        assertThat(h.transport.disconnected()).isFalse();
        h.clock.advance(15);
        assertThat(h.transport.disconnected()).isTrue();
    }

    @Test
    void activityPostponesTheIdleTimeout() {
        h.connect();
        h.clock.advance(50);
        h.send("GET / HTTP/1.1\r\n\r\n");
        h.clock.advance(50);
        assertThat(h.transport.disconnecting()).isFalse();
        h.clock.advance(10);
        assertThat(h.transport.disconnecting()).isTrue();
    }

    @Test
    void noIdleTimeoutWhileTheApplicationIsAnswering() {
        h.handler = r -> {};
        h.connect().send("GET / HTTP/1.1\r\n\r\n");
        h.clock.advance(600);
        assertThat(h.transport.disconnecting()).isFalse();
        h.requests.get(0).finish();
        h.clock.advance(60);
        assertThat(h.transport.disconnecting()).isTrue();
    }

    @Test
    void slowlorisTricklingAHeadIsCutOffAtTheHeadersTimeout() {
        h.connect().send("GET / HTTP/1.1\r\n");
        for (int i = 0; i < 29; i++) {
            h.clock.advance(1);
            h.send("X" + i + ": y\r\n");
        }
        assertThat(h.transport.disconnecting()).isFalse();
        h.clock.advance(1);
        assertThat(h.transport.disconnecting()).isTrue();
        assertThat(h.requests).isEmpty();
    }

    @Test
    void aPromptClientIsNotCutOffByTheHeadersTimeout() {
        h.connect();
        for (int i = 0; i < 10; i++) {
            h.clock.advance(20);
            h.send("GET / HTTP/1.1\r\n\r\n");
        }
        assertThat(h.transport.disconnecting()).isFalse();
        assertThat(h.requests).hasSize(10);
    }
}
