package io.jtwisted.web.http;

/**
 * One part of a {@code multipart/form-data} body: its field name, the file name the client gave
 * (or {@code null} for a plain field), its content type (or {@code null}) and its bytes.
 */
public record FormPart(String name, String filename, String contentType, byte[] content) {
}
