package io.jtwisted.web.staticfiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.web.testing.Response;
import io.jtwisted.web.testing.SiteHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No request reaches outside a {@link File}'s root, whatever the encoding of the path; symbolic
 * links are refused unless allowed. (Twisted's test_static.py test_securityViolationNotFound and
 * test_forbiddenResource are the seed of this table; the encodings are JTwisted's.)
 */
class PathTraversalTest {
    @TempDir
    Path tmp;

    Path root;
    SiteHarness h;
    File file;

    @BeforeEach
    void tree() throws IOException {
        root = Files.createDirectory(tmp.resolve("root"));
        Files.createDirectory(root.resolve("sub"));
        Files.writeString(root.resolve("sub").resolve("ok.txt"), "fine");
        Files.writeString(root.resolve("inside.txt"), "inside");
        Files.writeString(tmp.resolve("secret.txt"), "TOP SECRET");
        file = new File(root);
        h = new SiteHarness(file);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/../secret.txt",
                "/sub/../../secret.txt",
                "/%2e%2e/secret.txt",
                "/%2E%2E/secret.txt",
                "/sub/%2e%2e/%2e%2e/secret.txt",
                "/..%2fsecret.txt",
                "/sub/..%2f..%2fsecret.txt",
                "/%2e%2e%2fsecret.txt",
                "/..%5csecret.txt",
                "/sub\\..\\..\\secret.txt",
                "/..\\secret.txt",
                "/%2e%2e%5csecret.txt",
                "/%00/../secret.txt",
                "/secret.txt%00",
                "/%c0%ae%c0%ae/secret.txt",
                "/%c0%ae%c0%ae%c0%afsecret.txt",
                "/%e0%80%ae%e0%80%ae/secret.txt",
                "/%252e%252e/secret.txt",
                "/./../secret.txt",
                "/sub/./../../secret.txt",
                "//../secret.txt",
                "/sub//../../secret.txt",
                "/%2f..%2fsecret.txt",
                "/..;/secret.txt",
                "/%uff0e%uff0e/secret.txt",
                "/.%2e/secret.txt",
                "/%2e./secret.txt",
            })
    void neverServesAFileOutsideTheRoot(String target) {
        Response r = h.request("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(r.text()).as(target).doesNotContain("TOP SECRET");
        assertThat(r.status()).as(target).isIn(400, 403, 404);
    }

    @Test
    void theSameFilesAreServedWhenAskedForPlainly() {
        assertThat(h.get("/sub/ok.txt").text()).isEqualTo("fine");
        assertThat(h.get("/sub/%6fk.txt").text()).isEqualTo("fine");
    }

    @Test
    void symlinksAreRefusedUnlessAllowedAndThoseLeavingTheRootUnlessAllowedToo() throws IOException {
        Files.createSymbolicLink(root.resolve("out"), tmp.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("in"), root.resolve("inside.txt"));
        Files.createSymbolicLink(root.resolve("outdir"), tmp);
        assertThat(h.get("/out").status()).isEqualTo(404);
        assertThat(h.get("/in").status()).isEqualTo(404);
        file.setFollowSymlinks(true);
        assertThat(h.get("/in").text()).isEqualTo("inside");
        assertThat(h.get("/out").status()).isEqualTo(403);
        assertThat(h.get("/outdir/secret.txt").status()).isEqualTo(403);
        file.setAllowSymlinksOutsideRoot(true);
        assertThat(h.get("/out").text()).isEqualTo("TOP SECRET");
    }

    @Test
    void safeSegmentRefusesWhatCouldNameAnotherDirectory() {
        assertThat(File.safeSegment("a.txt")).isTrue();
        assertThat(File.safeSegment("..a")).isTrue();
        for (String bad : new String[] {".", "..", "a/b", "a\\b", "a\0", "\uFFFD"}) {
            assertThat(File.safeSegment(bad)).as(bad).isFalse();
        }
    }
}
