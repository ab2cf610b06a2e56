package io.jtwisted.web.vhost;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.web.resource.Resource;
import io.jtwisted.web.staticfiles.Data;
import io.jtwisted.web.testing.Response;
import io.jtwisted.web.testing.SiteHarness;
import org.junit.jupiter.api.Test;

/**
 * {@link NameVirtualHost}. Ported from Twisted's {@code test_vhost.py} NameVirtualHostTests:
 * test_renderWithoutHost, test_renderWithoutHostNoDefault, test_renderWithHost (with and without
 * a port), test_renderWithUnknownHost, test_renderWithUnknownHostNoDefault,
 * test_renderWithHTMLHost (the host is escaped in the 404 page), test_getChild (a leaf host
 * resource gets the segment back). Not ported: HostResourceTests and VHostMonsterResourceTests
 * (those classes are not provided).
 */
class NameVirtualHostTest {
    private static Data data(String text) {
        return new Data(text.getBytes(UTF_8), "text/plain");
    }

    @Test
    void withoutAHostTheDefaultAnswersOrA404() {
        NameVirtualHost v = new NameVirtualHost();
        v.setDefault(data("correct result"));
        assertThat(new SiteHarness(v).request("GET / HTTP/1.1\r\n\r\n").text()).isEqualTo("correct result");
        assertThat(new SiteHarness(new NameVirtualHost())
                        .request("GET / HTTP/1.1\r\n\r\n")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theHostHeaderPicksTheResourceWithOrWithoutAPortAndInAnyCase() {
        NameVirtualHost v = new NameVirtualHost();
        v.setDefault(data("loser"));
        v.addHost("example.org", data("winner"));
        SiteHarness h = new SiteHarness(v);
        assertThat(h.request("GET / HTTP/1.1\r\nHost: example.org\r\n\r\n").text())
                .isEqualTo("winner");
        assertThat(h.request("GET / HTTP/1.1\r\nHost: EXAMPLE.org:8000\r\n\r\n").text())
                .isEqualTo("winner");
        assertThat(h.request("GET / HTTP/1.1\r\nHost: other.org\r\n\r\n").text())
                .isEqualTo("loser");
        v.removeHost("example.org");
        assertThat(h.request("GET / HTTP/1.1\r\nHost: example.org\r\n\r\n").text())
                .isEqualTo("loser");
    }

    @Test
    void anUnknownHostWithoutDefaultIs404WithTheHostEscaped() {
        NameVirtualHost v = new NameVirtualHost();
        Response r = new SiteHarness(v).request("GET / HTTP/1.1\r\nHost: <b>example</b>.com\r\n\r\n");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.text()).doesNotContain("<b>").contains("&lt;b&gt;");
    }

    @Test
    void treesBelowAHostAreTraversedAndLeavesGetTheWholePath() {
        NameVirtualHost v = new NameVirtualHost();
        Resource tree = new Resource();
        tree.putChild("a", data("tree a"));
        v.addHost("tree.org", tree);
        Resource leaf = new Resource() {
            @Override
            public boolean isLeaf() {
                return true;
            }

            @Override
            protected byte[] renderGET(io.jtwisted.web.iweb.IRequest request) {
                return (request.prepath() + " " + request.postpath()).getBytes(UTF_8);
            }
        };
        v.addHost("leaf.org", leaf);
        SiteHarness h = new SiteHarness(v);
        assertThat(h.request("GET /a HTTP/1.1\r\nHost: tree.org\r\n\r\n").text())
                .isEqualTo("tree a");
        assertThat(h.request("GET /x/y HTTP/1.1\r\nHost: leaf.org\r\n\r\n").text())
                .isEqualTo("[] [x, y]");
    }
}
