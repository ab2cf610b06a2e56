package io.jtwisted.examples.deploy;

import io.jtwisted.examples.Example;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A rolling restart on one machine, under load: an old {@link RollingServer} serves a loopback port
 * with {@code reusePort=true} while clients send requests without pause, one connection each; a new
 * copy starts on the same port; the old one gets SIGTERM, stops listening, drains and exits; the
 * clients go on with the new one. Then it prints what the clients saw and exits with status 0 if no
 * connection was refused and no request failed.
 *
 * <p>Every phase starts once the clients have had {@code REQUESTS} answers in the one before, so the
 * restart happens under load whatever the machine's speed. On Linux, run it with
 * {@code net.ipv4.tcp_migrate_req=1}: then connections already queued on the old copy's socket when it
 * closes move to the new one; without it the kernel resets them (docs/deploying.md).
 *
 * <p>{@code bin/run-example RollingRestart [REQUESTS] [CLIENTS]}: 300 requests a phase, 4 clients.
 */
@Example(
        value = "A rolling restart of RollingServer under load on one machine; counts refused connections",
        usage = "[REQUESTS-PER-PHASE] [CLIENTS]")
public final class RollingRestart {
    private final AtomicLong served = new AtomicLong();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final Map<String, AtomicInteger> byServer = new ConcurrentHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final int port;

    private RollingRestart(int port) {
        this.port = port;
    }

    public static void main(String[] args) throws Exception {
        int perPhase = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        System.exit(new RollingRestart(port).run(perPhase, clients) ? 0 : 1);
    }

    private boolean run(int perPhase, int clients) throws Exception {
        System.out.println("net.ipv4.tcp_migrate_req = " + migrateRequests());
        Process old = server();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread client = new Thread(this::client, "client-" + i);
            client.start();
            threads.add(client);
        }
        awaitServed(perPhase);
        Process fresh = server();
        awaitServed(perPhase);
        System.out.println("SIGTERM to the old server, pid " + old.pid());
        old.toHandle().destroy(); // SIGTERM (Process.destroy would also close our end of its output)
        if (!old.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the old server did not exit within 60 s of SIGTERM");
        }
        System.out.println("the old server exited with status " + old.exitValue());
        awaitServed(perPhase);
        running.set(false);
        for (Thread client : threads) {
            client.join();
        }
        fresh.toHandle().destroy();
        fresh.waitFor(60, TimeUnit.SECONDS);
        String oldPid = Long.toString(old.pid());
        String newPid = Long.toString(fresh.pid());
        int byOld = byServer.getOrDefault(oldPid, new AtomicInteger()).get();
        int byNew = byServer.getOrDefault(newPid, new AtomicInteger()).get();
        System.out.println("requests answered " + served.get() + " (old server " + byOld + ", new server " + byNew
                + "), refused " + refused.get() + ", failed " + failed.get());
        synchronized (failures) {
            failures.stream().limit(5).forEach(f -> System.out.println("  " + f));
        }
        return refused.get() == 0 && failed.get() == 0 && byOld > 0 && byNew > 0 && old.exitValue() == 0;
    }

    /** Linux's switch that moves connections queued on a closing SO_REUSEPORT socket to another one. */
    private static String migrateRequests() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/net/ipv4/tcp_migrate_req"))
                    .strip();
        } catch (IOException | RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** Starts a RollingServer on the shared port; returns once it listens. */
    private Process server() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process server = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        RollingServer.class.getName(),
                        "tcp:" + port + ":interface=127.0.0.1:reusePort=true")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.contains("listening on port " + port)) {
            throw new IOException("RollingServer did not start: " + line);
        }
        System.out.println(line);
        Thread echo = new Thread(
                () -> { // its later lines (stopped listening, drained)
                    try {
                        for (String next = out.readLine(); next != null; next = out.readLine()) {
                            System.out.println(next);
                        }
                    } catch (IOException gone) {
                        // the server exited
                    }
                },
                "server-output");
        echo.setDaemon(true);
        echo.start();
        return server;
    }

    private void awaitServed(int more) throws InterruptedException {
        long target = served.get() + more;
        synchronized (served) {
            while (served.get() < target) {
                served.wait(30_000);
                if (refused.get() + failed.get() > 1000) {
                    throw new AssertionError(
                            "the clients are failing: " + refused.get() + " refused, " + failed.get() + " failed");
                }
            }
        }
    }

    private void client() {
        int n = 0;
        while (running.get()) {
            String request = Thread.currentThread().getName() + "-" + n++;
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write((request + "\r\n").getBytes(StandardCharsets.UTF_8));
                String answer = new BufferedReader(
                                new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                        .readLine();
                if (answer == null || !answer.endsWith(" " + request)) {
                    fail(request + ": answer " + answer);
                    continue;
                }
                byServer.computeIfAbsent(answer.substring(0, answer.indexOf(' ')), pid -> new AtomicInteger())
                        .incrementAndGet();
                synchronized (served) {
                    served.incrementAndGet();
                    served.notifyAll();
                }
            } catch (ConnectException e) {
                refused.incrementAndGet();
                record(request + ": " + e);
            } catch (IOException e) {
                fail(request + ": " + e);
            }
        }
    }

    private void fail(String what) {
        failed.incrementAndGet();
        record(what);
    }

    private void record(String what) {
        synchronized (failures) {
            failures.add(what);
        }
    }
}
