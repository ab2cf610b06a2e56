package io.jtwisted.web.staticfiles;

import io.jtwisted.web.http.Http;
import io.jtwisted.web.iweb.IRequest;
import io.jtwisted.web.resource.ForbiddenResource;
import io.jtwisted.web.resource.IResource;
import io.jtwisted.web.resource.NoResource;
import io.jtwisted.web.resource.Resource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Files and directories under a {@link Path} of any file system (the default one, a zip file
 * system, an in-memory one), as Twisted's {@code static.File}.
 *
 * <ul>
 *   <li>A directory answers with its first existing {@linkplain #indexNames() index file}, else
 *       with an HTML {@link DirectoryLister listing} (turn off with {@link #setAllowListing}:
 *       403 instead); asked for without its trailing slash, it redirects (301) to it.</li>
 *   <li>A file answers GET and HEAD with a type from {@link #contentTypes()} (by extension;
 *       {@link #defaultType()} otherwise), {@code Last-Modified}, a strong {@code ETag} made of
 *       its modification time and size, and {@code Accept-Ranges: bytes}.</li>
 *   <li>Conditional requests follow RFC 9110 13.2.2: {@code If-Match}, then {@code
 *       If-Unmodified-Since} (412), then {@code If-None-Match} (304), and only when that is
 *       absent {@code If-Modified-Since} (304); {@code If-Range} guards {@code Range}.</li>
 *   <li>{@code Range}: one range gives 206 with {@code Content-Range}, several give 206 {@code
 *       multipart/byteranges}, none satisfiable gives 416 with {@code Content-Range: bytes
 *       *}/size; malformed ranges are ignored (200).</li>
 *   <li>A sibling {@code name.br} or {@code name.gz} is sent instead, with {@code
 *       Content-Encoding}, to a client whose {@code Accept-Encoding} takes it.</li>
 *   <li>Nothing outside the root is reachable: a path segment containing '/', '\', NUL, or
 *       being "." or ".." (however it was encoded) is refused (403); a symbolic link is refused
 *       (404, as if absent) unless {@link #setFollowSymlinks} allows links, and even then one
 *       leading outside the root is refused unless {@link #setAllowSymlinksOutsideRoot}.</li>
 *   <li>Bodies up to 64 KiB are read at once; larger ones stream through a push producer, paused
 *       while the client is slow: sent from the file system with sendfile on a plain TCP or UNIX
 *       connection to a file of the default file system, else read 64 KiB at a time (TLS, a zip or
 *       in-memory file system).</li>
 * </ul>
 *
 * Children share their parent's settings (changing a setting later affects them all).
 */
public class File extends Resource {
    /** Bodies up to this size are read whole and returned from render. */
    static final int SMALL = 64 * 1024;

    private final Path path;
    private final Settings settings;
    /** The attributes read when this child was looked up for the current request, or null. */
    private @Nullable BasicFileAttributes known;

    /** Settings shared by a root File and every child it makes. */
    private static final class Settings {
        final Path root;
        private @Nullable Path realRoot; // resolved on first use
        final Map<String, String> contentTypes = MimeTypes.defaults();
        String defaultType = "application/octet-stream";
        List<String> indexNames = new ArrayList<>(List.of("index.html", "index.htm"));
        boolean allowListing = true;
        boolean followSymlinks;
        boolean symlinksOutsideRoot;
        boolean precompressed = true;

        private final Map<Long, String> dates = new HashMap<>();

        /** HTTP dates of modification times, cached: formatting one costs more than the rest of a small answer. */
        String httpDate(long seconds) {
            String d = dates.get(seconds);
            if (d == null) {
                if (dates.size() > 4096) {
                    dates.clear();
                }
                d = Http.datetimeToString(seconds);
                dates.put(seconds, d);
            }
            return d;
        }

        Settings(Path root) {
            this.root = root.toAbsolutePath().normalize();
        }

        Path realRoot() {
            Path real = realRoot;
            if (real == null) {
                try {
                    real = root.toRealPath();
                } catch (IOException e) {
                    real = root;
                }
                realRoot = real;
            }
            return real;
        }
    }

    /**
     * Serves {@code path} and, when it is a directory, what is below it. (As in Twisted, a File of a
     * single file answers only when it is rendered itself: as a site's root it answers 404 for "/".)
     */
    public File(Path path) {
        this(path, new Settings(path));
    }

    /** Serves {@code path} with {@code defaultType} for extensions the table does not know. */
    public File(Path path, String defaultType) {
        this(path);
        settings.defaultType = Objects.requireNonNull(defaultType);
    }

    private File(Path path, Settings settings) {
        this.path = path.toAbsolutePath().normalize();
        this.settings = settings;
    }

    /** The path this resource serves. */
    public Path path() {
        return path;
    }

    /** Extension (with its dot, lower case) to MIME type; modifiable (Twisted's {@code contentTypes}). */
    public Map<String, String> contentTypes() {
        return settings.contentTypes;
    }

    /** The type of files whose extension is not in {@link #contentTypes()}. */
    public String defaultType() {
        return settings.defaultType;
    }

    /** Sets the type of files whose extension is not in {@link #contentTypes()}. */
    public void setDefaultType(String type) {
        settings.defaultType = Objects.requireNonNull(type);
    }

    /** The names a directory's index file may have, tried in order; modifiable. */
    public List<String> indexNames() {
        return settings.indexNames;
    }

    /** Whether a directory without an index file is listed (true) or forbidden (false). */
    public void setAllowListing(boolean allow) {
        settings.allowListing = allow;
    }

    /** Whether symbolic links inside the root are followed (false: they are treated as absent). */
    public void setFollowSymlinks(boolean follow) {
        settings.followSymlinks = follow;
    }

    /** Whether a followed symbolic link may lead outside the root. */
    public void setAllowSymlinksOutsideRoot(boolean allow) {
        settings.symlinksOutsideRoot = allow;
    }

    /** Whether {@code .br}/{@code .gz} siblings are served to clients that accept them. */
    public void setServePrecompressed(boolean serve) {
        settings.precompressed = serve;
    }

    /** Makes the resource for a child path; override to serve children with a subclass. */
    protected File createSimilarFile(Path childPath) {
        return new File(childPath, settings);
    }

    @Override
    public IResource getChild(String name, IRequest request) {
        if (name.isEmpty()) {
            return directoryIndex();
        }
        if (!safeSegment(name)) {
            return new ForbiddenResource();
        }
        Path child;
        try {
            child = path.resolve(name).normalize();
        } catch (RuntimeException invalidForThisFileSystem) {
            return new NoResource();
        }
        if (!child.startsWith(settings.root) || !path.equals(child.getParent())) {
            return new ForbiddenResource();
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException absent) {
            return new NoResource();
        }
        if (attributes.isSymbolicLink()) {
            if (!settings.followSymlinks) {
                return new NoResource();
            }
            try {
                if (!settings.symlinksOutsideRoot && !child.toRealPath().startsWith(settings.realRoot())) {
                    return new ForbiddenResource();
                }
                attributes = Files.readAttributes(child, BasicFileAttributes.class);
            } catch (IOException dangling) {
                return new NoResource();
            }
        }
        File similar = createSimilarFile(child);
        similar.known = attributes;
        return similar;
    }

    /** A segment that names one entry of this directory and nothing else. */
    static boolean safeSegment(String name) {
        if (name.equals(".") || name.equals("..")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\' || c == 0 || c == '\uFFFD') {
                return false;
            }
        }
        return true;
    }

    private IResource directoryIndex() {
        if (!Files.isDirectory(path)) {
            return new NoResource();
        }
        for (String index : settings.indexNames) {
            Path candidate = path.resolve(index);
            if (Files.isRegularFile(candidate, LinkOption.NOFOLLOW_LINKS)
                    || (settings.followSymlinks && Files.isRegularFile(candidate))) {
                return createSimilarFile(candidate);
            }
        }
        if (!settings.allowListing) {
            return new ForbiddenResource("Directory listing is not allowed.");
        }
        return new DirectoryLister(path, settings.contentTypes, settings.defaultType);
    }

    @Override
    protected byte[] renderGET(IRequest request) {
        BasicFileAttributes attributes = known;
        known = null;
        try {
            if (attributes == null) {
                attributes = Files.readAttributes(path, BasicFileAttributes.class);
            }
        } catch (NoSuchFileException gone) {
            return new NoResource().render(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (attributes.isDirectory()) {
            String target = request.path() + "/";
            int q = request.uri().indexOf('?');
            request.setResponseCode(Http.MOVED_PERMANENTLY);
            request.setHeader(
                    "Location", q < 0 ? target : target + request.uri().substring(q));
            request.setHeader("Content-Type", "text/html; charset=utf-8");
            return ("<html><body><a href=\"" + io.jtwisted.web.http.Html.escape(target) + "\">moved</a></body></html>")
                    .getBytes(StandardCharsets.UTF_8);
        }
        if (!attributes.isRegularFile()) {
            return new ForbiddenResource().render(request);
        }
        String name = path.getFileName().toString();
        String type = settings.contentTypes.getOrDefault(MimeTypes.extension(name), settings.defaultType);
        Path served = path;
        String encoding = null;
        if (settings.precompressed) {
            String accept = request.getHeader("accept-encoding");
            if (accept != null) {
                for (String[] candidate : new String[][] {{"br", ".br"}, {"gzip", ".gz"}}) {
                    Path sibling = path.resolveSibling(name + candidate[1]);
                    if (Files.isRegularFile(sibling, LinkOption.NOFOLLOW_LINKS)) {
                        request.setHeader("Vary", "Accept-Encoding");
                        if (encoding == null && accepts(accept, candidate[0])) {
                            try {
                                attributes = Files.readAttributes(sibling, BasicFileAttributes.class);
                                served = sibling;
                                encoding = candidate[0];
                            } catch (IOException raced) {
                                // the sibling vanished: serve the original
                            }
                        }
                    }
                }
            }
        }
        long size = attributes.size();
        long modified = attributes.lastModifiedTime().toMillis() / 1000;
        String etag = "\"" + Long.toHexString(attributes.lastModifiedTime().toMillis()) + "-" + Long.toHexString(size)
                + (encoding == null ? "" : "-" + encoding) + "\"";
        request.setHeader("Last-Modified", settings.httpDate(modified));
        request.setHeader("ETag", etag);
        request.setHeader("Accept-Ranges", "bytes");
        request.setHeader("Content-Type", type);
        if (encoding != null) {
            request.setHeader("Content-Encoding", encoding);
        }
        int precondition = Conditional.evaluate(request, etag, modified);
        if (precondition != Http.OK) {
            request.setResponseCode(precondition);
            if (precondition == Http.NOT_MODIFIED) {
                request.responseHeaders().removeHeader("Content-Type");
                request.responseHeaders().removeHeader("Accept-Ranges");
                return new byte[0];
            }
            request.setHeader("Content-Type", "text/html; charset=utf-8");
            return new byte[0];
        }
        List<FileProducer.Piece> pieces = new ArrayList<>();
        String range = request.getHeader("range");
        if (range != null && Conditional.rangeApplies(request, etag, modified)) {
            List<ByteRanges.Range> ranges = ByteRanges.parse(range, size);
            if (ranges != null && ranges.isEmpty()) {
                request.setResponseCode(Http.REQUESTED_RANGE_NOT_SATISFIABLE);
                request.setHeader("Content-Range", "bytes */" + size);
                request.setHeader("Content-Type", "text/html; charset=utf-8");
                return new byte[0];
            }
            if (ranges != null) {
                request.setResponseCode(Http.PARTIAL_CONTENT);
                if (ranges.size() == 1) {
                    ByteRanges.Range r = ranges.get(0);
                    request.setHeader("Content-Range", "bytes " + r.first() + "-" + r.last() + "/" + size);
                    pieces.add(FileProducer.Piece.region(r.first(), r.length()));
                } else {
                    String boundary = Long.toHexString(Double.doubleToLongBits(Math.random()))
                            + Long.toHexString(System.nanoTime());
                    request.setHeader("Content-Type", "multipart/byteranges; boundary=" + boundary);
                    for (ByteRanges.Range r : ranges) {
                        pieces.add(FileProducer.Piece.bytes(
                                ("\r\n--" + boundary + "\r\nContent-Type: " + type + "\r\nContent-Range: bytes "
                                                + r.first() + "-" + r.last() + "/" + size + "\r\n\r\n")
                                        .getBytes(StandardCharsets.ISO_8859_1)));
                        pieces.add(FileProducer.Piece.region(r.first(), r.length()));
                    }
                    pieces.add(FileProducer.Piece.bytes(
                            ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1)));
                }
            }
        }
        if (pieces.isEmpty()) {
            pieces.add(FileProducer.Piece.region(0, size));
        }
        long total = 0;
        for (FileProducer.Piece p : pieces) {
            total += p.length();
        }
        if ("HEAD".equals(request.method())) {
            request.setHeader("Content-Length", Long.toString(total));
            request.finish();
            return NOT_DONE_YET;
        }
        SeekableByteChannel channel;
        try {
            channel = Files.newByteChannel(served, StandardOpenOption.READ);
        } catch (NoSuchFileException gone) {
            return new NoResource().render(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (total <= SMALL) {
            try (channel) {
                return readSmall(channel, pieces, (int) total);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        request.setHeader("Content-Length", Long.toString(total));
        new FileProducer(request, channel, pieces, served.getFileSystem() == FileSystems.getDefault()).start();
        return NOT_DONE_YET;
    }

    private static byte[] readSmall(SeekableByteChannel channel, List<FileProducer.Piece> pieces, int total)
            throws IOException {
        ByteBuffer body = ByteBuffer.allocate(total);
        for (FileProducer.Piece p : pieces) {
            byte[] literal = p.literal();
            if (literal != null) {
                body.put(literal);
                continue;
            }
            body.limit(body.position() + (int) p.length());
            long at = p.position();
            if (!(channel instanceof java.nio.channels.FileChannel)) {
                channel.position(at);
            }
            while (body.hasRemaining()) {
                int n = channel instanceof java.nio.channels.FileChannel fc ? fc.read(body, at) : channel.read(body);
                if (n < 0) {
                    throw new IOException("file shorter than its size");
                }
                at += n;
            }
            body.limit(body.capacity());
        }
        return body.array();
    }

    /** Whether {@code acceptEncoding} takes {@code coding} (listed, or "*", with a q above 0). */
    static boolean accepts(String acceptEncoding, String coding) {
        boolean star = false;
        for (String part : acceptEncoding.split(",")) {
            String[] params = part.split(";");
            String name = params[0].strip().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < params.length; i++) {
                String p = params[i].strip();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException bad) {
                        q = 0;
                    }
                }
            }
            if (name.equals(coding)) {
                return q > 0;
            }
            if (name.equals("*")) {
                star = q > 0;
            }
        }
        return star;
    }

    /** For tests and subclasses: the settings' root. */
    Path root() {
        return settings.root;
    }
}
