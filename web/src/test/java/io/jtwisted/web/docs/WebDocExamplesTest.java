package io.jtwisted.web.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.web.testing.Response;
import io.jtwisted.web.testing.SiteHarness;
import org.junit.jupiter.api.Test;

/** The examples of docs/web.md do what the page says. */
class WebDocExamplesTest {
    @Test
    void helloGreetsByNameFromTheQuery() {
        SiteHarness h = new SiteHarness(WebDocExamples.tree());
        assertThat(h.get("/hello?name=Ada").text()).isEqualTo("Hello, Ada!\n");
        assertThat(h.get("/hello").text()).isEqualTo("Hello, world!\n");
        assertThat(h.get("/robots.txt").header("content-type")).isEqualTo("text/plain");
        assertThat(h.get("/old").header("location")).isEqualTo("/hello");
        assertThat(h.get("/nothing").status()).isEqualTo(404);
    }

    @Test
    void slowAnswersTwoSecondsLater() {
        io.jtwisted.internet.task.Clock clock = new io.jtwisted.internet.task.Clock();
        SiteHarness h = new SiteHarness(new WebDocExamples.Slow(clock));
        h.connect();
        h.send("GET / HTTP/1.1\r\n\r\n");
        clock.advance(1.9);
        assertThat(h.transport.value()).isEmpty();
        clock.advance(0.1);
        assertThat(Response.parseAll(h.transport.value()).get(0).text()).isEqualTo("done, two seconds later\n");
    }

    @Test
    void theCounterCountsVisitsPerSession() {
        SiteHarness h = new SiteHarness(new WebDocExamples.Counter());
        Response first = h.get("/");
        String cookie = first.header("set-cookie").split(";")[0];
        assertThat(h.get("/", "Cookie: " + cookie).text()).isEqualTo("visit number 2\n");
    }

    @Test
    void virtualHostsPickBySiteName() {
        SiteHarness h = new SiteHarness(WebDocExamples.virtualHosts());
        assertThat(h.request("GET / HTTP/1.1\r\nHost: unknown.net\r\n\r\n").text())
                .isEqualTo("no such site\n");
        assertThat(h.request("GET / HTTP/1.1\r\nHost: example.com\r\n\r\n").status())
                .isEqualTo(404); // sites/ does not exist here
    }
}
