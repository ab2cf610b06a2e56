package io.jtwisted.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jtwisted.web.staticfiles.Data;
import io.jtwisted.web.testing.SiteHarness;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz targets for the request parser (Jazzer). Under {@code ./mvnw test} they run in regression
 * mode: every input of the committed corpus ({@code src/test/resources/io/jtwisted/web/http/
 * RequestParserFuzzTestInputs/}) once, and any crash the fuzzer ever found stays there. To fuzz:
 * {@code JAZZER_FUZZ=1 ./mvnw -pl web test -Dtest=RequestParserFuzzTest} (each target stops after
 * its {@code maxDuration}).
 */
class RequestParserFuzzTest {
    /** The parser alone, fed in two pieces: events stay well formed and within the limits. */
    @FuzzTest(maxDuration = "30s")
    void parserEventsStayConsistent(FuzzedDataProvider data) {
        int split = data.consumeInt(0, 4096);
        byte[] input = data.consumeRemainingAsBytes();
        int[] state = new int[4]; // 0: in a request?, 1: body bytes, 2: refused, 3: requests
        RequestParser parser = new RequestParser(
                new RequestParser.Listener() {
                    @Override
                    public void headReceived(
                            String method, String uri, int minorVersion, Headers headers, long contentLength) {
                        assertThat(state[2]).isZero();
                        assertThat(state[0]).isZero();
                        assertThat(minorVersion).isBetween(0, 1);
                        assertThat(headers.size()).isLessThanOrEqualTo(20);
                        assertThat(contentLength).isBetween(-1L, 2000L);
                        state[0] = 1;
                        state[1] = 0;
                    }

                    @Override
                    public void bodyReceived(byte[] bytes, int offset, int length) {
                        assertThat(state[0]).isOne();
                        assertThat(length).isPositive();
                        state[1] += length;
                        assertThat(state[1]).isLessThanOrEqualTo(2000);
                    }

                    @Override
                    public boolean messageReceived() {
                        assertThat(state[0]).isOne();
                        state[0] = 0;
                        state[3]++;
                        return true;
                    }

                    @Override
                    public void badRequest(int status, String why) {
                        assertThat(state[2]).isZero();
                        assertThat(status).isIn(400, 413, 414, 431, 505);
                        state[2] = 1;
                    }
                },
                512,
                2048,
                20,
                2000);
        int cut = Math.min(split, input.length);
        parser.feed(java.util.Arrays.copyOfRange(input, 0, cut));
        parser.feed(java.util.Arrays.copyOfRange(input, cut, input.length));
    }

    /** A whole site: whatever arrives, the channel answers with well-formed status lines and never throws. */
    @FuzzTest(maxDuration = "30s")
    void channelAnswersEverythingWithAStatusLine(byte[] input) {
        SiteHarness h = new SiteHarness(new Data("ok".getBytes(StandardCharsets.UTF_8), "text/plain"));
        h.site.setMaxRequestBody(4096);
        h.connect();
        h.channel.dataReceived(input);
        String out = h.transport.valueString();
        if (!out.isEmpty()) {
            assertThat(out).matches("(?s)HTTP/1\\.[01] [1-5][0-9][0-9] .*");
        }
    }
}
