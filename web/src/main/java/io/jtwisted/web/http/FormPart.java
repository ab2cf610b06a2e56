package io.jtwisted.web.http;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One part of a {@code multipart/form-data} body: its field name, the file name the client gave
 * (or {@code null} for a plain field), its content type (or {@code null}) and its bytes. Two parts
 * are equal when their names, file names, content types and bytes are.
 */
@SuppressWarnings("ArrayRecordComponent") // equals and hashCode below compare the bytes, not the array
public record FormPart(
        String name, @Nullable String filename, @Nullable String contentType, byte[] content) {

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof FormPart part
                && name.equals(part.name)
                && Objects.equals(filename, part.filename)
                && Objects.equals(contentType, part.contentType)
                && Arrays.equals(content, part.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, filename, contentType) * 31 + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "FormPart[name=" + name + ", filename=" + filename + ", contentType=" + contentType + ", "
                + content.length + " bytes]";
    }
}
