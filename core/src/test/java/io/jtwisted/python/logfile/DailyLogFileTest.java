package io.jtwisted.python.logfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ports of twisted/test/test_logfile.py, DailyLogFileTests: test_writing, test_rotation (a write on a later
 * day renames the file after the earlier day), test_getLog, test_rotateAlreadyExists (no rotation over an
 * existing file), test_rotatePermissionDirectoryNotOk / FileNotOk (skipped rotation), test_toDate,
 * test_toDateDefaultToday, test_toDateUsesArgumentsToMakeADate. The clock is a test clock instead of the
 * patched {@code toDate} Twisted uses. Not ported: test_persistence (pickling).
 */
class DailyLogFileTest {
    @TempDir
    Path dir;

    /** A clock the test moves by hand, in UTC. */
    static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void writesGoToTheFileWhileTheDayLasts() throws IOException {
        MovableClock clock = new MovableClock(Instant.now());
        try (DailyLogFile log = new DailyLogFile("test.log", dir.toString(), null, clock)) {
            log.write("123");
            log.write("456");
        }
        assertThat(Files.readString(dir.resolve("test.log"))).isEqualTo("123456");
    }

    @Test
    void theFirstWriteOfANewDayRenamesTheFileAfterTheOldDay() throws IOException {
        MovableClock clock = new MovableClock(Instant.now());
        LocalDate today = LocalDate.ofInstant(clock.now, ZoneOffset.UTC);
        try (DailyLogFile log = new DailyLogFile("test.log", dir.toString(), null, clock)) {
            log.write("day one\n");
            clock.now = clock.now.plus(Duration.ofDays(1));
            log.write("day two\n");
            clock.now = clock.now.plus(Duration.ofDays(1));
            log.write("day three\n");
            String first = "test.log." + DailyLogFile.suffix(today);
            String second = "test.log." + DailyLogFile.suffix(today.plusDays(1));
            assertThat(Files.readString(dir.resolve(first), StandardCharsets.UTF_8))
                    .isEqualTo("day one\n");
            assertThat(Files.readString(dir.resolve(second), StandardCharsets.UTF_8))
                    .isEqualTo("day two\n");
            assertThat(Files.readString(dir.resolve("test.log"), StandardCharsets.UTF_8))
                    .isEqualTo("day three\n");
            try (LogReader reader = log.getLog(today)) {
                assertThat(reader.readLines()).containsExactly("day one\n");
            }
            try (LogReader reader = log.getLog(today.plusDays(2))) {
                assertThat(reader.readLines()).containsExactly("day three\n");
            }
            assertThatThrownBy(() -> log.getLog(today.minusDays(9))).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aRotationOntoAnExistingFileIsSkipped() throws IOException {
        MovableClock clock = new MovableClock(Instant.now());
        LocalDate today = LocalDate.ofInstant(clock.now, ZoneOffset.UTC);
        Path taken = dir.resolve("test.log." + DailyLogFile.suffix(today));
        Files.writeString(taken, "already here");
        try (DailyLogFile log = new DailyLogFile("test.log", dir.toString(), null, clock)) {
            log.write("x");
            clock.now = clock.now.plus(Duration.ofDays(1));
            log.write("y");
        }
        assertThat(Files.readString(taken)).isEqualTo("already here");
        assertThat(Files.readString(dir.resolve("test.log"))).isEqualTo("xy");
    }

    @Test
    void suffixIsYearMonthDayWithoutPadding() {
        assertThat(DailyLogFile.suffix(LocalDate.of(2024, 5, 1))).isEqualTo("2024_5_1");
    }

    @Test
    void toDateReadsTheClockInItsZone() throws IOException {
        MovableClock clock = new MovableClock(Instant.parse("2020-02-29T23:30:00Z"));
        try (DailyLogFile log = new DailyLogFile("t.log", dir.toString(), null, clock)) {
            assertThat(log.toDate()).isEqualTo(LocalDate.of(2020, 2, 29));
            assertThat(log.toDate(Instant.parse("2001-09-09T01:46:40Z"))).isEqualTo(LocalDate.of(2001, 9, 9));
        }
    }
}
