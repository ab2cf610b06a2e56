package io.jtwisted.scripts.twistd;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.testing.ExternalCommands;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * twistd as a child process, talked to over loopback sockets and signals. Ports of the runnable cases of
 * twisted/test/test_twistd.py and twisted/scripts/test/test_scripts.py: the ApplicationRunner cases
 * (test_applicationRunnerGetsCorrectApplication, test_preAndPostApplication as "starts, serves, stops"),
 * UnixApplicationRunnerSetupEnvironmentTests (test_daemonize, test_pidfile, test_defaultUmask /
 * test_umask via the log file's mode, test_noDaemonizeNoUmask), the pid-file checks
 * (test_checkPIDlocked / test_checkPIDstale: here a lock decides), DaemonizeTests' failure reporting
 * (test_error, test_errorInParent), and the stop path: SIGTERM stops the services in reverse order and
 * waits for their Deferreds within a bound. Not ported: the profiler, syslog, chroot and uid-switching cases.
 */
class TwistdProcessTest {
    @TempDir
    Path dir;

    static final String ECHO = """
            import io.jtwisted.application.internet.TCPServer;
            import io.jtwisted.application.service.Application;
            import io.jtwisted.internet.protocol.Factory;
            import io.jtwisted.internet.protocol.Protocol;

            public class EchoApp {
                public static Application application() {
                    Application application = new Application("echo");
                    new TCPServer(0, Factory.forProtocol(() -> new Protocol() {
                        @Override
                        public void dataReceived(byte[] data) {
                            System.out.println("received " + data.length + " bytes");
                            transport.write(data);
                        }
                    }), 50, "127.0.0.1").setServiceParent(application);
                    return application;
                }
            }
            """;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static String echoOnce(int port, String text) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(TwistdProcess.WAIT_SECONDS));
            OutputStream out = socket.getOutputStream();
            out.write((text + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
        }
    }

    private static void signal(long pid, String name) throws IOException, InterruptedException {
        assertThat(new ProcessBuilder("kill", "-" + name, Long.toString(pid))
                        .start()
                        .waitFor())
                .isZero();
    }

    @Test
    void inTheForegroundItServesUntilSigtermThenStopsCleanly() throws Exception {
        Path tac = write("echo.java", ECHO);
        try (TwistdProcess twistd = TwistdProcess.start(dir, "-noy", tac.toString())) {
            assertThat(twistd.awaitLine(l -> l.contains("starting up.")))
                    .contains("[io.jtwisted.scripts.twistd.Twistd#info] twistd ");
            int port = twistd.awaitListeningPort();
            assertThat(echoOnce(port, "hello")).isEqualTo("hello");
            assertThat(twistd.awaitLine(l -> l.contains("[stdout#info] received 6 bytes")))
                    .isNotNull();
            long pid =
                    Long.parseLong(Files.readString(dir.resolve("twistd.pid")).strip());
            assertThat(pid).isEqualTo(twistd.process().pid());
            signal(twistd.process().pid(), "TERM");
            assertThat(twistd.waitFor()).isZero();
            assertThat(twistd.out())
                    .anyMatch(l -> l.contains("Received SIGTERM, shutting down."))
                    .anyMatch(l -> l.endsWith("Main loop terminated."))
                    .anyMatch(l -> l.endsWith("Server Shut Down."));
            assertThat(twistd.err()).isEmpty();
            assertThat(dir.resolve("twistd.pid")).doesNotExist();
        }
    }

    static final String THREAD_NAMES = """
            import io.jtwisted.application.internet.TCPServer;
            import io.jtwisted.application.service.Application;
            import io.jtwisted.application.strports.Strports;
            import io.jtwisted.internet.protocol.Factory;
            import io.jtwisted.internet.protocol.Protocol;
            import java.nio.charset.StandardCharsets;

            public class ThreadNames {
                static final class Name extends Protocol {
                    @Override
                    public void connectionMade() {
                        transport.write((Thread.currentThread().getName() + "\\n").getBytes(StandardCharsets.UTF_8));
                        transport.loseConnection();
                    }
                }

                public static Application application() {
                    Application application = new Application("names");
                    new TCPServer(0, Factory.forProtocol(Name::new), 50, "127.0.0.1").setServiceParent(application);
                    Strports.service("tcp:0:interface=127.0.0.1", Factory.forProtocol(Name::new)).setServiceParent(application);
                    return application;
                }
            }
            """;

    private static java.util.Set<String> threadNames(int port, int connections) throws IOException {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (int i = 0; i < connections; i++) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(TwistdProcess.WAIT_SECONDS));
                names.add(new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                        .readLine());
            }
        }
        return names;
    }

    @Test
    void withReactorsTheTcpServersSpreadOverThemAndSigtermStopsThemAll() throws Exception {
        Path tac = write("names.java", THREAD_NAMES);
        try (TwistdProcess twistd =
                TwistdProcess.start(dir, "-noy", tac.toString(), "--reactors", "2", "--pidfile", "")) {
            assertThat(twistd.awaitLine(l -> l.contains("2 reactors; 2 TCP servers spread across them.")))
                    .isNotNull();
            java.util.Set<Integer> ports = new java.util.TreeSet<>();
            while (ports.size() < 2) {
                ports.add(twistd.awaitListeningPort());
            }
            for (int port : ports) {
                // SO_REUSEPORT spreads by a hash of the addresses: 64 connections all on one reactor has odds 2^-63.
                assertThat(threadNames(port, 64)).as("port %d", port).containsExactly("jtwisted-reactor-1", "main");
            }
            signal(twistd.process().pid(), "TERM");
            assertThat(twistd.waitFor()).isZero();
            assertThat(twistd.out())
                    .anyMatch(l -> l.contains("Received SIGTERM, shutting down."))
                    .anyMatch(l -> l.endsWith("Server Shut Down."));
            assertThat(twistd.out().stream()
                            .filter(l -> l.contains("Stopping factory"))
                            .count())
                    .as("each shared factory stopped once: %s", twistd.out())
                    .isEqualTo(2);
            assertThat(twistd.out().stream()
                            .filter(l -> l.contains("Port ") && l.contains(" Closed)"))
                            .count())
                    .as("every reactor's socket closed")
                    .isEqualTo(4);
            assertThat(twistd.err()).isEmpty();
        }
    }

    @Test
    void daemonizedItDetachesWritesThePidFileLogsToTwistdLogAndStopsOnSigterm() throws Exception {
        Path tac = write("echo.java", ECHO);
        long pid;
        try (TwistdProcess parent = TwistdProcess.start(dir, "-y", tac.toString())) {
            assertThat(parent.waitFor())
                    .as("the parent exits once the daemon runs; err=%s", parent.err())
                    .isZero();
            pid = Long.parseLong(Files.readString(dir.resolve("twistd.pid")).strip());
            assertThat(pid).isNotEqualTo(parent.process().pid());
        }
        ProcessHandle daemon = ProcessHandle.of(pid).orElseThrow();
        try {
            assertThat(daemon.isAlive()).isTrue();
            Path log = dir.resolve("twistd.log");
            int port = listeningPort(log);
            assertThat(echoOnce(port, "daemon")).isEqualTo("daemon");
            // The default umask of a daemon is 0077.
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log)))
                    .isEqualTo("rw-------");
            // A second twistd with the same pid file refuses to start, in one line, while the first runs.
            try (TwistdProcess second = TwistdProcess.start(dir, "-y", tac.toString())) {
                assertThat(second.waitFor()).isEqualTo(1);
                assertThat(second.err())
                        .containsExactly("twistd: another twistd is running with pid " + pid
                                + " (it holds the lock on twistd.pid); stop it, or give this one another --pidfile");
            }
            signal(pid, "TERM");
            assertThat(daemon.onExit()
                            .get(TwistdProcess.WAIT_SECONDS, TimeUnit.SECONDS)
                            .isAlive())
                    .isFalse();
            assertThat(dir.resolve("twistd.pid")).doesNotExist();
            List<String> lines = Files.readAllLines(log);
            assertThat(lines)
                    .anyMatch(l -> l.contains("[stdout#info] received 7 bytes"))
                    .anyMatch(l -> l.contains("Received SIGTERM, shutting down."))
                    .anyMatch(l -> l.endsWith("Server Shut Down."));
        } finally {
            daemon.destroyForcibly();
        }
    }

    private static int listeningPort(Path log) throws IOException {
        for (String line : Files.readAllLines(log)) {
            int at = line.indexOf(" starting on ");
            if (at >= 0) {
                return Integer.parseInt(
                        line.substring(at + " starting on ".length()).strip());
            }
        }
        throw new AssertionError("no listening line in " + Files.readAllLines(log));
    }

    @Test
    void aStalePidFileWhoseProcessIsGoneOrSomeoneElseDoesNotBlockAStart() throws Exception {
        // The pid of a live process that is not a twistd (this JVM), and no lock: the file is taken over.
        Files.writeString(dir.resolve("twistd.pid"), ProcessHandle.current().pid() + "\n");
        Path tac = write("echo.java", ECHO);
        try (TwistdProcess twistd = TwistdProcess.start(dir, "-noy", tac.toString())) {
            twistd.awaitListeningPort();
            assertThat(Files.readString(dir.resolve("twistd.pid")).strip())
                    .isEqualTo(Long.toString(twistd.process().pid()));
            signal(twistd.process().pid(), "TERM");
            assertThat(twistd.waitFor()).isZero();
        }
    }

    @Test
    void sighupReopensTheLogFileForLogrotate() throws Exception {
        assertThat(!ExternalCommands.envResetsSighup() && TwistdProcess.thisProcessIgnoresSighup())
                .as("this test run ignores SIGHUP (started under nohup?), twistd would inherit that, and env here"
                        + " cannot reset it (--default-signal): run the tests without nohup")
                .isFalse();
        Path tac = write("echo.java", ECHO);
        Path log = dir.resolve("app.log");
        try (TwistdProcess twistd = TwistdProcess.start(dir, "-n", "-l", log.toString(), "-y", tac.toString())) {
            int port = waitForPortInLog(twistd, log);
            Files.move(log, dir.resolve("app.log.1"));
            signal(twistd.process().pid(), "HUP");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TwistdProcess.WAIT_SECONDS);
            while (!Files.exists(log) && System.nanoTime() < deadline) {
                Thread.onSpinWait(); // the reopen happens in the other process: nothing to be told by
            }
            assertThat(log).exists();
            echoOnce(port, "after");
            signal(twistd.process().pid(), "TERM");
            assertThat(twistd.waitFor()).isZero();
            assertThat(Files.readAllLines(dir.resolve("app.log.1"))).anyMatch(l -> l.contains("starting up."));
            assertThat(Files.readAllLines(log))
                    .anyMatch(l -> l.contains("received 6 bytes"))
                    .anyMatch(l -> l.endsWith("Server Shut Down."));
        }
    }

    @Test
    void aTwistdStartedWithSighupIgnoredWarnsThatItWillNotReopenItsLog() throws Exception {
        Path tac = write("echo.java", ECHO);
        Path log = dir.resolve("app.log");
        try (TwistdProcess twistd = TwistdProcess.startUnder(
                List.of("sh", "-c", "trap '' HUP; exec \"$@\"", "sh"),
                dir,
                "-n",
                "-l",
                log.toString(),
                "-y",
                tac.toString())) {
            int port = waitForPortInLog(twistd, log);
            assertThat(Files.readAllLines(log))
                    .filteredOn(l -> l.contains("SIGHUP is ignored by this process (started under nohup?): the log"
                            + " file " + log + " will not be reopened on SIGHUP; start twistd without nohup, or"
                            + " without -n: it then daemonizes itself, which needs no nohup; SIGUSR1 still rotates"
                            + " it"))
                    .hasSize(1);
            // And it is true: after a SIGHUP, twistd still writes to the moved file.
            Files.move(log, dir.resolve("app.log.1"));
            signal(twistd.process().pid(), "HUP");
            echoOnce(port, "after");
            signal(twistd.process().pid(), "TERM");
            assertThat(twistd.waitFor()).isZero();
            assertThat(log).doesNotExist();
            assertThat(Files.readAllLines(dir.resolve("app.log.1"))).anyMatch(l -> l.contains("received 6 bytes"));
        }
    }

    private static int waitForPortInLog(TwistdProcess twistd, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TwistdProcess.WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log)) {
                    int at = line.indexOf(" starting on ");
                    if (at >= 0) {
                        return Integer.parseInt(
                                line.substring(at + " starting on ".length()).strip());
                    }
                }
            }
            assertThat(twistd.process().isAlive())
                    .as("twistd runs; err=%s", twistd.err())
                    .isTrue();
            Thread.onSpinWait();
        }
        throw new AssertionError("twistd did not listen");
    }

    @Test
    void sigtermStopsTheServicesInReverseAndForcesTheStopAfterTheBound() throws Exception {
        Path tac = write("slow.java", """
                import io.jtwisted.application.service.Application;
                import io.jtwisted.application.service.Service;
                import io.jtwisted.internet.defer.Deferred;

                public class Slow {
                    static Service named(String name, boolean hangs) {
                        Service service = new Service() {
                            @Override
                            public void startService() {
                                super.startService();
                                System.out.println("started " + name());
                            }

                            @Override
                            public Deferred<?> stopService() {
                                super.stopService();
                                System.out.println("stopping " + name());
                                return hangs ? new Deferred<Void>() : null;
                            }
                        };
                        service.setName(name);
                        return service;
                    }

                    public static Application application() {
                        Application application = new Application("slow");
                        named("first", false).setServiceParent(application);
                        named("second", true).setServiceParent(application);
                        named("third", false).setServiceParent(application);
                        return application;
                    }
                }
                """);
        try (TwistdProcess twistd = TwistdProcess.start(dir, "-n", "--stop-timeout", "0.5", "-y", tac.toString())) {
            twistd.awaitLine(l -> l.endsWith("started third"));
            signal(twistd.process().pid(), "TERM");
            assertThat(twistd.waitFor()).isZero();
            List<String> stops = twistd.out().stream()
                    .filter(l -> l.contains("[stdout#info] stopping "))
                    .map(l -> l.substring(l.lastIndexOf(' ') + 1))
                    .toList();
            assertThat(stops).as("out=%s", twistd.out()).containsExactly("third", "second", "first");
            assertThat(twistd.out())
                    .anyMatch(l -> l.contains("did not stop within 0.5 seconds"))
                    .anyMatch(l -> l.endsWith("Server Shut Down."));
        }
    }

    @Test
    void aPortInUseStopsTheStartWithOneLineAndLeavesNothingBehind() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Path tac =
                    write("busy.java", ECHO.replace("new TCPServer(0,", "new TCPServer(" + taken.getLocalPort() + ","));
            try (TwistdProcess twistd = TwistdProcess.start(dir, "-noy", tac.toString())) {
                assertThat(twistd.waitFor()).isEqualTo(1);
                assertThat(twistd.err()).hasSize(1);
                assertThat(twistd.err().get(0))
                        .startsWith("twistd: cannot start the application: Couldn't listen on 127.0.0.1:"
                                + taken.getLocalPort());
                assertThat(dir.resolve("twistd.pid")).doesNotExist();
            }
            // Daemonized, the daemon's failure reaches the terminal through the parent.
            try (TwistdProcess parent = TwistdProcess.start(dir, "-y", tac.toString())) {
                assertThat(parent.waitFor()).isEqualTo(1);
                assertThat(parent.err()).hasSize(1);
                assertThat(parent.err().get(0)).startsWith("twistd: cannot start the application: Couldn't listen on");
                assertThat(dir.resolve("twistd.pid")).doesNotExist();
            }
        }
    }

    @Test
    void aServiceWhoseStartThrowsStopsTwistdWithOneLine() throws Exception {
        Path tac = write("failing.java", """
                import io.jtwisted.application.service.Application;
                import io.jtwisted.application.service.Service;

                public class Failing {
                    public static Application application() {
                        Application application = new Application("failing");
                        new Service() {
                            @Override
                            public void startService() {
                                throw new IllegalStateException("no database");
                            }
                        }.setServiceParent(application);
                        return application;
                    }
                }
                """);
        try (TwistdProcess twistd = TwistdProcess.start(dir, "-noy", tac.toString())) {
            assertThat(twistd.waitFor()).isEqualTo(1);
            assertThat(twistd.err()).containsExactly("twistd: cannot start the application: no database");
            assertThat(dir.resolve("twistd.pid")).doesNotExist();
        }
    }

    @SuppressWarnings("try") // frees the probe port early, inside the try that owns it, on purpose
    @Test
    void portforwardForwardsBytesBothWays() throws Exception {
        try (ServerSocket destination = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
                ServerSocket probe = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            int listen = probe.getLocalPort();
            probe.close(); // a free port for twistd to take
            Thread upper = new Thread(() -> {
                try (Socket peer = destination.accept()) {
                    InputStream in = peer.getInputStream();
                    String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
                    peer.getOutputStream()
                            .write((line.toUpperCase(java.util.Locale.ROOT) + "\n").getBytes(StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // the test's assertion reports it
                }
            });
            upper.start();
            try (TwistdProcess twistd = TwistdProcess.start(
                    dir,
                    "-n",
                    "--pidfile",
                    "",
                    "portforward",
                    "--port",
                    "tcp:" + listen + ":interface=127.0.0.1",
                    "--host",
                    "127.0.0.1",
                    "--dest_port",
                    Integer.toString(destination.getLocalPort()))) {
                twistd.awaitLine(l -> l.contains(" starting on " + listen));
                assertThat(echoOnce(listen, "forwarded")).isEqualTo("FORWARDED");
                signal(twistd.process().pid(), "TERM");
                assertThat(twistd.waitFor()).isZero();
            }
            upper.join(TimeUnit.SECONDS.toMillis(TwistdProcess.WAIT_SECONDS));
        }
    }
}
