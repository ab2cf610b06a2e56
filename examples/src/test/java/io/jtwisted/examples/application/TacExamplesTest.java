package io.jtwisted.examples.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application-framework examples of Twisted's howtos, run with {@code bin/twistd} as a child process and
 * talked to over loopback with real clients (a socket, curl, dig): examples/tac/echo.java, service.java,
 * dns.java, dailylog.java (daemonized), and my.Logger for {@code --logger}.
 */
class TacExamplesTest {
    @TempDir
    Path dir;

    private static Path tac(String name) {
        return BinTwistd.ROOT.resolve("examples/tac").resolve(name);
    }

    private static String run(Path dir, String... command) throws Exception {
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(BinTwistd.WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        return output;
    }

    @Test
    void echoCountsTheOpenConnectionsAndEchoes() throws Exception {
        int port = BinTwistd.freePort();
        try (BinTwistd twistd = BinTwistd.start(
                dir,
                Map.of("ECHO_PORT", Integer.toString(port)),
                "-noy",
                tac("echo.java").toString())) {
            twistd.awaitOutput(l -> l.contains("starting on " + port));
            try (Socket first = new Socket("127.0.0.1", port);
                    Socket second = new Socket("127.0.0.1", port)) {
                BufferedReader one =
                        new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8));
                BufferedReader two =
                        new BufferedReader(new InputStreamReader(second.getInputStream(), StandardCharsets.UTF_8));
                assertThat(one.readLine()).isEqualTo("Welcome! There are currently 1 open connection.");
                assertThat(two.readLine()).isEqualTo("Welcome! There are currently 2 open connection.");
                first.getOutputStream().write("hello\n".getBytes(StandardCharsets.UTF_8));
                assertThat(one.readLine()).isEqualTo("hello");
            }
            twistd.awaitOutput(l -> l.contains("[stdout#info] received: hello"));
            assertThat(twistd.terminate()).isZero();
            assertThat(Files.readAllLines(dir.resolve("out.txt"))).anyMatch(l -> l.endsWith("Server Shut Down."));
            assertThat(dir.resolve("twistd.pid")).doesNotExist();
        }
    }

    @Test
    void serviceServesTheCurrentDirectoryOverHttp() throws Exception {
        Files.writeString(dir.resolve("hello.txt"), "hello from twistd\n");
        int port = BinTwistd.freePort();
        try (BinTwistd twistd = BinTwistd.start(
                dir,
                Map.of("WEB_PORT", Integer.toString(port)),
                "-noy",
                tac("service.java").toString())) {
            twistd.awaitOutput(l -> l.contains("starting on " + port));
            assertThat(run(dir, "curl", "-sS", "http://127.0.0.1:" + port + "/hello.txt"))
                    .isEqualTo("hello from twistd\n");
            assertThat(twistd.terminate()).isZero();
        }
    }

    @Test
    void dnsAnswersFromTheHostsFileOverTcpAndUdp() throws Exception {
        Path hosts = dir.resolve("hosts");
        Files.writeString(hosts, "127.0.0.5 example.test\n");
        int port = BinTwistd.freePort();
        try (BinTwistd twistd = BinTwistd.start(
                dir,
                Map.of("DNS_PORT", Integer.toString(port), "HOSTS_FILE", hosts.toString()),
                "-noy",
                tac("dns.java").toString())) {
            twistd.awaitOutput(l -> l.contains("starting on " + port));
            assertThat(run(
                                    dir,
                                    "dig",
                                    "+tcp",
                                    "+short",
                                    "+time=5",
                                    "+tries=1",
                                    "@127.0.0.1",
                                    "-p",
                                    Integer.toString(port),
                                    "example.test",
                                    "A")
                            .strip())
                    .isEqualTo("127.0.0.5");
            assertThat(run(
                                    dir,
                                    "dig",
                                    "+notcp",
                                    "+short",
                                    "+time=5",
                                    "+tries=1",
                                    "@127.0.0.1",
                                    "-p",
                                    Integer.toString(port),
                                    "example.test",
                                    "A")
                            .strip())
                    .isEqualTo("127.0.0.5");
            assertThat(twistd.terminate()).isZero();
        }
    }

    @Test
    void dailylogDaemonizedLogsToItsDailyFileAndStopsOnSigterm() throws Exception {
        long pid;
        try (BinTwistd parent = BinTwistd.start(
                dir,
                Map.of("MY_LOG_DIR", dir.toString()),
                "-y",
                tac("dailylog.java").toString())) {
            assertThat(parent.waitFor())
                    .as("err: %s", BinTwistd.read(dir.resolve("err.txt")))
                    .isZero();
            pid = Long.parseLong(Files.readString(dir.resolve("twistd.pid")).strip());
            assertThat(pid).isNotEqualTo(parent.process.pid());
        }
        ProcessHandle daemon = ProcessHandle.of(pid).orElseThrow();
        try {
            Path log = dir.resolve("my.log");
            BinTwistd.awaitLine(log, l -> l.contains("starting up."), null);
            assertThat(dir.resolve("twistd.log")).doesNotExist(); // the application's observer took its place
            BinTwistd.signal(pid, "TERM");
            assertThat(daemon.onExit()
                            .get(BinTwistd.WAIT_SECONDS, TimeUnit.SECONDS)
                            .isAlive())
                    .isFalse();
            assertThat(dir.resolve("twistd.pid")).doesNotExist();
            assertThat(Files.readAllLines(log))
                    .anyMatch(l -> l.contains("Received SIGTERM, shutting down."))
                    .anyMatch(l -> l.endsWith("Server Shut Down."));
        } finally {
            daemon.destroyForcibly();
        }
    }

    @Test
    void theHowtosLoggerFactoryTakesTheLogWithDashDashLogger() throws Exception {
        Path myLog = dir.resolve("my.log");
        int port = BinTwistd.freePort();
        try (BinTwistd twistd = BinTwistd.start(
                dir,
                Map.of("MY_LOG", myLog.toString(), "ECHO_PORT", Integer.toString(port)),
                "--umask",
                "027",
                "-n",
                "--logger",
                "my.Logger.logger",
                "-y",
                tac("echo.java").toString())) {
            BinTwistd.awaitLine(myLog, l -> l.contains("starting on " + port), twistd.process);
            assertThat(twistd.terminate()).isZero();
            List<String> lines = Files.readAllLines(myLog);
            assertThat(lines)
                    .anyMatch(l -> l.contains("[io.jtwisted.scripts.twistd.Twistd#info] twistd "))
                    .anyMatch(l -> l.endsWith("Server Shut Down."));
            assertThat(Files.readString(dir.resolve("out.txt"))).isEmpty();
            // bin/twistd applied --umask 027 in the foreground: the log file was created rw-r-----.
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(myLog)))
                    .isEqualTo("rw-r-----");
        }
    }
}
