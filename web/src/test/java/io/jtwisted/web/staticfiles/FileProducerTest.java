package io.jtwisted.web.staticfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.endpoints.Endpoints;
import io.jtwisted.internet.interfaces.IFileRegionTransport;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IPushProducer;
import io.jtwisted.internet.task.Clock;
import io.jtwisted.internet.testing.StringTransport;
import io.jtwisted.web.http.HTTPChannel;
import io.jtwisted.web.iweb.IRequest;
import io.jtwisted.web.resource.Resource;
import io.jtwisted.web.server.Site;
import io.jtwisted.web.testing.LiveServer;
import io.jtwisted.web.testing.Processes;
import io.jtwisted.web.testing.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@link File} sends large bodies ({@link FileProducer}): as file regions (sendfile) on a
 * transport that takes them, read into the heap on one that does not (TLS, a test transport).
 * First against a recording transport on a {@link Clock}, then over real sockets with curl as the
 * client: whole files and ranges arrive intact, a client that goes away mid-transfer leaves no
 * descriptor open on the file, and TLS falls back to the heap. Twisted's static.File has no
 * sendfile path, so nothing here is ported from test_static.py.
 */
@SuppressWarnings("try") // LiveServer.close() waits for the server thread, which an interrupt may cut short
class FileProducerTest {
    @TempDir
    Path tmp;

    /** A StringTransport that takes file regions: records each, and writes the region's bytes as read then. */
    static class RegionTransport extends StringTransport implements IFileRegionTransport {
        record Call(long position, long count, boolean closeWhenDone) {}

        final List<Call> calls = new ArrayList<>();
        final List<FileChannel> files = new ArrayList<>();

        RegionTransport() {
            super(DEFAULT_HOST, DEFAULT_PEER, true);
        }

        @Override
        public boolean canWriteFile() {
            return true;
        }

        @Override
        public void writeFile(FileChannel file, long position, long count, boolean closeWhenDone) {
            calls.add(new Call(position, count, closeWhenDone));
            files.add(file);
            ByteBuffer bytes = ByteBuffer.allocate((int) count);
            try {
                while (bytes.hasRemaining()) {
                    if (file.read(bytes, position + bytes.position()) < 0) {
                        throw new IOException("short file");
                    }
                }
                if (closeWhenDone) {
                    file.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            write(bytes.array());
        }
    }

    private static byte[] random(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    private Path root(byte[] big) throws IOException {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Files.write(root.resolve("big.bin"), big);
        return root;
    }

    private static Response get(Site site, StringTransport transport, String path, String... headerLines) {
        HTTPChannel channel = (HTTPChannel) site.buildProtocol(StringTransport.DEFAULT_PEER);
        channel.makeConnection(transport);
        String raw = "GET " + path + " HTTP/1.1\r\nHost: example.com\r\n" + String.join("", headerLines) + "\r\n";
        channel.dataReceived(raw.getBytes(StandardCharsets.ISO_8859_1));
        List<Response> all = Response.parseAll(transport.value());
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    /**
     * A RegionTransport that, as the reactor's transports do, pauses its streaming producer when a
     * region leaves more than their high-water mark (64 KiB) queued, and resumes it only when the
     * test says the bytes are sent.
     */
    static final class PausingRegionTransport extends RegionTransport {
        @Override
        public void writeFile(FileChannel file, long position, long count, boolean closeWhenDone) {
            super.writeFile(file, position, count, closeWhenDone);
            if (count > 64 * 1024 && producer() instanceof IPushProducer p) {
                p.pauseProducing();
            }
        }

        void sent() {
            ((IPushProducer) producer()).resumeProducing();
        }
    }

    @Test
    void aLargeFileGoesToATransportThatTakesRegionsAsOneRegionThatTakesTheFile() throws Exception {
        byte[] big = random(3 * 1024 * 1024 + 1);
        Site site = new Site(new File(root(big)), new Clock());
        RegionTransport transport = new RegionTransport();
        Response r = get(site, transport, "/big.bin");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("content-length")).isEqualTo(Integer.toString(big.length));
        assertThat(r.body()).isEqualTo(big);
        assertThat(transport.calls).containsExactly(new RegionTransport.Call(0, big.length, true));
        assertThat(transport.files.get(0).isOpen())
                .as("the transport closed it after the region")
                .isFalse();
    }

    @Test
    void aRegionAboveTheHighWaterMarkHoldsItsRequestOpenAndThePipelinedNextOneWaitsUntilTheTransportResumes()
            throws Exception {
        byte[] big = random(1024 * 1024);
        Site site = new Site(new File(root(big)), new Clock());
        PausingRegionTransport transport = new PausingRegionTransport();
        HTTPChannel channel = (HTTPChannel) site.buildProtocol(StringTransport.DEFAULT_PEER);
        channel.makeConnection(transport);
        String one = "GET /big.bin HTTP/1.1\r\nHost: example.com\r\n\r\n";
        channel.dataReceived((one + one).getBytes(StandardCharsets.ISO_8859_1));
        assertThat(transport.calls)
                .as("one region queued, the second request not answered yet")
                .containsExactly(new RegionTransport.Call(0, big.length, true));
        assertThat(transport.producer())
                .as("the first request is not finished while its region is queued")
                .isNotNull();

        transport.sent();
        assertThat(transport.calls).hasSize(2);
        List<Response> both = Response.parseAll(transport.value());
        assertThat(both).hasSize(2);
        assertThat(both.get(0).body()).isEqualTo(big);
        assertThat(both.get(1).body()).isEqualTo(big);
        assertThat(transport.producer())
                .as("the second request waits for its own region in turn")
                .isNotNull();
    }

    @Test
    void severalRangesSendTheirPartHeadersAsBytesBetweenRegionsOfOneFile() throws Exception {
        byte[] big = random(400_000);
        Site site = new Site(new File(root(big)), new Clock());
        RegionTransport transport = new RegionTransport();
        Response r = get(site, transport, "/big.bin", "Range: bytes=0-99999,200000-299999\r\n");
        assertThat(r.status()).isEqualTo(206);
        String boundary = r.header("content-type").replaceFirst(".*boundary=", "");
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int[] range : new int[][] {{0, 99_999}, {200_000, 299_999}}) {
            expected.writeBytes(
                    ("\r\n--" + boundary + "\r\nContent-Type: application/octet-stream\r\nContent-Range: bytes "
                                    + range[0] + "-" + range[1] + "/400000\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            expected.write(big, range[0], range[1] - range[0] + 1);
        }
        expected.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        assertThat(r.body()).isEqualTo(expected.toByteArray());
        assertThat(transport.calls)
                .containsExactly(
                        new RegionTransport.Call(0, 100_000, false), new RegionTransport.Call(200_000, 100_000, true));
    }

    @Test
    void aTransportWithoutRegionsGetsTheFileReadThroughTheHeap() throws Exception {
        byte[] big = random(1_000_003);
        Site site = new Site(new File(root(big)), new Clock());
        StringTransport plain = new StringTransport(StringTransport.DEFAULT_HOST, StringTransport.DEFAULT_PEER, true);
        Response r = get(site, plain, "/big.bin", "Range: bytes=5-\r\n");
        assertThat(r.status()).isEqualTo(206);
        assertThat(r.body()).isEqualTo(Arrays.copyOfRange(big, 5, big.length));
    }

    /** Writes a region of the file at {@code path} without a length: chunked. */
    static final class ChunkedRegion extends Resource {
        private final Path path;

        ChunkedRegion(Path path) {
            this.path = path;
        }

        @Override
        public boolean isLeaf() {
            return true;
        }

        @Override
        protected byte[] renderGET(IRequest request) {
            try {
                request.write("<");
                request.writeFile(FileChannel.open(path), 2, 5, true);
                request.write(">");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            request.finish();
            return NOT_DONE_YET;
        }
    }

    @Test
    void aChunkedResponseFramesARegionAsItFramesWrittenBytes() throws Exception {
        Path f = Files.writeString(tmp.resolve("f.txt"), "0123456789");
        Site site = new Site(new ChunkedRegion(f), new Clock());
        RegionTransport transport = new RegionTransport();
        Response r = get(site, transport, "/");
        assertThat(r.header("transfer-encoding")).isEqualTo("chunked");
        assertThat(r.text()).isEqualTo("<23456>");
        assertThat(transport.valueString()).endsWith("\r\n\r\n1\r\n<\r\n5\r\n23456\r\n1\r\n>\r\n0\r\n\r\n");
    }

    // ---- over real sockets -------------------------------------------------------------------

    /** Says whether the request could send file regions. */
    static final class Probe extends Resource {
        @Override
        public boolean isLeaf() {
            return true;
        }

        @Override
        protected byte[] renderGET(IRequest request) {
            return ("regions=" + request.canWriteFile()).getBytes(StandardCharsets.US_ASCII);
        }
    }

    private static byte[] curl(String... args) throws Exception {
        assumeTrue(Processes.available("curl", "--version"), "curl is not installed");
        List<String> command = new ArrayList<>(List.of("curl", "-s", "--max-time", "60"));
        command.addAll(List.of(args));
        Processes.Result r = Processes.run(command);
        assertThat(r.exitCode()).as("curl %s: %s", List.of(args), r.stderr()).isZero();
        return r.stdout();
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static LiveServer serve(Path root) throws Exception {
        return new LiveServer(reactor -> {
            File files = new File(root);
            files.putChild("probe", new Probe());
            return new Site(files, reactor);
        });
    }

    @Test
    void curlGetsALargeFileAndRangesOfItIntactFromTheFileSystemOverPlainTcp() throws Exception {
        byte[] big = random(5 * 1024 * 1024 + 3);
        try (LiveServer server = serve(root(big))) {
            assertThat(new String(curl(server.url("/probe")), StandardCharsets.US_ASCII))
                    .isEqualTo("regions=true");
            assertThat(sha256(curl(server.url("/big.bin")))).isEqualTo(sha256(big));
            assertThat(curl("-r", "100-2000099", server.url("/big.bin")))
                    .isEqualTo(Arrays.copyOfRange(big, 100, 2_000_100));
            byte[] multi = curl("-r", "0-99999,5000000-", server.url("/big.bin"));
            String text = new String(multi, StandardCharsets.ISO_8859_1);
            assertThat(text)
                    .contains(
                            "Content-Range: bytes 0-99999/" + big.length,
                            "Content-Range: bytes 5000000-" + (big.length - 1) + "/" + big.length);
            int first = text.indexOf("\r\n\r\n") + 4;
            assertThat(Arrays.copyOfRange(multi, first, first + 100_000)).isEqualTo(Arrays.copyOf(big, 100_000));
            int second = text.indexOf("\r\n\r\n", first + 100_000) + 4;
            assertThat(Arrays.copyOfRange(multi, second, second + big.length - 5_000_000))
                    .isEqualTo(Arrays.copyOfRange(big, 5_000_000, big.length));
        }
    }

    /** Serves one file through {@link File}, completing {@link #ended} when its request ends either way. */
    static final class Watched extends Resource {
        final CompletableFuture<Object> ended = new CompletableFuture<>();
        private final File files;

        Watched(File files) {
            this.files = files;
        }

        @Override
        public boolean isLeaf() {
            return true;
        }

        @Override
        public byte[] render(IRequest request) {
            request.notifyFinish().addBoth(result -> {
                ended.complete(result == null ? "finished" : result);
                return null;
            });
            return files.getChild("huge.bin", request).render(request);
        }
    }

    private static boolean descriptorOpenOn(Path file) throws IOException {
        Path real = file.toRealPath();
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    if (Files.readSymbolicLink(fd).equals(real)) {
                        return true;
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor of the listing itself, or one closed since
                }
            }
        }
        return false;
    }

    @Test
    void aClientThatGoesAwayMidTransferLeavesNoDescriptorOpenOnTheFile() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs /proc/self/fd");
        Path root = Files.createDirectories(tmp.resolve("huge"));
        Path huge = root.resolve("huge.bin");
        try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
            sparse.setLength(1L
                    << 30); // far more than the socket buffers hold: the transfer is still going when the client leaves
        }
        Watched watched = new Watched(new File(root));
        try (LiveServer server = new LiveServer(reactor -> new Site(watched, reactor))) {
            try (Socket client = new Socket("127.0.0.1", server.port())) {
                OutputStream out = client.getOutputStream();
                out.write("GET /huge.bin HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = client.getInputStream();
                byte[] some = in.readNBytes(64 * 1024);
                assertThat(new String(some, 0, 15, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200 OK");
                assertThat(descriptorOpenOn(huge))
                        .as("the file is open while it is being sent")
                        .isTrue();
                client.setSoLinger(true, 0); // closing now resets the connection
            }
            Object ended = watched.ended.get(20, TimeUnit.SECONDS);
            assertThat(ended).isNotEqualTo("finished");
            assertThat(descriptorOpenOn(huge)).as("closed with the connection").isFalse();
        }
    }

    @Test
    void overTlsTheFileIsReadThroughTheHeapAndArrivesIntact() throws Exception {
        assumeTrue(Processes.available("openssl", "version"), "openssl is not installed");
        byte[] big = random(3 * 1024 * 1024 + 11);
        Path root = root(big);
        Path key = tmp.resolve("server.pem");
        Processes.Result made = Processes.run(List.of(
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
        try (LiveServer server = serve(root)) {
            CompletableFuture<IListeningPort> tls = new CompletableFuture<>();
            server.reactor.callFromThread(() -> {
                File files = new File(root);
                files.putChild("probe", new Probe());
                Endpoints.serverFromString(server.reactor, "ssl:0:interface=127.0.0.1:privateKey=" + key)
                        .listen(new Site(files, server.reactor))
                        .addBoth(p -> {
                            if (p instanceof IListeningPort listening) {
                                tls.complete(listening);
                            } else {
                                tls.completeExceptionally(new AssertionError("listen failed: " + p));
                            }
                            return null;
                        });
            });
            IListeningPort port = tls.get(20, TimeUnit.SECONDS);
            String base = "https://127.0.0.1:" + ((IPv4Address) port.getHost()).port();
            try {
                assertThat(new String(curl("-k", base + "/probe"), StandardCharsets.US_ASCII))
                        .isEqualTo("regions=false");
                assertThat(sha256(curl("-k", base + "/big.bin"))).isEqualTo(sha256(big));
                assertThat(curl("-k", "-r", "7-1000006", base + "/big.bin"))
                        .isEqualTo(Arrays.copyOfRange(big, 7, 1_000_007));
            } finally {
                CompletableFuture<Object> stopped = new CompletableFuture<>();
                server.reactor.callFromThread(() -> port.stopListening().addBoth(x -> {
                    stopped.complete(x);
                    return null;
                }));
                stopped.get(20, TimeUnit.SECONDS);
            }
        }
    }
}
