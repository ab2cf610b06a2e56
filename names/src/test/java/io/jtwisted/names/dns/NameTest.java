package io.jtwisted.names.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ports of Twisted's {@code test_dns.NameTests} (encode, encode with compression, decode with
 * compression, compression loop, equality) plus the limits of RFC 1035 and the text escapes.
 * Not ported: {@code test_nonStringName}, {@code test_unicodeName} and {@code test_idna}, which pin
 * Python's bytes/str conversions (a Java {@code String} is parsed as text; IDNA is the caller's).
 */
class NameTest {
    private static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void encodesLabelsLengthPrefixedEndingWithTheRoot() {
        assertThat(Name.of("foo.example.com").toWire()).isEqualTo(bytes("\003foo\007example\003com\000"));
        assertThat(Name.of("foo.example.com.").toWire()).isEqualTo(bytes("\003foo\007example\003com\000"));
    }

    @Test
    void rootIsTheEmptyNameOrADot() {
        assertThat(Name.of("")).isSameAs(Name.ROOT);
        assertThat(Name.of(".")).isSameAs(Name.ROOT);
        assertThat(Name.ROOT.toWire()).containsExactly(0);
        assertThat(Name.ROOT.toString()).isEmpty();
        assertThat(Name.ROOT.labelCount()).isZero();
    }

    @Test
    void equalityIgnoresAsciiCase() {
        assertThat(Name.of("EXAMPLE.com")).isEqualTo(Name.of("example.COM")).hasSameHashCodeAs(Name.of("example.com"));
        assertThat(Name.of("example.com")).isNotEqualTo(Name.of("example.org"));
        assertThat(Name.of("example.com").toString()).isEqualTo("example.com");
        assertThat(Name.of("EXAMPLE.com").toString()).isEqualTo("EXAMPLE.com");
        assertThat(Name.of("EXAMPLE.com").isIdenticalTo(Name.of("EXAMPLE.com.")))
                .isTrue();
        assertThat(Name.of("EXAMPLE.com").isIdenticalTo(Name.of("example.com"))).isFalse();
    }

    @Test
    void subdomainMatchesWholeLabelsOnly() {
        assertThat(Name.of("www.example.com").isSubdomainOf(Name.of("EXAMPLE.com")))
                .isTrue();
        assertThat(Name.of("example.com").isSubdomainOf(Name.of("example.com"))).isTrue();
        assertThat(Name.of("badexample.com").isSubdomainOf(Name.of("example.com")))
                .isFalse();
        assertThat(Name.of("com").isSubdomainOf(Name.of("example.com"))).isFalse();
        assertThat(Name.of("anything").isSubdomainOf(Name.ROOT)).isTrue();
    }

    @Test
    void parentConcatAndLabels() {
        Name name = Name.of("www.example.com");
        assertThat(name.parent()).isEqualTo(Name.of("example.com"));
        assertThat(name.labelCount()).isEqualTo(3);
        assertThat(name.firstLabel()).isEqualTo("www");
        assertThat(Name.of("www").concat(Name.of("example.com"))).isEqualTo(name);
        assertThat(Name.ROOT.parent()).isNull();
    }

    @Test
    void escapesRoundTripThroughText() {
        Name name = Name.of("a\\.b.c\\\\d.\\000x");
        assertThat(name.toWire()).isEqualTo(bytes("\003a.b\003c\\d\002\000x\000"));
        assertThat(name.toString()).isEqualTo("a\\.b.c\\\\d.\\000x");
        assertThat(Name.of(name.toString())).isEqualTo(name);
    }

    @Test
    void labelOf63IsAcceptedAnd64Rejected() {
        assertThat(Name.of("a".repeat(63) + ".com").labelCount()).isEqualTo(2);
        assertThatThrownBy(() -> Name.of("a".repeat(64) + ".com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("63");
    }

    @Test
    void nameOf255OctetsIsAcceptedAnd256Rejected() {
        String label = "a".repeat(63);
        // 4 labels of 63 = 256 octets with length bytes, + root = 257: too long. 3*64 + 62 + 1 = 255.
        String fits = label + "." + label + "." + label + "." + "b".repeat(61);
        assertThat(Name.of(fits).wireLength()).isEqualTo(255);
        assertThatThrownBy(() -> Name.of(fits + "b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("255");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a..b", ".a", "a\\", "a\\25", "a\\256", "caf\u00e9\u20ac"})
    void malformedTextIsRejected(String text) {
        assertThatThrownBy(() -> Name.of(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decodesCompressedNamesAndLeavesThePositionAfterEach() {
        // RFC 1035 section 4.1.4's example, as Twisted's test_decodeWithCompression lays it out.
        byte[] data = bytes("x".repeat(20) + "\001f\003isi\004arpa\000" + "\003foo\300\024" + "\003bar\300\040");
        MessageReader reader = new MessageReader(data, 0, data.length);
        reader.seek(20);
        assertThat(reader.readName()).isEqualTo(Name.of("f.isi.arpa"));
        assertThat(reader.position()).isEqualTo(32);
        assertThat(reader.readName()).isEqualTo(Name.of("foo.f.isi.arpa"));
        assertThat(reader.position()).isEqualTo(38);
        assertThat(reader.readName()).isEqualTo(Name.of("bar.foo.f.isi.arpa"));
        assertThat(reader.position()).isEqualTo(44);
    }

    @Test
    void encodeWithCompressionPointsAtTheLongestKnownSuffix() {
        MessageWriter writer = new MessageWriter(64);
        for (int i = 0; i < 12; i++) {
            writer.writeU8(0);
        }
        writer.writeName(Name.of("example.com"));
        int second = writer.position();
        writer.writeName(Name.of("foo.example.com"));
        int third = writer.position();
        writer.writeName(Name.of("bar.foo.example.com"));
        writer.writeName(Name.of("foo.example.com"));
        int fifth = writer.position();
        writer.writeName(Name.of("FOO.example.com"));
        byte[] out = writer.toBytes(writer.position());
        // Case is kept: "FOO" does not match "foo", only "example.com" does.
        assertThat(java.util.Arrays.copyOfRange(out, fifth, out.length)).isEqualTo(bytes("\003FOO\300\014"));
        out = java.util.Arrays.copyOf(out, fifth);
        assertThat(java.util.Arrays.copyOfRange(out, second, third)).isEqualTo(bytes("\003foo\300\014"));
        assertThat(java.util.Arrays.copyOfRange(out, third, third + 6)).isEqualTo(bytes("\003bar\300" + (char) second));
        assertThat(java.util.Arrays.copyOfRange(out, third + 6, out.length)).isEqualTo(bytes("\300" + (char) second));
    }

    private static String decodeError(String latin1, int start) {
        byte[] data = bytes(latin1);
        MessageReader reader = new MessageReader(data, 0, data.length);
        reader.seek(start);
        try {
            reader.readName();
        } catch (DNSDecodeError e) {
            return e.getMessage();
        }
        throw new AssertionError("decoded a malformed name");
    }

    @Test
    void rejectsAPointerToItself() {
        assertThat(decodeError("\300\000", 0)).contains("forward");
    }

    @Test
    void rejectsAPointerLoopThroughEarlierLabels() {
        // "a" then a pointer back to "a": the run starting at 0 would read itself forever.
        assertThat(decodeError("\001a\300\000", 0)).contains("loop");
        // A name at 4 points to 0, whose labels lead to a pointer back to 4.
        assertThat(decodeError("\001a\300\004\001b\300\000", 4)).contains("forward");
    }

    @Test
    void rejectsForwardAndOutOfBoundsPointers() {
        assertThat(decodeError("\300\002\001a\000", 0)).contains("forward");
        assertThat(decodeError("\001a\300\377", 0)).contains("out of bounds");
    }

    @Test
    void rejectsLongLabelsAndLongNamesAndTruncation() {
        assertThat(decodeError("\100" + "a".repeat(64) + "\000", 0)).contains("63");
        assertThat(decodeError("\200\000", 0)).contains("63");
        String label = "\077" + "a".repeat(63);
        assertThat(decodeError(label + label + label + label + "\000", 0)).contains("255");
        assertThat(decodeError("\003ab", 0)).contains("truncated");
        assertThat(decodeError("\001a", 0)).contains("truncated");
        assertThat(decodeError("\300", 0)).contains("truncated");
    }

    @Test
    void rejectsALongNameBuiltFromPointers() {
        // Each name adds a 63-octet label in front of the previous one: the fifth is over 255.
        StringBuilder data = new StringBuilder("\000");
        int previous = 0;
        for (int i = 0; i < 5; i++) {
            int here = data.length();
            data.append('\077')
                    .append("a".repeat(63))
                    .append((char) (0xC0 | previous >> 8))
                    .append((char) (previous & 0xFF));
            previous = here;
        }
        assertThat(decodeError(data.toString(), previous)).contains("255");
    }
}
