package io.jtwisted.web.staticfiles;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The MIME type table static files are served with, as Twisted's {@code static.loadMimeTypes}
 * (which reads the system's {@code mime.types}; this table is built in, so the answer does not
 * depend on the machine). Keys are extensions with their dot, in lower case.
 */
public final class MimeTypes {
    private static final String[] TABLE = {
        ".html",
        "text/html",
        ".htm",
        "text/html",
        ".css",
        "text/css",
        ".js",
        "text/javascript",
        ".mjs",
        "text/javascript",
        ".json",
        "application/json",
        ".xml",
        "text/xml",
        ".txt",
        "text/plain",
        ".text",
        "text/plain",
        ".md",
        "text/markdown",
        ".csv",
        "text/csv",
        ".tsv",
        "text/tab-separated-values",
        ".java",
        "text/plain",
        ".py",
        "text/plain",
        ".c",
        "text/plain",
        ".h",
        "text/plain",
        ".sh",
        "text/plain",
        ".log",
        "text/plain",
        ".rst",
        "text/plain",
        ".diff",
        "text/plain",
        ".patch",
        "text/plain",
        ".png",
        "image/png",
        ".jpg",
        "image/jpeg",
        ".jpeg",
        "image/jpeg",
        ".gif",
        "image/gif",
        ".svg",
        "image/svg+xml",
        ".ico",
        "image/x-icon",
        ".webp",
        "image/webp",
        ".avif",
        "image/avif",
        ".bmp",
        "image/bmp",
        ".tif",
        "image/tiff",
        ".tiff",
        "image/tiff",
        ".woff",
        "font/woff",
        ".woff2",
        "font/woff2",
        ".ttf",
        "font/ttf",
        ".otf",
        "font/otf",
        ".mp3",
        "audio/mpeg",
        ".ogg",
        "audio/ogg",
        ".wav",
        "audio/wav",
        ".flac",
        "audio/flac",
        ".mp4",
        "video/mp4",
        ".webm",
        "video/webm",
        ".mkv",
        "video/x-matroska",
        ".avi",
        "video/x-msvideo",
        ".pdf",
        "application/pdf",
        ".zip",
        "application/zip",
        ".gz",
        "application/gzip",
        ".tgz",
        "application/gzip",
        ".bz2",
        "application/x-bzip2",
        ".xz",
        "application/x-xz",
        ".tar",
        "application/x-tar",
        ".jar",
        "application/java-archive",
        ".wasm",
        "application/wasm",
        ".rss",
        "application/rss+xml",
        ".atom",
        "application/atom+xml",
        ".epub",
        "application/epub+zip",
        ".doc",
        "application/msword",
        ".rtf",
        "application/rtf",
        ".docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".odt",
        "application/vnd.oasis.opendocument.text",
        ".bin",
        "application/octet-stream",
        ".iso",
        "application/octet-stream",
        ".deb",
        "application/vnd.debian.binary-package",
    };

    private MimeTypes() {}

    /** A new, modifiable copy of the built-in table. */
    public static Map<String, String> defaults() {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < TABLE.length; i += 2) {
            m.put(TABLE[i], TABLE[i + 1]);
        }
        return m;
    }

    /** The extension of {@code fileName} with its dot, in lower case ("" when it has none). */
    public static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot <= 0 ? "" : fileName.substring(dot).toLowerCase(Locale.ROOT);
    }
}
