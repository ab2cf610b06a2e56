package io.jtwisted.python.logfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.logger.FileLogObserver;
import io.jtwisted.logger.Logger;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ports of twisted/test/test_logfile.py, LogFileTests: test_abstractShouldRotate (abstract here),
 * test_writing, test_rotation, test_append, test_logReader, test_LogReaderReadsZeroLine, test_modePreservation,
 * test_noPermission, test_maxNumberOfLog, test_fromFullPath, test_defaultPermissions, test_specifiedPermissions,
 * test_reopen, test_nonExistentDir, test_cantChangeFileMode (best effort), test_listLogsWithBadlyNamedFiles,
 * test_listLogsIgnoresZeroSuffixedFiles. Not ported: test_persistence (pickling) and the Windows-only cases.
 */
class LogFileTest {
    @TempDir
    Path dir;

    private String read(String name) throws IOException {
        return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    }

    @Test
    void writesReachTheFileAtOnce() throws IOException {
        try (LogFile log = new LogFile("test.log", dir.toString())) {
            log.write("123");
            log.write("456");
            assertThat(read("test.log")).isEqualTo("123456");
            assertThat(log.size()).isEqualTo(6);
        }
    }

    @Test
    void rotatesBeforeTheWriteThatFindsItOverTheLength() throws IOException {
        try (LogFile log = new LogFile("test.log", dir.toString(), 10)) {
            log.write("123");
            log.write("4567890");
            log.write("1".repeat(11));
            assertThat(Files.exists(dir.resolve("test.log.1"))).isTrue();
            assertThat(Files.exists(dir.resolve("test.log.2"))).isFalse();
            log.write("");
            assertThat(Files.exists(dir.resolve("test.log.2"))).isTrue();
            assertThat(log.listLogs()).containsExactly(1, 2);
            assertThat(read("test.log.2")).isEqualTo("1234567890");
            assertThat(read("test.log.1")).isEqualTo("11111111111");
            assertThat(read("test.log")).isEmpty();
        }
    }

    @Test
    void reopeningAnExistingFileAppendsAndKnowsItsSize() throws IOException {
        try (LogFile log = new LogFile("test.log", dir.toString())) {
            log.write("0123456789");
        }
        try (LogFile log = new LogFile("test.log", dir.toString())) {
            assertThat(log.size()).isEqualTo(10);
            log.write("abc");
        }
        assertThat(read("test.log")).isEqualTo("0123456789abc");
    }

    @Test
    void readersReadCurrentAndRotatedFilesLineByLine() throws IOException {
        try (LogFile log = new LogFile("test.log", dir.toString())) {
            log.write("abc\n");
            log.write("def\n");
            log.rotate();
            log.write("ghi\n");
            try (LogReader reader = log.getLog(1)) {
                assertThat(reader.readLines()).containsExactly("abc\n", "def\n");
                assertThat(reader.readLines()).isEmpty();
            }
            try (LogReader reader = log.getCurrentLog()) {
                assertThat(reader.readLines(0)).isEmpty();
                assertThat(reader.readLines(1)).containsExactly("ghi\n");
            }
            assertThatThrownBy(() -> log.getLog(2)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void anExistingFilesPermissionsAreKeptAcrossRotation() throws IOException {
        Path file = dir.resolve("test.log");
        Files.writeString(file, "x");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        try (LogFile log = new LogFile("test.log", dir.toString())) {
            log.write("abc");
            log.rotate();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-r-----");
        }
    }

    @Test
    void aNewFileGetsTheSpecifiedMode() throws IOException {
        try (LogFile log = new LogFile("test.log", dir.toString(), 1000, 0600, null)) {
            log.write("x");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("test.log"))))
                .isEqualTo("rw-------");
    }

    @Test
    void rotationIsSkippedWhenTheFileCannotBeWritten() throws IOException {
        try (LogFile log = new LogFile("test.log", dir.toString())) {
            log.write("abc");
            Files.setPosixFilePermissions(dir.resolve("test.log"), PosixFilePermissions.fromString("r--r--r--"));
            boolean rootIgnoresModes = Files.isWritable(dir.resolve("test.log"));
            log.rotate();
            log.write("def");
            assertThat(Files.exists(dir.resolve("test.log.1"))).isEqualTo(rootIgnoresModes);
        }
    }

    @Test
    void onlyMaxRotatedFilesAreKept() throws IOException {
        try (LogFile log = new LogFile("test.log", dir.toString(), 10, null, 3)) {
            for (int i = 0; i < 6; i++) {
                log.write(String.valueOf(i).repeat(10));
            }
            log.write("x");
            assertThat(log.listLogs()).containsExactly(1, 2, 3);
            assertThat(read("test.log.3")).isEqualTo("3333333333");
        }
    }

    @Test
    void fromFullPathSplitsDirectoryAndName() throws IOException {
        try (LogFile log = LogFile.fromFullPath(dir.resolve("full.log").toString())) {
            assertThat(log.name()).isEqualTo("full.log");
            assertThat(log.directory()).isEqualTo(dir.toAbsolutePath());
            assertThat(log.rotateLength()).isEqualTo(LogFile.DEFAULT_ROTATE_LENGTH);
        }
    }

    @Test
    void reopenWritesToAFileAtThePathAgainAfterItWasMoved() throws IOException {
        try (LogFile log = new LogFile("test.log", dir.toString())) {
            log.write("before\n");
            Files.move(dir.resolve("test.log"), dir.resolve("moved.log"));
            log.write("still old\n");
            log.reopen();
            log.write("after\n");
        }
        assertThat(read("moved.log")).isEqualTo("before\nstill old\n");
        assertThat(read("test.log")).isEqualTo("after\n");
    }

    @Test
    void aMissingDirectoryFailsToOpen() {
        assertThatThrownBy(() -> new LogFile("test.log", dir.resolve("nowhere").toString()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void listLogsIgnoresBadlyNamedAndZeroSuffixedFiles() throws IOException {
        Files.writeString(dir.resolve("test.log.1"), "");
        Files.writeString(dir.resolve("test.log.bad"), "");
        Files.writeString(dir.resolve("test.log.0"), "");
        Files.writeString(dir.resolve("test.log.3"), "");
        try (LogFile log = new LogFile("test.log", dir.toString())) {
            assertThat(log.listLogs()).containsExactly(1, 3);
        }
    }

    @Test
    void writingAfterCloseFails() throws IOException {
        LogFile log = new LogFile("test.log", dir.toString());
        log.close();
        assertThat(log.closed()).isTrue();
        assertThatThrownBy(() -> log.write("x")).isInstanceOf(IOException.class).hasMessageContaining("closed");
    }

    @Test
    void aTextObserverWritesIntoTheLogFile() throws IOException {
        try (LogFile log = new LogFile("test.log", dir.toString())) {
            new Logger("app", FileLogObserver.textFileLogObserver(log, null)).info("hello {}", "file");
        }
        assertThat(Files.readAllLines(dir.resolve("test.log"))).isEqualTo(List.of("- [app#info] hello file"));
    }
}
