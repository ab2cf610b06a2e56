package io.jtwisted.web.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jtwisted.web.iweb.IRequest;
import io.jtwisted.web.resource.Resource;
import io.jtwisted.web.staticfiles.File;
import io.jtwisted.web.testing.LiveServer;
import io.jtwisted.web.testing.Processes;
import io.jtwisted.web.testing.Processes.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@link Site} serving a directory on a real socket, driven by real clients: curl (ranges,
 * HEAD, conditional requests, chunked upload, HTTP/1.0, keep-alive), Python's {@code http.client},
 * and the real Twisted's {@code Agent}. A test whose client is not installed is skipped with a
 * message (CI installs them all: see .ci/run).
 */
@SuppressWarnings("try") // LiveServer.close() waits for the server thread, which an interrupt may cut short
class RealClientsTest {
    @TempDir
    static Path tmp;

    static LiveServer server;
    static byte[] big;

    /** Echoes the request body (POST and PUT) with the number of bytes. */
    static final class Echo extends Resource {
        @Override
        public boolean isLeaf() {
            return true;
        }

        @Override
        protected byte[] renderPOST(IRequest request) {
            return request.content();
        }

        @Override
        protected byte[] renderPUT(IRequest request) {
            return ("got " + request.content().length + " bytes, sha256 " + sha256(request.content()))
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        Path root = Files.createDirectory(tmp.resolve("root"));
        Files.writeString(root.resolve("hello.txt"), "0123456789");
        Files.setLastModifiedTime(root.resolve("hello.txt"), FileTime.fromMillis(1_000_000_000_000L));
        big = new byte[3 * 1024 * 1024 + 5];
        new java.util.Random(7).nextBytes(big);
        Files.write(root.resolve("big.bin"), big);
        server = new LiveServer(reactor -> {
            File file = new File(root);
            file.putChild("echo", new Echo());
            return new Site(file, reactor);
        });
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static Result curl(String... args) throws Exception {
        assumeTrue(Processes.available("curl", "--version"), "curl is not installed");
        List<String> command = new ArrayList<>(List.of("curl", "-s", "--max-time", "30"));
        command.addAll(List.of(args));
        Result r = Processes.run(command);
        assertThat(r.exitCode()).as("curl %s: %s", List.of(args), r.stderr()).isZero();
        return r;
    }

    @Test
    void curlGetsAFileAndALargeOneIntact() throws Exception {
        assertThat(curl(server.url("/hello.txt")).out()).isEqualTo("0123456789");
        assertThat(sha256(curl(server.url("/big.bin")).stdout())).isEqualTo(sha256(big));
    }

    @Test
    void curlRangesSingleAndMultiple() throws Exception {
        assertThat(curl("-r", "2-5", server.url("/hello.txt")).out()).isEqualTo("2345");
        Result multi = curl("-r", "0-1,8-9", "-D", "-", server.url("/hello.txt"));
        assertThat(multi.out())
                .contains("HTTP/1.1 206 Partial Content", "multipart/byteranges", "Content-Range: bytes 8-9/10");
        byte[] tail = curl("-r", "3000000-", server.url("/big.bin")).stdout();
        assertThat(tail).isEqualTo(java.util.Arrays.copyOfRange(big, 3000000, big.length));
        assertThat(curl("-o", "/dev/null", "-w", "%{http_code}", "-r", "20-30", server.url("/hello.txt"))
                        .out())
                .isEqualTo("416");
    }

    @Test
    void curlHeadAndConditionalRequests() throws Exception {
        String head = curl("-I", server.url("/hello.txt")).out();
        assertThat(head)
                .startsWith("HTTP/1.1 200 OK")
                .contains("Content-Length: 10", "Last-Modified: Sun, 09 Sep 2001 01:46:40 GMT");
        String date = head.lines()
                .filter(l -> l.startsWith("Date: "))
                .findFirst()
                .orElseThrow()
                .substring(6);
        assertThat(Math.abs(io.jtwisted.web.http.Http.stringToDatetime(date) - System.currentTimeMillis() / 1000))
                .isLessThan(120);
        String etag = head.lines()
                .filter(l -> l.startsWith("ETag: "))
                .findFirst()
                .orElseThrow()
                .substring(6);
        assertThat(curl(
                                "-o",
                                "/dev/null",
                                "-w",
                                "%{http_code}",
                                "-H",
                                "If-None-Match: " + etag,
                                server.url("/hello.txt"))
                        .out())
                .isEqualTo("304");
        assertThat(curl(
                                "-o",
                                "/dev/null",
                                "-w",
                                "%{http_code}",
                                "-z",
                                "Sun, 09 Sep 2001 01:46:40 GMT",
                                server.url("/hello.txt"))
                        .out())
                .isEqualTo("304");
        assertThat(curl(
                                "-o",
                                "/dev/null",
                                "-w",
                                "%{http_code}",
                                "-z",
                                "Sun, 09 Sep 2001 01:46:30 GMT",
                                server.url("/hello.txt"))
                        .out())
                .isEqualTo("200");
    }

    @Test
    void curlChunkedUploadArrivesWhole() throws Exception {
        Path upload = tmp.resolve("upload.bin");
        byte[] data = java.util.Arrays.copyOf(big, 1_000_000);
        Files.write(upload, data);
        String out = curl("-T", upload.toString(), "-H", "Transfer-Encoding: chunked", server.url("/echo"))
                .out();
        assertThat(out).isEqualTo("got 1000000 bytes, sha256 " + sha256(data));
    }

    @Test
    void curlHttp10AndKeepAliveAcrossUrls() throws Exception {
        Result old = curl("-0", "-D", "-", server.url("/hello.txt"));
        assertThat(old.out()).startsWith("HTTP/1.0 200 OK").endsWith("0123456789");
        Result two = curl("-w", " %{num_connects}\n", server.url("/hello.txt"), server.url("/hello.txt"));
        assertThat(two.out()).isEqualTo("0123456789 1\n0123456789 0\n"); // the second reused the connection
    }

    @Test
    void aSlowlorisIsCutOffWhileCurlIsServed() throws Exception {
        assumeTrue(Processes.available("curl", "--version"), "curl is not installed");
        try (LiveServer strict = new LiveServer(reactor -> {
                    Site site = new Site(
                            new io.jtwisted.web.staticfiles.Data("ok".getBytes(StandardCharsets.UTF_8), "text/plain"),
                            reactor);
                    site.setHeadersTimeout(1);
                    return site;
                });
                java.net.Socket slow = new java.net.Socket("127.0.0.1", strict.port())) {
            slow.setSoTimeout(20_000);
            slow.getOutputStream().write("GET / HTTP/1.1\r\nX-A: 1\r\n".getBytes(StandardCharsets.UTF_8));
            long start = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                assertThat(curl(strict.url("/")).out()).isEqualTo("ok");
            }
            // The trickling client never finishes its head: the server closes it (read returns -1).
            assertThat(slow.getInputStream().read()).isEqualTo(-1);
            assertThat((System.nanoTime() - start) / 1e9).isLessThan(15);
        }
    }

    @Test
    void pythonHttpClientKeepsTheConnectionAndPosts() throws Exception {
        assumeTrue(Processes.available("python3", "-c", "import http.client"), "python3 is not installed");
        Result r = Processes.run(
                List.of("python3", "src/test/resources/interop/httpclient_client.py", Integer.toString(server.port())));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.out()).isEqualTo("200 10 0123456789\n200 10 0123456789\n200 11 posted body\n");
    }

    @Test
    void twistedAgentFetchesSmallAndLargeFiles() throws Exception {
        String python = Processes.twistedPython();
        assumeTrue(python != null, "python3 with Twisted is not installed");
        Result r = Processes.run(List.of(
                python,
                "src/test/resources/interop/agent_client.py",
                server.url("/hello.txt"),
                server.url("/big.bin"),
                server.url("/missing")));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.out().lines().toList())
                .containsExactly(
                        "200 10 " + sha256("0123456789".getBytes(StandardCharsets.UTF_8)),
                        "200 " + big.length + " " + sha256(big),
                        r.out().lines().toList().get(2));
        assertThat(r.out().lines().toList().get(2)).startsWith("404 ");
    }
}
