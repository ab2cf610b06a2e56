package io.jtwisted.names.dns;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A text record (Twisted's {@code Record_TXT}): one or more character-strings. Each string holds
 * octets, one per {@code char} (ISO-8859-1), so binary data survives a round trip; use
 * {@link #ofUtf8} and {@link #utf8()} for text.
 *
 * @param data the character-strings, each at most 255 octets
 */
public record RecordTXT(List<String> data) implements Record {
    public RecordTXT {
        data = List.copyOf(data);
        for (String s : data) {
            Checks.characterString(s, "TXT string");
        }
    }

    /** The record holding {@code strings}, one octet per char. */
    public static RecordTXT of(String... strings) {
        return new RecordTXT(List.of(strings));
    }

    /** The record holding {@code strings} encoded as UTF-8. */
    public static RecordTXT ofUtf8(String... strings) {
        List<String> data = new ArrayList<>(strings.length);
        for (String s : strings) {
            data.add(Checks.text(s.getBytes(StandardCharsets.UTF_8)));
        }
        return new RecordTXT(data);
    }

    /** The strings decoded as UTF-8. */
    public List<String> utf8() {
        List<String> out = new ArrayList<>(data.size());
        for (String s : data) {
            out.add(new String(Checks.octets(s), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Override
    public int type() {
        return Dns.TXT;
    }

    @Override
    public String toString() {
        return "<TXT data=" + data + ">";
    }
}
