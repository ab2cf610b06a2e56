package io.jtwisted.web.staticfiles;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.interfaces.IPushProducer;
import io.jtwisted.internet.testing.StringTransport;
import io.jtwisted.web.http.Http;
import io.jtwisted.web.testing.Response;
import io.jtwisted.web.testing.SiteHarness;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link File}, {@link DirectoryLister}, {@link Data}.
 *
 * <p>Ported from Twisted's {@code test_static.py}: StaticDataTests (test_headRequest,
 * test_invalidMethod), StaticFileTests (test_notFound, test_emptyChild (index), test_emptyChildUnicodeParent,
 * test_securityViolationNotFound (403 here), test_forbiddenResource_default,
 * test_indexNames, test_staticFile, test_staticFileUnicodeFileName, test_staticFileDeletedGetChild,
 * test_headReturnsContentLength, test_directoryWithoutTrailingSlashRedirects, test_getResourceFor (types),
 * test_ignoredExtTrue is not ported: no ignoredExts), RangeTests (test_bodyLength,
 * test_invalidRanges (ignored → 200), test_multipleRangeRequest, test_rangeNotSatisfiable...,
 * test_implicitEnd, test_implicitStart, test_explicitZeroLength...), StaticMakeProducerTests (which
 * body a range gives), DirectoryListerTests (test_renderHeader, test_escapeHeader, test_renderFiles,
 * test_renderDirectories, test_renderFiltered is not ported: no filtering, test_oddAndEven,
 * test_mimeTypeAndEncodings, test_brokenSymlink (broken links are not listed as files, they are
 * absent), test_formatFileSize). Conditional-request and precompressed cases are JTwisted's own:
 * Twisted has neither ETag nor precompressed siblings in static.File.
 */
class FileTest {
    @TempDir
    Path tmp;

    Path root;
    SiteHarness h;
    File file;

    @BeforeEach
    void tree() throws IOException {
        root = Files.createDirectory(tmp.resolve("root"));
        Files.writeString(root.resolve("hello.txt"), "0123456789");
        Files.setLastModifiedTime(root.resolve("hello.txt"), FileTime.fromMillis(1_000_000_000_000L));
        Files.writeString(root.resolve("page.html"), "<p>page</p>");
        Files.writeString(root.resolve("noext"), "x");
        Files.createDirectory(root.resolve("sub"));
        Files.writeString(root.resolve("sub").resolve("index.html"), "sub index");
        Files.createDirectory(root.resolve("bare"));
        Files.writeString(root.resolve("bare").resolve("<b>&.txt"), "evil name");
        Files.createDirectory(root.resolve("bare").resolve("dir"));
        Files.writeString(root.resolve("bare").resolve("javascript:alert(1)"), "not a link");
        file = new File(root);
        h = new SiteHarness(file);
    }

    @Test
    void servesAFileWithItsTypeLengthDateAndETag() {
        Response r = h.get("/hello.txt");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("0123456789");
        assertThat(r.header("content-type")).isEqualTo("text/plain");
        assertThat(r.header("content-length")).isEqualTo("10");
        assertThat(r.header("last-modified")).isEqualTo("Sun, 09 Sep 2001 01:46:40 GMT");
        assertThat(r.header("etag")).isEqualTo("\"e8d4a51000-a\"");
        assertThat(r.header("accept-ranges")).isEqualTo("bytes");
    }

    @Test
    void headSendsTheSameHeadersAndNoBody() {
        Response r = h.head("/hello.txt");
        assertThat(r.header("content-length")).isEqualTo("10");
        assertThat(r.header("etag")).isNotNull();
        assertThat(h.transport.valueString()).endsWith("\r\n\r\n");
    }

    @Test
    void unknownExtensionsGetTheDefaultTypeAndOverridesWin() {
        assertThat(h.get("/noext").header("content-type")).isEqualTo("application/octet-stream");
        file.contentTypes().put(".txt", "text/x-mine");
        assertThat(h.get("/hello.txt").header("content-type")).isEqualTo("text/x-mine");
    }

    @Test
    void missingFilesAndChildrenOfFilesAre404() {
        assertThat(h.get("/nope").status()).isEqualTo(404);
        assertThat(h.get("/hello.txt/more").status()).isEqualTo(404);
    }

    @Test
    void aDirectoryWithoutItsSlashRedirectsAndWithItServesItsIndex() {
        Response r = h.get("/sub?x=1");
        assertThat(r.status()).isEqualTo(301);
        assertThat(r.header("location")).isEqualTo("/sub/?x=1");
        assertThat(h.get("/sub/").text()).isEqualTo("sub index");
        file.indexNames().clear();
        file.indexNames().add("hello.txt");
        assertThat(h.get("/").text()).isEqualTo("0123456789");
    }

    @Test
    void aDirectoryWithoutIndexIsListedWithEscapedNames() {
        Response r = h.get("/bare/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("content-type")).isEqualTo("text/html; charset=utf-8");
        assertThat(r.text())
                .contains("Directory listing for /bare/")
                .contains("<a href=\"%3Cb%3E&amp;.txt\">&lt;b&gt;&amp;.txt</a>")
                .contains("<a href=\"javascript%3Aalert(1)\">javascript:alert(1)</a>")
                .contains("<a href=\"dir/\">dir/</a>")
                .contains("[text/plain]")
                .doesNotContain("<b>&");
    }

    @Test
    void listingCanBeTurnedOff() {
        file.setAllowListing(false);
        assertThat(h.get("/bare/").status()).isEqualTo(403);
        assertThat(h.get("/sub/").status()).isEqualTo(200); // an index is still served
    }

    @Test
    void formatsSizesAsTwistedDoes() {
        assertThat(DirectoryLister.formatSize(0)).isEqualTo("0B");
        assertThat(DirectoryLister.formatSize(1024)).isEqualTo("1K");
        assertThat(DirectoryLister.formatSize(1536)).isEqualTo("1.5K");
        assertThat(DirectoryLister.formatSize(3L * 1024 * 1024)).isEqualTo("3M");
        assertThat(DirectoryLister.formatSize(5L * 1024 * 1024 * 1024)).isEqualTo("5G");
    }

    // ---- ranges ----

    @Test
    void aSingleRangeGives206WithContentRange() {
        Response r = h.get("/hello.txt", "Range: bytes=2-5");
        assertThat(r.status()).isEqualTo(206);
        assertThat(r.header("content-range")).isEqualTo("bytes 2-5/10");
        assertThat(r.text()).isEqualTo("2345");
        assertThat(h.get("/hello.txt", "Range: bytes=-3").text()).isEqualTo("789");
        assertThat(h.get("/hello.txt", "Range: bytes=7-").text()).isEqualTo("789");
        assertThat(h.get("/hello.txt", "Range: bytes=8-100").header("content-range"))
                .isEqualTo("bytes 8-9/10");
    }

    @Test
    void severalRangesGiveAMultipartBody() {
        Response r = h.get("/hello.txt", "Range: bytes=0-1,5-6");
        assertThat(r.status()).isEqualTo(206);
        String type = r.header("content-type");
        assertThat(type).startsWith("multipart/byteranges; boundary=");
        String boundary = type.substring(type.indexOf('=') + 1);
        assertThat(r.text())
                .isEqualTo("\r\n--" + boundary + "\r\nContent-Type: text/plain\r\nContent-Range: bytes 0-1/10\r\n\r\n01"
                        + "\r\n--" + boundary + "\r\nContent-Type: text/plain\r\nContent-Range: bytes 5-6/10\r\n\r\n56"
                        + "\r\n--" + boundary + "--\r\n");
    }

    @Test
    void unsatisfiableRangesGive416AndMalformedOnesAreIgnored() {
        Response r = h.get("/hello.txt", "Range: bytes=10-20");
        assertThat(r.status()).isEqualTo(416);
        assertThat(r.header("content-range")).isEqualTo("bytes */10");
        for (String bad : new String[] {"bytes=5-2", "bytes=a-b", "pages=1-2", "bytes=1"}) {
            Response whole = h.get("/hello.txt", "Range: " + bad);
            assertThat(whole.status()).as(bad).isEqualTo(200);
            assertThat(whole.text()).isEqualTo("0123456789");
        }
    }

    @Test
    void ifRangeHonoursTheRangeOnlyForTheCurrentRepresentation() {
        String etag = h.get("/hello.txt").header("etag");
        assertThat(h.get("/hello.txt", "Range: bytes=0-0", "If-Range: " + etag).status())
                .isEqualTo(206);
        assertThat(h.get("/hello.txt", "Range: bytes=0-0", "If-Range: \"other\"")
                        .status())
                .isEqualTo(200);
        assertThat(h.get("/hello.txt", "Range: bytes=0-0", "If-Range: Sun, 09 Sep 2001 01:46:40 GMT")
                        .status())
                .isEqualTo(206);
        assertThat(h.get("/hello.txt", "Range: bytes=0-0", "If-Range: Sun, 09 Sep 2001 01:46:41 GMT")
                        .status())
                .isEqualTo(200);
    }

    // ---- conditional requests ----

    @Test
    void ifNoneMatchGives304AndTakesPrecedenceOverIfModifiedSince() {
        String etag = h.get("/hello.txt").header("etag");
        Response notModified = h.get("/hello.txt", "If-None-Match: \"x\", W/" + etag);
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.header("etag")).isEqualTo(etag);
        assertThat(notModified.header("content-length")).isNull();
        assertThat(h.get("/hello.txt", "If-None-Match: *").status()).isEqualTo(304);
        // A non-matching If-None-Match wins over an If-Modified-Since that alone would give 304.
        assertThat(h.get("/hello.txt", "If-None-Match: \"other\"", "If-Modified-Since: Sun, 09 Sep 2001 01:46:40 GMT")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void ifModifiedSinceGives304WhenNotNewer() {
        assertThat(h.get("/hello.txt", "If-Modified-Since: Sun, 09 Sep 2001 01:46:40 GMT")
                        .status())
                .isEqualTo(304);
        assertThat(h.get("/hello.txt", "If-Modified-Since: Sunday, 09-Sep-01 01:46:40 GMT")
                        .status())
                .isEqualTo(304);
        assertThat(h.get("/hello.txt", "If-Modified-Since: Sun Sep  9 01:46:40 2001")
                        .status())
                .isEqualTo(304);
        assertThat(h.get("/hello.txt", "If-Modified-Since: Sun, 09 Sep 2001 01:46:39 GMT")
                        .status())
                .isEqualTo(200);
        assertThat(h.get("/hello.txt", "If-Modified-Since: not a date").status())
                .isEqualTo(200);
    }

    @Test
    void ifMatchAndIfUnmodifiedSinceGive412() {
        String etag = h.get("/hello.txt").header("etag");
        assertThat(h.get("/hello.txt", "If-Match: \"other\"").status()).isEqualTo(412);
        assertThat(h.get("/hello.txt", "If-Match: " + etag).status()).isEqualTo(200);
        assertThat(h.get("/hello.txt", "If-Match: W/" + etag).status()).isEqualTo(412); // strong comparison
        assertThat(h.get("/hello.txt", "If-Unmodified-Since: Sun, 09 Sep 2001 01:46:39 GMT")
                        .status())
                .isEqualTo(412);
        assertThat(h.get("/hello.txt", "If-Unmodified-Since: Sun, 09 Sep 2001 01:46:40 GMT")
                        .status())
                .isEqualTo(200);
    }

    // ---- precompressed siblings ----

    @Test
    void precompressedSiblingsAreServedToClientsThatAcceptThem() throws IOException {
        Files.write(root.resolve("hello.txt.gz"), new byte[] {31, -117, 8, 0});
        Files.write(root.resolve("hello.txt.br"), new byte[] {1, 2});
        Response br = h.get("/hello.txt", "Accept-Encoding: gzip, br");
        assertThat(br.header("content-encoding")).isEqualTo("br");
        assertThat(br.header("content-type")).isEqualTo("text/plain");
        assertThat(br.header("vary")).isEqualTo("Accept-Encoding");
        assertThat(br.body()).containsExactly(1, 2);
        Response gz = h.get("/hello.txt", "Accept-Encoding: gzip;q=0.5, br;q=0");
        assertThat(gz.header("content-encoding")).isEqualTo("gzip");
        assertThat(gz.body()).hasSize(4);
        assertThat(gz.header("etag")).isNotEqualTo(br.header("etag"));
        Response plain = h.get("/hello.txt", "Accept-Encoding: identity");
        assertThat(plain.header("content-encoding")).isNull();
        assertThat(plain.text()).isEqualTo("0123456789");
        file.setServePrecompressed(false);
        assertThat(h.get("/hello.txt", "Accept-Encoding: br").header("content-encoding"))
                .isNull();
    }

    // ---- large files ----

    /** A transport that, like a real one, pauses its producer above a high-water mark. */
    static final class SlowTransport extends StringTransport {
        int unread;

        SlowTransport() {
            super(DEFAULT_HOST, DEFAULT_PEER, true);
        }

        @Override
        public void write(byte[] data) {
            super.write(data);
            unread += data.length;
            if (unread > 128 * 1024 && producer() instanceof IPushProducer p && streaming()) {
                p.pauseProducing();
            }
        }

        /** The client reads everything: the transport resumes its producer. */
        void drain() {
            unread = 0;
            if (producer() instanceof IPushProducer p) {
                p.resumeProducing();
            }
        }
    }

    @Test
    void aLargeFileStreamsWithThePauseOfASlowClient() throws IOException {
        byte[] big = new byte[5 * 1024 * 1024 + 17];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31 + (i >> 13));
        }
        Files.write(root.resolve("big.bin"), big);
        SlowTransport t = new SlowTransport();
        var channel = (io.jtwisted.web.http.HTTPChannel) h.site.buildProtocol(StringTransport.DEFAULT_PEER);
        channel.makeConnection(t);
        channel.dataReceived("GET /big.bin HTTP/1.1\r\n\r\n".getBytes(UTF_8));
        java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
        int turns = 0;
        while (t.producer() != null) {
            assertThat(t.value().length).isLessThanOrEqualTo(128 * 1024 + FileProducer.CHUNK + 1024);
            received.writeBytes(t.value());
            t.clear();
            t.drain();
            turns++;
        }
        received.writeBytes(t.value());
        assertThat(turns).isGreaterThan(20);
        Response r = Response.parseAll(received.toByteArray()).get(0);
        assertThat(r.header("content-length")).isEqualTo(Integer.toString(big.length));
        assertThat(r.body()).isEqualTo(big);
    }

    @Test
    void aLargeRangeStreamsToo() throws IOException {
        byte[] big = new byte[300_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) i;
        }
        Files.write(root.resolve("big.bin"), big);
        Response r = h.get("/big.bin", "Range: bytes=1000-200999");
        assertThat(r.status()).isEqualTo(206);
        assertThat(r.body()).isEqualTo(java.util.Arrays.copyOfRange(big, 1000, 201000));
    }

    // ---- other file systems ----

    @Test
    void servesFromAZipFileSystem() throws IOException {
        Path zip = tmp.resolve("site.zip");
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("create", "true"))) {
            Files.createDirectories(fs.getPath("/docs"));
            Files.writeString(fs.getPath("/docs/readme.txt"), "from the zip");
        }
        try (FileSystem fs = FileSystems.newFileSystem(zip)) {
            SiteHarness z = new SiteHarness(new File(fs.getPath("/")));
            Response r = z.get("/docs/readme.txt");
            assertThat(r.text()).isEqualTo("from the zip");
            assertThat(r.header("content-type")).isEqualTo("text/plain");
            assertThat(z.get("/docs/").text()).contains("<a href=\"readme.txt\">readme.txt</a>");
            assertThat(z.get("/docs/%2e%2e/docs/readme.txt").status()).isEqualTo(403);
            assertThat(z.get("/docs/readme.txt", "Range: bytes=5-7").text()).isEqualTo("the");
        }
    }

    @Test
    void dataServesItsBytesForGetAndHead() {
        SiteHarness d = new SiteHarness(new Data("data!".getBytes(UTF_8), "text/x-data"));
        Response r = d.get("/");
        assertThat(r.text()).isEqualTo("data!");
        assertThat(r.header("content-type")).isEqualTo("text/x-data");
        assertThat(d.head("/").header("content-length")).isEqualTo("5");
        assertThat(d.request("POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n").status())
                .isEqualTo(Http.NOT_ALLOWED);
    }
}
