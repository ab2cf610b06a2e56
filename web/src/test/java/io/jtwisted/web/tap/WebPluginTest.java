package io.jtwisted.web.tap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.application.internet.StreamServerEndpointService;
import io.jtwisted.application.service.IService;
import io.jtwisted.application.service.IServiceMaker;
import io.jtwisted.application.service.IServiceMaker.Options;
import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.web.iweb.IRequest;
import io.jtwisted.web.resource.Resource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link WebPlugin}, the {@code twistd web} plugin. Ported from Twisted's {@code test_tap.py}:
 * test_path and test_pathServer (the directory is served on the endpoint given), test_defaultMime
 * (--mime-type), test_invalidApplication (--class that is not a resource), test_listenSSL... as an
 * ssl: endpoint string served to curl. Not ported: test_personal, test_wsgi, test_cgiProcessor,
 * test_add_header (no personal servers, WSGI, CGI or --add-header). Plus --listen repeated, --port,
 * --index, --logfile, --max-request-body and --no-listing on a live reactor.
 */
@SuppressWarnings("try") // its Running helper waits for the reactor thread in close(); an interrupt may cut that short
class WebPluginTest {
    @TempDir
    Path tmp;

    /** A resource for --class. */
    public static final class Hello extends Resource {
        @Override
        public boolean isLeaf() {
            return true;
        }

        @Override
        protected byte[] renderGET(IRequest request) {
            return "hello from a class".getBytes(StandardCharsets.UTF_8);
        }
    }

    private static Options options(String... pairs) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return new Options(values, List.of());
    }

    @Test
    void isFoundByServiceLoaderAsWeb() {
        List<String> names = new ArrayList<>();
        ServiceLoader.load(IServiceMaker.class).forEach(m -> names.add(m.tapname()));
        assertThat(names).contains("web");
    }

    @Test
    void unusableOptionsAreUsageErrors() {
        WebPlugin plugin = new WebPlugin();
        assertThatThrownBy(() -> plugin.makeService(options()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--path");
        assertThatThrownBy(() -> plugin.makeService(options("path", tmp.toString(), "class", Hello.class.getName())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> plugin.makeService(options("class", "java.lang.String")))
                .hasMessageContaining("not a Resource");
        assertThatThrownBy(() -> plugin.makeService(options("class", "no.such.Type")))
                .hasMessageContaining("no class");
        assertThatThrownBy(() -> plugin.makeService(
                        options("path", tmp.resolve("missing").toString())))
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> plugin.makeService(options("path", tmp.toString(), "mime-type", "nonsense")))
                .hasMessageContaining("--mime-type");
        assertThatThrownBy(() -> plugin.makeService(options("path", tmp.toString(), "max-request-body", "lots")))
                .hasMessageContaining("bytes");
    }

    /** Runs the plugin's service on a reactor thread; returns the bound ports. */
    private static final class Running implements AutoCloseable {
        final Reactor reactor = Reactor.create();
        final Thread thread = new Thread(() -> reactor.run(false), "plugin-reactor");
        final IService service;
        final List<Integer> ports = new ArrayList<>();

        Running(Options options) throws Exception {
            service = new WebPlugin().makeService(options, reactor);
            thread.setDaemon(true);
            thread.start();
            CompletableFuture<List<Integer>> bound = new CompletableFuture<>();
            reactor.callFromThread(() -> {
                service.privilegedStartService();
                service.startService();
                List<Integer> found = new ArrayList<>();
                List<io.jtwisted.internet.defer.Deferred<IListeningPort>> waiting = new ArrayList<>();
                for (IService child : (io.jtwisted.application.service.MultiService) service) {
                    if (child instanceof StreamServerEndpointService s) {
                        waiting.add(s.waitingForPort());
                    }
                }
                for (var d : waiting) {
                    d.addCallback(p -> {
                        found.add(((IPv4Address) p.getHost()).port());
                        if (found.size() == waiting.size()) {
                            bound.complete(found);
                        }
                        return p;
                    });
                }
            });
            ports.addAll(bound.get(20, TimeUnit.SECONDS));
        }

        String get(int port, String path) throws Exception {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .timeout(java.time.Duration.ofSeconds(20))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return r.statusCode() + " " + r.body();
        }

        @Override
        public void close() throws Exception {
            CompletableFuture<Object> stopped = new CompletableFuture<>();
            reactor.callFromThread(() -> service.stopService().addBoth(x -> stopped.complete(x)));
            stopped.get(20, TimeUnit.SECONDS);
            reactor.callFromThread(reactor::stop);
            thread.join(20_000);
        }
    }

    @Test
    void servesADirectoryOnEveryListenWithIndexMimeTypesAndAnAccessLog() throws Exception {
        Path www = Files.createDirectory(tmp.resolve("www"));
        Files.writeString(www.resolve("home.htm"), "home page");
        Files.writeString(www.resolve("notes.xyz"), "notes");
        Files.writeString(www.resolve("data.unknown"), "data");
        Files.createDirectory(www.resolve("empty"));
        Path log = tmp.resolve("access.log");
        try (Running r = new Running(options(
                "path",
                www.toString(),
                "listen",
                "tcp:0:interface=127.0.0.1\ntcp:0:interface=127.0.0.1",
                "index",
                "home.htm",
                "mime-type",
                ".xyz=text/x-xyz\napplication/x-default",
                "logfile",
                log.toString(),
                "no-listing",
                "true",
                "max-request-body",
                "10"))) {
            assertThat(r.ports).hasSize(2);
            for (int port : r.ports) {
                assertThat(r.get(port, "/")).isEqualTo("200 home page");
            }
            int port = r.ports.get(0);
            assertThat(r.get(port, "/empty/")).startsWith("403 ");
            HttpResponse<String> xyz = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/notes.xyz"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(xyz.headers().firstValue("content-type")).contains("text/x-xyz");
            HttpResponse<String> other = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/data.unknown"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(other.headers().firstValue("content-type")).contains("application/x-default");
            HttpResponse<String> big = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                                    .POST(HttpRequest.BodyPublishers.ofString("more than ten bytes"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(big.statusCode()).isEqualTo(413);
        }
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSizeGreaterThanOrEqualTo(5);
        assertThat(lines.get(0)).matches("127\\.0\\.0\\.1 - - \\[.*\\] \"GET / HTTP/1\\.1\" 200 9 \"-\" \".*\"");
    }

    /** Says whether it was reached over TLS. */
    public static final class Secure extends Resource {
        @Override
        public boolean isLeaf() {
            return true;
        }

        @Override
        protected byte[] renderGET(IRequest request) {
            return ("secure=" + request.isSecure() + " " + request.prePathURL()).getBytes(StandardCharsets.UTF_8);
        }
    }

    @Test
    void listensWithTlsThroughAnSslEndpointString() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                io.jtwisted.web.testing.Processes.available("openssl", "version"), "openssl is not installed");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                io.jtwisted.web.testing.Processes.available("curl", "--version"), "curl is not installed");
        Path key = tmp.resolve("server.pem");
        var made = io.jtwisted.web.testing.Processes.run(List.of(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-subj",
                "/CN=localhost",
                "-keyout",
                key.toString(),
                "-out",
                tmp.resolve("cert.pem").toString()));
        assertThat(made.exitCode()).as(made.stderr()).isZero();
        Files.writeString(key, Files.readString(key) + Files.readString(tmp.resolve("cert.pem")));
        try (Running r = new Running(options(
                "class",
                Secure.class.getName(),
                "listen",
                "ssl:0:interface=127.0.0.1:privateKey=" + key + "\ntcp:0:interface=127.0.0.1"))) {
            var out = io.jtwisted.web.testing.Processes.run(List.of(
                    "curl",
                    "-sk",
                    "--max-time",
                    "20",
                    "https://127.0.0.1:" + r.ports.get(0) + "/x",
                    "http://127.0.0.1:" + r.ports.get(1) + "/x"));
            // The root is a leaf: "x" stays in postpath, so the resource's URL is the site's root.
            assertThat(out.out())
                    .isEqualTo("secure=true https://127.0.0.1:" + r.ports.get(0) + "/"
                            + "secure=false http://127.0.0.1:" + r.ports.get(1) + "/");
        }
    }

    @Test
    void servesAResourceClassOnAPort() throws Exception {
        try (Running r = new Running(options("class", Hello.class.getName(), "port", "tcp:0:interface=127.0.0.1"))) {
            assertThat(r.get(r.ports.get(0), "/anything")).isEqualTo("200 hello from a class");
        }
    }
}
