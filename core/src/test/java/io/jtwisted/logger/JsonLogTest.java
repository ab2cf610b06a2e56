package io.jtwisted.logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.python.failure.Failure;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ports of twisted/logger/test/test_json.py: SaveLoadTests (test_simpleSaveLoad, test_saveLoad,
 * test_saveUnPersistable as "written as its text", test_saveNonASCII, test_saveLoadLevel,
 * test_saveLoadFailure as "traceback text kept"), FileLogObserverTests (test_observeWritesDefaultRecordSeparator,
 * test_observeWritesEmptyRecordSeparator), LogFileReaderTests (test_readEventsAutoWithRecordSeparator,
 * test_readEventsAutoEmptyRecordSeparator, test_readEventsExplicitRecordSeparator, test_readTruncated,
 * test_readUnicode, test_readInvalidJSON, test_readUnencodable is moot for Java text). Not ported:
 * test_saveBytes (Java has no bytes/str split in events) and the flattening cases (test_extractingFieldsPostLoad):
 * here named fields are kept as top-level keys and bare placeholders' values in log_arguments instead.
 */
class JsonLogTest {
    @Test
    void anEventSurvivesARoundTrip() {
        LogEvent event = new LogEvent(
                LogLevel.WARN, "a.b", "{n} items, {} left, caf\u00e9 \"q\"", new Object[] {3, "x"}, null, 1_234_567L);
        LogEvent back = JsonLog.eventFromJSON(JsonLog.eventAsJSON(event));
        assertThat(back.message()).isEqualTo("3 items, x left, caf\u00e9 \"q\"");
        assertThat(back.level()).isEqualTo(LogLevel.WARN);
        assertThat(back.namespace()).isEqualTo("a.b");
        assertThat(back.timeMillis()).isEqualTo(1_234_567L);
        assertThat(back.get("n")).isEqualTo(3L);
        assertThat(back.format()).isEqualTo(event.format());
    }

    @Test
    void theRecordUsesTwistedsKeys() {
        LogEvent event = LogEvent.withFields(LogLevel.INFO, "ns", "hi {who}", Map.of("who", "you"), null, 1500);
        String json = JsonLog.eventAsJSON(event);
        assertThat(json)
                .contains(
                        "\"who\": \"you\"",
                        "\"log_format\": \"hi {who}\"",
                        "\"log_namespace\": \"ns\"",
                        "\"log_time\": 1.5",
                        "\"name\": \"info\"")
                .doesNotContain("\n");
    }

    @Test
    void valuesJsonCannotHoldAreWrittenAsTheirText() {
        Object odd = new Object() {
            @Override
            public String toString() {
                return "odd one";
            }
        };
        LogEvent back = JsonLog.eventFromJSON(JsonLog.eventAsJSON(new LogEvent(
                LogLevel.INFO, "n", "{o} {l} {m}", new Object[] {odd, List.of(1, "two"), Map.of("k", true)}, null, 0)));
        assertThat(back.message()).isEqualTo("odd one [1, two] {k=true}");
    }

    @Test
    void aFailureComesBackWithItsTracebackText() {
        Failure failure = new Failure(new IllegalStateException("broken"));
        LogEvent back = JsonLog.eventFromJSON(
                JsonLog.eventAsJSON(new LogEvent(LogLevel.CRITICAL, "n", "oops", null, failure, 0)));
        assertThat(back.failure().getErrorMessage()).isEqualTo("broken");
        assertThat(back.failure().getTraceback()).isEqualTo(failure.getTraceback());
        assertThat(back.failure().value().toString()).isEqualTo("java.lang.IllegalStateException: broken");
    }

    @Test
    void aFileObserverWritesRecordSeparatedLines() {
        StringWriter out = new StringWriter();
        Logger log = new Logger("n", JsonLog.jsonFileLogObserver(out));
        log.info("one");
        log.info("two");
        assertThat(out.toString()).startsWith("\u001e{").contains("}\n\u001e{").endsWith("}\n");
        StringWriter plain = new StringWriter();
        new Logger("n", JsonLog.jsonFileLogObserver(plain, "")).info("one");
        assertThat(plain.toString()).startsWith("{").endsWith("}\n");
    }

    private static List<String> read(String text, String separator) {
        List<String> messages = new ArrayList<>();
        for (LogEvent event : JsonLog.eventsFromJSONLogFile(new StringReader(text), separator)) {
            messages.add(event.message());
        }
        return messages;
    }

    private static String written(String separator, String... messages) {
        StringWriter out = new StringWriter();
        Logger log = new Logger("n", JsonLog.jsonFileLogObserver(out, separator));
        for (String message : messages) {
            log.info("{m}", message);
        }
        return out.toString();
    }

    @Test
    void readingDetectsTheSeparatorOrReadsLines() {
        assertThat(read(written("\u001e", "a", "b\u00e9", "c"), null)).containsExactly("a", "b\u00e9", "c");
        assertThat(read(written("", "a", "b"), null)).containsExactly("a", "b");
        assertThat(read(written("|", "a", "b"), "|")).containsExactly("a", "b");
    }

    @Test
    void truncatedAndInvalidRecordsAreSkippedAndLogged() {
        try (CapturedGlobalLog errors = new CapturedGlobalLog()) {
            String good = written("\u001e", "a", "b");
            String truncated = good.substring(0, good.length() - 3);
            assertThat(read(truncated, null)).containsExactly("a");
            assertThat(read("\u001e{\"log_format\": \"x\"}\n\u001enot json\n\u001e{\"log_format\": \"y\"}\n", null))
                    .containsExactly("x", "y");
            assertThat(errors.events())
                    .extracting(LogEvent::message)
                    .anyMatch(m -> m.startsWith("Unable to read truncated JSON record"))
                    .anyMatch(m -> m.startsWith("Unable to read JSON record: not json"));
        }
    }

    @Test
    void eventFromJsonRefusesWhatIsNotAnObject() {
        assertThatThrownBy(() -> JsonLog.eventFromJSON("[1]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonLog.eventFromJSON("{\"a\": }")).isInstanceOf(IllegalArgumentException.class);
    }
}
