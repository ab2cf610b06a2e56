package io.jtwisted.logger;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.python.failure.Failure;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ports of twisted/logger/test/test_format.py: FormattingTests (test_formatEvent, test_formatEventNoFormat,
 * test_formatEventWeirdFormat, test_formatUnformattableEvent), TimeFormattingTests (test_formatTimeDefault,
 * test_formatTimeWithNoTime, test_formatTimeWithNoFormat), ClassicLogFormattingTests (test_formatTimeDefault
 * "-", test_formatNamespace, test_formatLevel, test_formatSystem, test_formatFormat, test_formatNoFormat,
 * test_formatEmptyFormat, test_formatFormatMultiLine), FormatFieldTests' escapes. Not ported: the
 * Python-specific attribute and call syntax of format fields ({a.b}, {f()}, !r/!s conversions, which are
 * accepted and ignored here) and the Unicode/bytes cases, which Java strings make moot.
 */
class FormattingTest {
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ").withZone(ZoneOffset.UTC);

    private static LogEvent event(String format, Object... arguments) {
        return new LogEvent(LogLevel.INFO, "a.ns", format, arguments, null, 1_000_000_000_000L);
    }

    @Test
    void formatEventFillsPlaceholdersAndUnescapesBraces() {
        assertThat(Formatting.formatEvent(event("a {x} and {{literal}} {}", 1, 2)))
                .isEqualTo("a 1 and {literal} 2");
        assertThat(Formatting.formatEvent(event("conversion {x!r} and spec {y:>5}", "v", 3)))
                .isEqualTo("conversion v and spec 3");
        assertThat(Formatting.formatEvent(event("arrays {}", (Object) new int[] {1, 2})))
                .isEqualTo("arrays [1, 2]");
    }

    @Test
    void anEventWithoutFormatFormatsAsEmpty() {
        assertThat(Formatting.formatEvent(LogEvent.withFields(LogLevel.INFO, "n", null, Map.of("a", 1), null, 0)))
                .isEmpty();
    }

    @Test
    void aPlaceholderWithoutValueIsReportedInsteadOfThrown() {
        assertThat(Formatting.formatEvent(event("missing {x}")))
                .startsWith("Unable to format event")
                .contains("{x}");
        assertThat(Formatting.formatEvent(event("bare {}"))).startsWith("Unable to format event");
        assertThat(Formatting.formatEvent(event("open {x", 1)))
                .startsWith("Unable to format event")
                .contains("unclosed");
        assertThat(Formatting.formatEvent(event("close } alone", 1))).startsWith("Unable to format event");
    }

    @Test
    void formatTimeUsesTheFormatOrADash() {
        assertThat(Formatting.formatTime(1_000_000_000.0, UTC)).isEqualTo("2001-09-09T01:46:40+0000");
        assertThat(Formatting.formatTime(null, UTC)).isEqualTo("-");
        assertThat(Formatting.formatTime(1.0, null)).isEqualTo("-");
    }

    @Test
    void classicTextIsTimeSystemAndText() {
        assertThat(Formatting.formatEventAsClassicLogText(event("hello {}", "you"), UTC))
                .isEqualTo("2001-09-09T01:46:40+0000 [a.ns#info] hello you\n");
        assertThat(Formatting.formatEventAsClassicLogText(event("x"), null)).isEqualTo("- [a.ns#info] x\n");
    }

    @Test
    void classicTextUsesLogSystemWhenGiven() {
        LogEvent event =
                LogEvent.withFields(LogLevel.WARN, "ns", "m", Map.of("log_system", "tcp,3,127.0.0.1"), null, 0);
        assertThat(Formatting.formatEventAsClassicLogText(event, null)).isEqualTo("- [tcp,3,127.0.0.1] m\n");
    }

    @Test
    void classicTextIndentsContinuationLinesAndAppendsTheTraceback() {
        assertThat(Formatting.formatEventAsClassicLogText(event("one\ntwo\r\nthree"), null))
                .isEqualTo("- [a.ns#info] one\n\ttwo\n\tthree\n");
        LogEvent failed =
                new LogEvent(LogLevel.CRITICAL, "ns", "oops", null, new Failure(new IllegalStateException("bad")), 0);
        String text = Formatting.formatEventAsClassicLogText(failed, null);
        assertThat(text)
                .startsWith("- [ns#critical] oops\n\tjava.lang.IllegalStateException: bad\n\t\tat ")
                .endsWith("\n")
                .doesNotContain("\n\n");
    }

    @Test
    void classicTextOfAnEmptyEventIsNothing() {
        assertThat(Formatting.formatEventAsClassicLogText(event(""), null)).isNull();
        assertThat(Formatting.formatEventAsClassicLogText(event(null), null)).isNull();
    }
}
