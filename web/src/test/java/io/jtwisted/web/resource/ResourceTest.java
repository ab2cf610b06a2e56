package io.jtwisted.web.resource;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.web.iweb.IRequest;
import io.jtwisted.web.testing.Response;
import io.jtwisted.web.testing.SiteHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Resource}, {@link ErrorPage}, {@link NoResource}, {@link ForbiddenResource}.
 *
 * <p>Ported from Twisted's {@code test_resource.py}: test_getChild, test_errorPageRendering,
 * test_noResourceRendering, test_forbiddenResourceRendering, test_staticChildren,
 * test_dynamicChildren, test_staticChildPathType (a name with '/' is refused here, as Java has no
 * bytes/str split), test_defaultHEAD, test_explicitAllowedMethods, test_implicitAllowedMethods,
 * test_exhaustedPostPath, test_leafResource, test_postPathToPrePath; and from {@code test_web.py}
 * AllowedMethodsTests (405 with Allow, for HEAD too). Not ported: the deprecation tests (no
 * deprecated aliases here).
 */
class ResourceTest {
    static final class Hello extends Resource {
        @Override
        public boolean isLeaf() {
            return true;
        }

        @Override
        protected byte[] renderGET(IRequest request) {
            return ("hello " + request.postpath()).getBytes(UTF_8);
        }

        @Override
        protected byte[] renderPOST(IRequest request) {
            return ("posted " + request.getArg("a")).getBytes(UTF_8);
        }
    }

    static final class Dynamic extends Resource {
        @Override
        public IResource getChild(String name, IRequest request) {
            return new ErrorPage(299, "made " + name, "on demand");
        }
    }

    @Test
    void staticChildrenAreFoundAndMissingOnesAre404() {
        Resource root = new Resource();
        Hello hello = new Hello();
        root.putChild("hello", hello);
        assertThat(root.getChildWithDefault("hello", null)).isSameAs(hello);
        assertThat(root.getChildWithDefault("nope", null)).isInstanceOf(NoResource.class);
    }

    @Test
    void dynamicChildrenComeFromGetChild() {
        SiteHarness h = new SiteHarness(new Dynamic());
        Response r = h.get("/thing");
        assertThat(r.status()).isEqualTo(299);
        assertThat(r.text()).contains("made thing");
    }

    @Test
    void aChildNameWithASlashIsRefused() {
        assertThatThrownBy(() -> new Resource().putChild("a/b", new Resource()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void errorPagesRenderTheirCodeAndEscapedText() {
        SiteHarness h = new SiteHarness(new ErrorPage(402, "<brief>", "det & ail"));
        Response r = h.get("/any/path");
        assertThat(r.status()).isEqualTo(402);
        assertThat(r.header("content-type")).isEqualTo("text/html; charset=utf-8");
        assertThat(r.text()).contains("<title>402 - &lt;brief&gt;</title>", "<p>det &amp; ail</p>");
        assertThat(new SiteHarness(new NoResource("gone")).get("/").status()).isEqualTo(404);
        assertThat(new SiteHarness(new ForbiddenResource()).get("/").status()).isEqualTo(403);
    }

    @Test
    void leafResourcesKeepTheRestOfThePathInPostpath() {
        Resource root = new Resource();
        root.putChild("hello", new Hello());
        Response r = new SiteHarness(root).get("/hello/a/b");
        assertThat(r.text()).isEqualTo("hello [a, b]");
    }

    @Test
    void headFallsBackToGetWithItsLengthAndNoBody() {
        Resource root = new Resource();
        root.putChild("hello", new Hello());
        Response r = new SiteHarness(root).head("/hello");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("content-length")).isEqualTo("8");
        assertThat(r.body()).isEmpty();
    }

    @Test
    void anUnsupportedMethodGets405WithAllow() {
        Resource root = new Resource();
        root.putChild("hello", new Hello());
        SiteHarness h = new SiteHarness(root);
        Response r = h.request("DELETE /hello HTTP/1.1\r\n\r\n");
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.header("allow")).isEqualTo("GET, HEAD, POST");
        assertThat(new Hello().allowedMethods()).containsExactly("GET", "HEAD", "POST");
        assertThat(new SiteHarness(new Resource()).get("/").status()).isEqualTo(404);
    }

    @Test
    void aResourceWithNoRenderMethodsAllowsNothing() {
        Resource leaf = new Resource() {
            @Override
            public boolean isLeaf() {
                return true;
            }
        };
        Response r = new SiteHarness(leaf).get("/");
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.header("allow")).isEmpty();
    }

    @Test
    void postDispatchesToRenderPostWithFormArgs() {
        Resource root = new Resource();
        root.putChild("hello", new Hello());
        Response r = new SiteHarness(root)
                .request(
                        "POST /hello HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 3\r\n\r\na=9");
        assertThat(r.text()).isEqualTo("posted 9");
    }

    @Test
    void traversalMovesSegmentsFromPostpathToPrepath() {
        Resource root = new Resource();
        Resource a = new Resource();
        root.putChild("a", a);
        Resource b = new Resource() {
            @Override
            public boolean isLeaf() {
                return true;
            }

            @Override
            protected byte[] renderGET(IRequest request) {
                return (request.prepath() + " " + request.postpath() + " " + request.prePathURL()).getBytes(UTF_8);
            }
        };
        a.putChild("b", b);
        assertThat(new SiteHarness(root).get("/a/b/c%2Fd/").text()).isEqualTo("[a, b] [c/d, ] http://example.com/a/b");
    }

    @Test
    void exhaustedPostpathRendersTheLastResource() {
        Resource root = new Resource();
        Resource a = new Resource() {
            @Override
            protected byte[] renderGET(IRequest request) {
                return "a itself".getBytes(UTF_8);
            }
        };
        root.putChild("a", a);
        assertThat(new SiteHarness(root).get("/a").text()).isEqualTo("a itself");
        assertThat(new SiteHarness(root).get("/a/").status()).isEqualTo(404);
    }

    @Test
    void getChildForRequestStopsAtLeaves() {
        assertThat(List.of("x")).hasSize(1);
        Resource root = new Resource();
        Hello leaf = new Hello();
        root.putChild("l", leaf);
        Resource child = new Resource();
        root.putChild("c", child);
        SiteHarness h = new SiteHarness(root);
        assertThat(h.get("/l/1/2").text()).isEqualTo("hello [1, 2]");
        assertThat(h.get("/c/1").status()).isEqualTo(404);
    }
}
