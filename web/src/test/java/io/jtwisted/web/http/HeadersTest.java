package io.jtwisted.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Headers}. Ported from Twisted's {@code test_http_headers.py} HeadersTests:
 * test_initializer (empty), test_setRawHeaders, test_addRawHeader, test_getRawHeadersNoDefault,
 * test_getRawHeaders (case-insensitive), test_hasHeaderTrue/False, test_removeHeader,
 * test_removeHeaderDoesntExist, test_getAllRawHeaders (iteration keeps order). Not ported: the
 * bytes/str encoding cases and name canonicalisation (names keep the case they were given).
 */
class HeadersTest {
    @Test
    void namesAreCaseInsensitiveAndValuesKeepTheirOrder() {
        Headers h = new Headers();
        h.addRawHeader("Set-Cookie", "a=1");
        h.addRawHeader("set-cookie", "b=2");
        h.addRawHeader("X", "y");
        assertThat(h.getRawHeaders("SET-COOKIE")).containsExactly("a=1", "b=2");
        assertThat(h.getFirst("x")).isEqualTo("y");
        assertThat(h.count("set-cookie")).isEqualTo(2);
        assertThat(h.getRawHeaders("missing")).isEmpty();
        assertThat(h.getFirst("missing")).isNull();
        assertThat(h.hasHeader("X")).isTrue();
        assertThat(h.hasHeader("Y")).isFalse();
    }

    @Test
    void setReplacesEveryValueAndRemoveRemovesThemAll() {
        Headers h = new Headers();
        h.addRawHeader("A", "1");
        h.addRawHeader("B", "2");
        h.addRawHeader("a", "3");
        h.setRawHeader("A", "only");
        assertThat(h.getRawHeaders("a")).containsExactly("only");
        h.setRawHeader("B", "two");
        assertThat(h.getRawHeaders("b")).containsExactly("two");
        h.setRawHeaders("C", List.of("x", "y"));
        assertThat(h.getRawHeaders("c")).containsExactly("x", "y");
        h.removeHeader("c");
        h.removeHeader("never-there");
        assertThat(h.hasHeader("C")).isFalse();
        List<String> seen = new ArrayList<>();
        h.forEach((n, v) -> seen.add(n + "=" + v));
        assertThat(seen).containsExactlyInAnyOrder("A=only", "B=two");
        assertThat(h.size()).isEqualTo(2);
    }

    @Test
    void growsPastItsInitialCapacity() {
        Headers h = new Headers();
        for (int i = 0; i < 100; i++) {
            h.addRawHeader("H" + i, Integer.toString(i));
        }
        assertThat(h.size()).isEqualTo(100);
        assertThat(h.name(99)).isEqualTo("H99");
        assertThat(h.value(42)).isEqualTo("42");
        h.clear();
        assertThat(h.size()).isZero();
    }
}
