package io.jtwisted.web.util;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.web.testing.Response;
import io.jtwisted.web.testing.SiteHarness;
import org.junit.jupiter.api.Test;

/**
 * {@link Redirect}. Ported from Twisted's {@code test_util.py} RedirectToTests (test_headersAndCode,
 * test_redirectToUnicodeURL as a non-ASCII URL kept as given) and the Redirect resource's
 * behaviour (every path below it redirects). Not ported: the template-based failure pages.
 */
class RedirectTest {
    @Test
    void redirectsEveryPathBelowItWithALinkPage() {
        SiteHarness h = new SiteHarness(new Redirect("http://example.com/new?a=1&b=2"));
        for (String path : new String[] {"/", "/deep/er"}) {
            Response r = h.get(path);
            assertThat(r.status()).isEqualTo(302);
            assertThat(r.header("location")).isEqualTo("http://example.com/new?a=1&b=2");
            assertThat(r.header("content-type")).isEqualTo("text/html; charset=utf-8");
            assertThat(r.text()).contains("content=\"0;URL=http://example.com/new?a=1&amp;b=2\"");
        }
    }
}
