package io.jtwisted.web.staticfiles;

import io.jtwisted.web.http.Html;
import io.jtwisted.web.iweb.IRequest;
import io.jtwisted.web.resource.Resource;
import io.jtwisted.web.server.Request;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The HTML listing of a directory, as Twisted's {@code static.DirectoryLister}: one row per entry
 * with its size, content type and encoding; names and links escaped, so a file named
 * {@code <script>} is only text.
 */
public class DirectoryLister extends Resource {
    private final Path directory;
    private final Map<String, String> contentTypes;
    private final String defaultType;

    public DirectoryLister(Path directory, Map<String, String> contentTypes, String defaultType) {
        this.directory = directory;
        this.contentTypes = contentTypes;
        this.defaultType = defaultType;
    }

    @Override
    protected byte[] renderGET(IRequest request) {
        List<String[]> rows = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.endsWith("/")) {
                    name = name.substring(0, name.length() - 1); // zip file systems name directories with a slash
                }
                BasicFileAttributes a =
                        Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isDirectory()) {
                    rows.add(new String[] {name + "/", "", "[Directory]", ""});
                } else {
                    String type = contentTypes.getOrDefault(MimeTypes.extension(name), defaultType);
                    rows.add(new String[] {name, formatSize(a.size()), "[" + type + "]", ""});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows.sort((x, y) -> x[0].compareTo(y[0]));
        String title = "Directory listing for " + Html.escape(decodedPath(request));
        StringBuilder b = new StringBuilder(512 + rows.size() * 160);
        b.append("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(title)
                .append(
                        "</title>\n<style>th, .even td, .odd td { padding-right: 0.5em; } .even-dir { background-color: #efe0ef } "
                                + ".even { background-color: #eee } .odd-dir {background-color: #f0d0ef } .odd { background-color: #dedede } "
                                + ".icon { text-align: center } .listing { margin-left: auto; margin-right: auto; width: 50%; padding: 0.1em; } "
                                + "body { border: 0; padding: 0; margin: 0; background-color: #efefef; } h1 {padding: 0.1em; background-color: #777; "
                                + "color: white; border-bottom: thin white dashed;}</style>\n</head>\n<body>\n<h1>")
                .append(title)
                .append("</h1>\n<table>\n<thead><tr><th>Filename</th><th>Size</th><th>Content type</th>"
                        + "<th>Content encoding</th></tr></thead>\n<tbody>\n");
        boolean even = true;
        for (String[] row : rows) {
            boolean dir = row[0].endsWith("/");
            String href =
                    Request.quoteSegment(dir ? row[0].substring(0, row[0].length() - 1) : row[0]) + (dir ? "/" : "");
            b.append("<tr class=\"")
                    .append(even ? "even" : "odd")
                    .append(dir ? "-dir" : "")
                    .append("\"><td><a href=\"")
                    .append(Html.escape(href))
                    .append("\">")
                    .append(Html.escape(row[0]))
                    .append("</a></td><td>")
                    .append(row[1])
                    .append("</td><td>")
                    .append(Html.escape(row[2]))
                    .append("</td><td>")
                    .append(row[3])
                    .append("</td></tr>\n");
            even = !even;
        }
        b.append("</tbody>\n</table>\n</body>\n</html>\n");
        request.setHeader("Content-Type", "text/html; charset=utf-8");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String decodedPath(IRequest request) {
        return "/" + String.join("/", request.prepath());
    }

    /** Sizes as Twisted's listing shows them: B, K, M, G with one decimal above a kilobyte. */
    static String formatSize(long size) {
        if (size < 1024) {
            return size + "B";
        }
        if (size < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1fK", size / 1024.0).replace(".0K", "K");
        }
        if (size < 1024L * 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1fM", size / (1024.0 * 1024))
                    .replace(".0M", "M");
        }
        return String.format(java.util.Locale.ROOT, "%.1fG", size / (1024.0 * 1024 * 1024))
                .replace(".0G", "G");
    }
}
