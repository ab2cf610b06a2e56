package io.jtwisted.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A request that is finished before its body has fully arrived (an answer from {@code gotLength},
 * or one given while the body is still coming): the rest of the body is read and dropped, no
 * request is handed body bytes or pipelined bytes that are not its own, and the connection closes
 * once the body is in (the response says {@code Connection: close}).
 */
class EarlyFinishTest {
    private final ChannelHarness h = new ChannelHarness();
    /** Body bytes handed to any request. */
    private final StringBuilder delivered = new StringBuilder();
    /** Requests whose head arrived, in order. */
    private final List<Request> started = new ArrayList<>();

    /**
     * Requests record their body chunks; those of {@code refusedPath} are answered with {@code
     * code} from {@link Request#gotLength}; the others are answered by the harness's handler.
     */
    private void refuseFromGotLength(String refusedPath, int code) {
        h.factory.setRequestFactory(ch -> new Request(ch) {
            @Override
            protected void gotLength(long length) {
                started.add(this);
                if (path().equals(refusedPath)) {
                    setResponseCode(code);
                    finish();
                }
            }

            @Override
            protected void handleContentChunk(byte[] data, int offset, int length) {
                delivered.append(new String(data, offset, length, StandardCharsets.ISO_8859_1));
                super.handleContentChunk(data, offset, length);
            }

            @Override
            protected void process() {
                h.requests.add(this);
                h.handler.accept(this);
            }
        });
    }

    @Test
    void a413FromGotLengthIsSentAndTheBodyStillArrivingIsDroppedThenTheConnectionCloses() {
        refuseFromGotLength("/upload", Http.REQUEST_ENTITY_TOO_LARGE);
        h.connect().send("POST /upload HTTP/1.1\r\nContent-Length: 20\r\n\r\n01234");
        assertThat(h.statusLines()).containsExactly("HTTP/1.1 413 Request Entity Too Large");
        assertThat(h.written()).contains("Connection: close\r\n", "Content-Length: 0\r\n");
        // The client is still sending: its body is read to its end, so closing cannot reset the
        // connection under the answer (RFC 9112 9.6), and then the connection closes.
        assertThat(h.transport.disconnecting()).isFalse();
        h.send("56789");
        h.send("01234");
        assertThat(h.transport.disconnecting()).isFalse();
        h.send("56789GET /next HTTP/1.1\r\n\r\n");
        assertThat(h.transport.disconnecting()).isTrue();
        assertThat(delivered).isEmpty();
        assertThat(h.requests).isEmpty();
        assertThat(started).hasSize(1);
        assertThat(h.statusLines()).hasSize(1);
    }

    @Test
    void aRequestFinishedAtOnceOnAPostIgnoresTheBodyArrivingAfterwards() {
        List<Request> kept = new ArrayList<>();
        h.factory.setRequestFactory(ch -> new Request(ch) {
            @Override
            protected void gotLength(long length) {
                kept.add(this);
                // Answers at once, from outside the parser (as a resource answering from a timer).
                h.clock.callLater(0, () -> {
                    setHeader("Content-Length", "2");
                    write("ok".getBytes(StandardCharsets.UTF_8));
                    finish();
                });
            }

            @Override
            protected void handleContentChunk(byte[] data, int offset, int length) {
                delivered.append(new String(data, offset, length, StandardCharsets.ISO_8859_1));
            }

            @Override
            protected void process() {
                h.requests.add(this);
            }
        });
        h.connect().send("POST /form HTTP/1.1\r\nContent-Length: 12\r\n\r\n");
        h.send("aaa");
        h.clock.advance(0);
        assertThat(kept.get(0).finished()).isTrue();
        assertThat(h.written())
                .startsWith("HTTP/1.1 200 OK\r\n")
                .contains("Connection: close\r\n")
                .endsWith("ok");
        h.send("bbb");
        h.send("ccc");
        assertThat(h.transport.disconnecting()).isFalse();
        h.send("dddPOST /second HTTP/1.1\r\nContent-Length: 3\r\n\r\nxyz");
        assertThat(h.transport.disconnecting()).isTrue();
        assertThat(delivered).hasToString("aaa");
        assertThat(kept).hasSize(1);
        assertThat(h.requests).isEmpty();
        assertThat(h.statusLines()).hasSize(1);
    }

    @Test
    void aChunkedBodyRefusedFromGotLengthIsDroppedToItsLastChunk() {
        refuseFromGotLength("/chunks", Http.LENGTH_REQUIRED);
        h.connect().send("POST /chunks HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel");
        assertThat(h.statusLines()).containsExactly("HTTP/1.1 411 Length Required");
        assertThat(h.written()).contains("Connection: close\r\n");
        h.send("lo\r\n");
        h.send("6\r\n world\r\n");
        h.send("0\r\nTrailer: x\r\n");
        assertThat(h.transport.disconnecting()).isFalse();
        h.send("\r\nGET /next HTTP/1.1\r\n\r\n");
        assertThat(h.transport.disconnecting()).isTrue();
        assertThat(delivered).isEmpty();
        assertThat(started).hasSize(1);
        assertThat(h.statusLines()).hasSize(1);
    }

    @Test
    void aRequestThatFinishesOnItsFirstBodyChunkGetsNoMoreOfIt() {
        h.factory.setRequestFactory(ch -> new Request(ch) {
            @Override
            protected void gotLength(long length) {
                write("streaming "); // the head leaves now, before the body
            }

            @Override
            protected void handleContentChunk(byte[] data, int offset, int length) {
                delivered.append(new String(data, offset, length, StandardCharsets.ISO_8859_1));
                write("refused");
                finish();
            }
        });
        h.connect().send("POST /s HTTP/1.1\r\nContent-Length: 6\r\n\r\nab");
        assertThat(h.written())
                .contains("Connection: close\r\n", "Transfer-Encoding: chunked\r\n")
                .endsWith("7\r\nrefused\r\n0\r\n\r\n");
        h.send("cd");
        assertThat(h.transport.disconnecting()).isFalse();
        h.send("ef");
        assertThat(h.transport.disconnecting()).isTrue();
        assertThat(delivered).hasToString("ab");
    }

    @Test
    void aHeadWrittenBeforeTheBodyEndsSaysCloseEvenWhenTheRequestFinishesAfterIt() {
        h.factory.setRequestFactory(ch -> new Request(ch) {
            @Override
            protected void gotLength(long length) {
                write("echo: ");
            }

            @Override
            protected void process() {
                h.requests.add(this);
                write(content());
                finish();
            }
        });
        h.connect().send("POST /e HTTP/1.1\r\nContent-Length: 4\r\n\r\nab");
        h.send("cdGET /next HTTP/1.1\r\n\r\n");
        assertThat(h.written()).contains("Connection: close\r\n").endsWith("4\r\nabcd\r\n0\r\n\r\n");
        assertThat(h.requests).hasSize(1);
        assertThat(h.transport.disconnecting()).isTrue();
    }

    @Test
    void aRequestFinishingOnItsLastBodyBytesIsNotProcessedAndTheConnectionCloses() {
        List<Request> processed = new ArrayList<>();
        h.factory.setRequestFactory(ch -> new Request(ch) {
            @Override
            protected void handleContentChunk(byte[] data, int offset, int length) {
                finish();
            }

            @Override
            protected void process() {
                processed.add(this);
            }
        });
        h.connect().send("POST /p HTTP/1.1\r\nContent-Length: 3\r\n\r\nabcGET /next HTTP/1.1\r\n\r\n");
        assertThat(h.statusLines()).containsExactly("HTTP/1.1 200 OK");
        assertThat(h.written()).contains("Connection: close\r\n");
        assertThat(h.transport.disconnecting()).isTrue();
        assertThat(processed).isEmpty();
    }

    @Test
    void aDroppedBodyTrickledSlowlyIsCutOffAtTheHeadersTimeout() {
        refuseFromGotLength("/upload", Http.REQUEST_ENTITY_TOO_LARGE);
        h.connect().send("POST /upload HTTP/1.1\r\nContent-Length: 1000\r\n\r\n");
        for (int i = 0; i < 29; i++) {
            h.clock.advance(1);
            h.send("x");
        }
        assertThat(h.transport.disconnecting()).isFalse();
        h.clock.advance(1);
        assertThat(h.transport.disconnecting()).isTrue();
        assertThat(h.statusLines()).hasSize(1);
    }

    @Test
    void noContinueIsSentAfterAFinalAnswerFromGotLength() {
        refuseFromGotLength("/big", Http.REQUEST_ENTITY_TOO_LARGE);
        h.connect().send("POST /big HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 100\r\n\r\n");
        assertThat(h.written()).startsWith("HTTP/1.1 413 ").doesNotContain("100 Continue");
        assertThat(h.written()).contains("Connection: close\r\n");
    }

    @Test
    void aMalformedChunkInADroppedBodyClosesWithoutASecondAnswer() {
        refuseFromGotLength("/chunks", Http.LENGTH_REQUIRED);
        h.connect().send("POST /chunks HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n");
        h.send("zz\r\n");
        assertThat(h.statusLines()).containsExactly("HTTP/1.1 411 Length Required");
        assertThat(h.transport.disconnecting()).isTrue();
    }

    @Test
    void aBodylessRequestAnsweredFromGotLengthKeepsTheConnection() {
        refuseFromGotLength("/private", Http.UNAUTHORIZED);
        h.connect().send("GET /private HTTP/1.1\r\n\r\nGET /public HTTP/1.1\r\n\r\n");
        assertThat(h.statusLines()).containsExactly("HTTP/1.1 401 Unauthorized", "HTTP/1.1 200 OK");
        assertThat(h.written()).doesNotContain("Connection: close").endsWith("path=/public body=");
        assertThat(h.transport.disconnecting()).isFalse();
        assertThat(h.requests).hasSize(1);
    }

    @Test
    void anOrdinaryKeepAlivePostWhoseBodyComesInPiecesStillWorks() {
        refuseFromGotLength("/never", Http.REQUEST_ENTITY_TOO_LARGE);
        h.connect().send("POST /p HTTP/1.1\r\nContent-Length: 10\r\n\r\n012");
        h.send("3456");
        assertThat(h.written()).isEmpty();
        h.send("789GET /q HTTP/1.1\r\n\r\n");
        assertThat(h.statusLines()).containsExactly("HTTP/1.1 200 OK", "HTTP/1.1 200 OK");
        assertThat(h.written())
                .doesNotContain("Connection: close")
                .contains("path=/p body=0123456789")
                .endsWith("path=/q body=");
        assertThat(delivered).hasToString("0123456789");
        assertThat(h.transport.disconnecting()).isFalse();
    }
}
