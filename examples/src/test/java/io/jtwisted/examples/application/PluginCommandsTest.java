package io.jtwisted.examples.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugins as a user runs them: {@code bin/twistd -n dns ...} and {@code bin/twistd -n web ...}
 * as child processes, asked by {@code dig} and {@code curl} over loopback.
 */
class PluginCommandsTest {
    @TempDir
    Path dir;

    private String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(BinTwistd.WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        return output;
    }

    @Test
    void twistdDnsAnswersFromItsHostsFileOverUdpAndTcp() throws Exception {
        Path hosts = dir.resolve("hosts");
        Files.writeString(hosts, "127.0.0.7 plugin.test\n");
        int port = BinTwistd.freePort();
        try (BinTwistd twistd = BinTwistd.start(
                dir,
                Map.of(),
                "-n",
                "--pidfile",
                "",
                "dns",
                "--hosts-file",
                hosts.toString(),
                "--port",
                Integer.toString(port),
                "--interface",
                "127.0.0.1")) {
            // TCP starts first; the UDP port is the one dig asks first, so wait for it to be listening
            twistd.awaitOutput(line -> line.contains("DNSDatagramProtocol starting on " + port));
            String udp = run(
                    "dig",
                    "+notcp",
                    "+time=5",
                    "+tries=1",
                    "@127.0.0.1",
                    "-p",
                    Integer.toString(port),
                    "plugin.test",
                    "A");
            assertThat(udp).contains("plugin.test.").contains("127.0.0.7").containsPattern("flags:[^;]*\\baa\\b");
            assertThat(run(
                                    "dig",
                                    "+tcp",
                                    "+short",
                                    "+time=5",
                                    "+tries=1",
                                    "@127.0.0.1",
                                    "-p",
                                    Integer.toString(port),
                                    "plugin.test",
                                    "A")
                            .strip())
                    .isEqualTo("127.0.0.7");
            assertThat(twistd.terminate()).isZero();
        }
    }

    @Test
    void twistdWebServesADirectoryOnEveryListenGiven() throws Exception {
        Path site = Files.createDirectory(dir.resolve("site"));
        Files.writeString(site.resolve("hello.txt"), "hello from twistd web\n");
        int first = BinTwistd.freePort();
        int second = BinTwistd.freePort();
        try (BinTwistd twistd = BinTwistd.start(
                dir,
                Map.of(),
                "-n",
                "--pidfile",
                "",
                "web",
                "--path",
                site.toString(),
                "--listen",
                "tcp:" + first + ":interface=127.0.0.1",
                "--listen",
                "tcp:" + second + ":interface=127.0.0.1")) {
            twistd.awaitOutput(line -> line.contains("starting on " + second));
            twistd.awaitOutput(line -> line.contains("starting on " + first));
            assertThat(run("curl", "-sS", "http://127.0.0.1:" + first + "/hello.txt"))
                    .isEqualTo("hello from twistd web\n");
            assertThat(run("curl", "-sS", "http://127.0.0.1:" + second + "/hello.txt"))
                    .isEqualTo("hello from twistd web\n");
            assertThat(twistd.terminate()).isZero();
        }
    }
}
