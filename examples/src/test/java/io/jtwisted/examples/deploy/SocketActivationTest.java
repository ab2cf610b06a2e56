package io.jtwisted.examples.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.examples.ExampleProcess;
import io.jtwisted.testing.ExternalCommands;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Socket activation for real: {@code systemd-socket-activate} (Debian's systemd package) binds a
 * loopback port and starts WhoAmI or InetdWhoAmI with the socket as descriptor 3 and
 * {@code LISTEN_FDS}/{@code LISTEN_PID}/{@code LISTEN_FDNAMES} set, as a {@code .socket} unit
 * does; the test talks to it. Covers {@code systemd:} by name and by index (under {@code haproxy:}
 * too), {@code adoptStreamConnection} with {@code --accept}, and the message a JVM without
 * {@code --add-opens} gives.
 */
class SocketActivationTest {
    private static final List<String> OPENS = List.of("--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED");
    private static String activate;

    @BeforeAll
    static void requireSystemdSocketActivate() {
        activate = ExternalCommands.require("SocketActivationTest", "systemd-socket-activate", "systemd");
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return probe.getLocalPort();
        }
    }

    private static List<String> launcher(int port, String... options) {
        List<String> command = new ArrayList<>(List.of(activate, "-l", "127.0.0.1:" + port));
        command.addAll(List.of(options));
        return command;
    }

    /** Connects to {@code port}, retrying while systemd-socket-activate starts (at most 20 s). */
    private static Socket connect(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                socket.setSoTimeout(30_000);
                return socket;
            } catch (ConnectException notYet) {
                socket.close();
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.onSpinWait();
            }
        }
    }

    private static String readAll(Socket socket) throws IOException {
        return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aSocketPassedByNameIsAdoptedAndServesEveryConnection() throws Exception {
        int port = freePort();
        try (ExampleProcess example = ExampleProcess.start(
                launcher(port, "--fdname=web"), OPENS, WhoAmI.class, "systemd:domain=INET:name=web")) {
            for (int i = 0; i < 3; i++) {
                try (Socket socket = connect(port)) {
                    assertThat(readAll(socket)).isEqualTo("you are 127.0.0.1 port " + socket.getLocalPort() + "\r\n");
                }
            }
            assertThat(example.nextLine(30)).isEqualTo("WhoAmI listening on port " + port);
        }
    }

    @Test
    @SuppressWarnings("try") // the resource is the child process, kept alive by the block
    void aSocketPassedByIndexCanSpeakThePROXYProtocol() throws Exception {
        int port = freePort();
        try (ExampleProcess example =
                ExampleProcess.start(launcher(port), OPENS, WhoAmI.class, "haproxy:systemd:domain=INET:index=0")) {
            try (Socket socket = connect(port)) {
                socket.getOutputStream()
                        .write("PROXY TCP4 198.51.100.4 127.0.0.1 5555 80\r\n"
                                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                assertThat(readAll(socket)).isEqualTo("you are 198.51.100.4 port 5555\r\n");
            }
        }
    }

    @Test
    @SuppressWarnings("try") // the resource is the child process, kept alive by the block
    void anAcceptedConnectionIsAdoptedPerProcess() throws Exception {
        int port = freePort();
        try (ExampleProcess example = ExampleProcess.start(launcher(port, "--accept"), OPENS, InetdWhoAmI.class)) {
            for (int i = 0; i < 2; i++) {
                try (Socket socket = connect(port)) {
                    assertThat(readAll(socket)).isEqualTo("you are 127.0.0.1 port " + socket.getLocalPort() + "\r\n");
                }
            }
        }
    }

    @Test
    void withoutAddOpensTheServerSaysWhichOptionItNeeds() throws Exception {
        int port = freePort();
        try (ExampleProcess example =
                ExampleProcess.start(launcher(port), List.of(), WhoAmI.class, "systemd:domain=INET:index=0")) {
            try (Socket socket = connect(port)) {
                socket.setSoTimeout(2_000);
                example.waitForExit(30); // the server stops: nothing it can listen on
            }
            assertThat(example.stderr()).contains("--add-opens java.base/sun.nio.ch=ALL-UNNAMED");
        }
    }
}
