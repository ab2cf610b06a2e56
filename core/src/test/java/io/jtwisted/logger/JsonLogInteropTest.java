package io.jtwisted.logger;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.testing.TwistedPython;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSON log files cross between JTwisted and the real Twisted: each reads the other's with its own
 * {@code eventsFromJSONLogFile} and formats the same text, level and namespace.
 */
class JsonLogInteropTest {
    @TempDir
    Path dir;

    private static String python(Path dir, String script) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(TwistedPython.require("JsonLogInteropTest"), "-c", script)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void twistedReadsWhatJTwistedWrites() throws Exception {
        Path file = dir.resolve("j.json");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            Logger log = new Logger("j.ns", JsonLog.jsonFileLogObserver(out));
            log.info("{count} connections from {host}", 3, "127.0.0.1");
            log.warn("caf\u00e9 {pct}%", 91.5);
        }
        String read = python(
                dir,
                String.join(
                        "\n",
                        "from twisted.logger import eventsFromJSONLogFile, formatEvent",
                        "with open('j.json') as f:",
                        "    for e in eventsFromJSONLogFile(f):",
                        "        print(e['log_level'].name, e['log_namespace'], formatEvent(e))"));
        assertThat(read.lines().toList())
                .containsExactly("info j.ns 3 connections from 127.0.0.1", "warn j.ns caf\u00e9 91.5%");
    }

    @Test
    void jtwistedReadsWhatTwistedWrites() throws Exception {
        python(
                dir,
                String.join(
                        "\n",
                        "from twisted.logger import Logger, jsonFileLogObserver",
                        "with open('t.json', 'w') as f:",
                        "    log = Logger(namespace='t.ns', observer=jsonFileLogObserver(f))",
                        "    log.info('{who} says {what}', who='twisted', what='hello')",
                        "    log.error('{n} errors', n=2)"));
        List<String> read = new ArrayList<>();
        try (var in = Files.newBufferedReader(dir.resolve("t.json"), StandardCharsets.UTF_8)) {
            for (LogEvent event : JsonLog.eventsFromJSONLogFile(in)) {
                read.add(event.level().levelName() + " " + event.namespace() + " " + event.message());
            }
        }
        assertThat(read).containsExactly("info t.ns twisted says hello", "error t.ns 2 errors");
    }
}
