package io.jtwisted.logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ports of twisted/logger/test/test_file.py: FileLogObserverTests (test_observeWrites, test_observeFlushes,
 * test_observeWritesNone / test_observeWritesEmpty as "nothing to write is not written") and
 * TextFileLogObserverTests (test_defaultTimeStamp, test_emptyTimeStamp, test_customTimeStamp,
 * test_observeFailure). Not ported: the io.TextIOWrapper / bytes-file cases (Java writers are text).
 */
class FileLogObserverTest {
    /** A text observer of the events at or above {@code level}, writing to nothing (it still formats them). */
    static ILogObserver discardingTextObserver(LogLevel level) {
        return new FilteringLogObserver(
                FileLogObserver.textFileLogObserver(Writer.nullWriter()), List.of(new LogLevelFilterPredicate(level)));
    }

    @Test
    void writesTheFormattedTextAndFlushes() {
        StringWriter out = new StringWriter();
        int[] flushes = {0};
        Writer counting = new Writer() {
            @Override
            public void write(char[] c, int off, int len) {
                out.write(c, off, len);
            }

            @Override
            public void flush() {
                flushes[0]++;
            }

            @Override
            public void close() {}
        };
        FileLogObserver observer = new FileLogObserver(counting, e -> "<" + e.message() + ">");
        observer.observe(LogEvent.ofMessage(LogLevel.INFO, "n", "a", null, 0));
        assertThat(out.toString()).isEqualTo("<a>");
        assertThat(flushes[0]).isEqualTo(1);
    }

    @Test
    void nothingIsWrittenForAnEventWithoutText() {
        StringWriter out = new StringWriter();
        FileLogObserver.textFileLogObserver(out).observe(LogEvent.ofMessage(LogLevel.INFO, "n", "", null, 0));
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void textObserverWritesClassicLines() {
        StringWriter out = new StringWriter();
        FileLogObserver observer = FileLogObserver.textFileLogObserver(out, null);
        new Logger("my.ns", observer).info("hello {who}", "you");
        assertThat(out.toString()).isEqualTo("- [my.ns#info] hello you\n");

        StringWriter stamped = new StringWriter();
        new Logger("my.ns", FileLogObserver.textFileLogObserver(stamped)).warn("w");
        assertThat(stamped.toString())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d{4} \\[my.ns#warn\\] w\n");
    }

    @Test
    void textObserverOnAStreamWritesUtf8() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Logger("n", FileLogObserver.textFileLogObserver(bytes)).info("caf\u00e9");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).endsWith("[n#info] caf\u00e9\n");
    }

    @Test
    void failuresAreWrittenWithTheirTraceback() {
        StringWriter out = new StringWriter();
        new Logger("n", FileLogObserver.textFileLogObserver(out, null))
                .failure("broke", new IllegalArgumentException("why"));
        assertThat(out.toString()).startsWith("- [n#critical] broke\n\tjava.lang.IllegalArgumentException: why\n");
    }

    @Test
    void aWriterThatFailsMakesTheObserverThrowSoThePublisherDropsIt() {
        Writer broken = new Writer() {
            @Override
            public void write(char[] c, int off, int len) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        FileLogObserver observer = FileLogObserver.textFileLogObserver(broken);
        assertThatThrownBy(() -> observer.observe(LogEvent.ofMessage(LogLevel.INFO, "n", "x", null, 0)))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("disk full");
    }

    /**
     * A full disk (Linux's {@code /dev/full} answers every write with ENOSPC): the observer
     * raises, and its publisher tells its other observers after each event, so logging never stops
     * the program; as in Twisted, the observer stays, so it writes again once the disk has room.
     */
    @Test
    @SuppressWarnings("ObjectToString") // the report names the observer as the publisher prints it
    void onAFullDiskTheObserverRaisesAndItsPublisherTellsTheOthersAfterEachEvent() throws IOException {
        java.nio.file.Path full = java.nio.file.Path.of("/dev/full");
        try (java.io.OutputStream disk = java.nio.file.Files.newOutputStream(full)) {
            FileLogObserver onFullDisk = FileLogObserver.textFileLogObserver(disk);
            List<LogEvent> others = new java.util.concurrent.CopyOnWriteArrayList<>();
            LogPublisher publisher = new LogPublisher(onFullDisk, others::add);
            new Logger("app", publisher).info("first line");
            new Logger("app", publisher).info("second line");

            assertThat(publisher.observers()).contains(onFullDisk);
            String disabled = "Temporarily disabling observer " + onFullDisk + " due to exception";
            assertThat(others)
                    .extracting(LogEvent::message)
                    .containsExactly("first line", disabled, "second line", disabled);
            assertThat(others.get(1).failure().value())
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("No space left on device");
        }
    }
}
