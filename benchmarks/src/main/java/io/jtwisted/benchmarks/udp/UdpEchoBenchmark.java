package io.jtwisted.benchmarks.udp;

import io.jtwisted.benchmarks.echo.EchoBenchmark;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * UDP echo: JTwisted, Netty NIO (one event loop) and the real Twisted, each in its own process,
 * under the same closed-loop load: {@code --flows} client threads on 127.0.0.1, each sending one
 * datagram of {@code --size} bytes and waiting for it to come back (a datagram not back within
 * 200 ms counts as lost and the flow sends the next). Prints datagrams/s and the server's CPU
 * time per echoed datagram (utime + stime of {@code /proc/<pid>/stat}), with ratios.
 *
 * <pre>
 * UdpEchoBenchmark [--flows 8] [--size 64] [--warmup 5] [--duration 10]
 *                  [--servers jtwisted,netty-nio,twisted] [--python python3]
 * </pre>
 */
public final class UdpEchoBenchmark {
    private static final double CLOCK_TICKS = 100.0;

    private UdpEchoBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("flows", "8");
        options.put("size", "64");
        options.put("warmup", "5");
        options.put("duration", "10");
        options.put("servers", "jtwisted,netty-nio,twisted");
        options.put("python", "python3");
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length || !options.containsKey(args[i].substring(2))) {
                System.err.println("usage: UdpEchoBenchmark "
                        + options.keySet().stream().map(k -> "[--" + k + " V]").toList());
                System.exit(2);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        int flows = Integer.parseInt(options.get("flows"));
        int size = Integer.parseInt(options.get("size"));
        double warmup = Double.parseDouble(options.get("warmup"));
        double duration = Double.parseDouble(options.get("duration"));
        System.out.printf(
                Locale.ROOT,
                "UDP echo benchmark: %d flows x %d-byte datagrams, warm-up %.0f s, measured %.0f s%n",
                flows,
                size,
                warmup,
                duration);
        List<String[]> rows = new ArrayList<>();
        double base = -1;
        for (String server : options.get("servers").split(",")) {
            Process process = start(server.strip(), options);
            try {
                int port = EchoBenchmark.awaitReady(process, server);
                run(port, flows, size, warmup, null);
                long[] before = EchoBenchmark.cpuTicks(process.pid());
                long start = System.nanoTime();
                long[] counts = new long[2];
                run(port, flows, size, duration, counts);
                double elapsed = (System.nanoTime() - start) / 1e9;
                long[] after = EchoBenchmark.cpuTicks(process.pid());
                long user = after[0] - before[0];
                long system = after[1] - before[1];
                double cpuSeconds = (user + system) / CLOCK_TICKS;
                double perSecondOfCpu = counts[0] / cpuSeconds;
                if (base < 0) {
                    base = perSecondOfCpu;
                }
                System.out.printf(
                        Locale.ROOT,
                        "  %-10s %,10.0f datagrams/s  lost %d  server CPU %6.2f us/datagram (%2.0f%% user)%n",
                        server,
                        counts[0] / elapsed,
                        counts[1],
                        cpuSeconds * 1e6 / counts[0],
                        100.0 * user / Math.max(1, user + system));
                rows.add(new String[] {
                    server,
                    String.format(Locale.ROOT, "%,.0f", counts[0] / elapsed),
                    Long.toString(counts[1]),
                    String.format(Locale.ROOT, "%.2f", cpuSeconds * 1e6 / counts[0]),
                    String.format(Locale.ROOT, "%.2f×", base / perSecondOfCpu)
                });
            } finally {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
        System.out.println();
        System.out.println("| server | datagrams/s | lost | server CPU µs/datagram | "
                + options.get("servers").split(",")[0] + " ÷ this (datagrams per CPU-second) |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (String[] row : rows) {
            System.out.println("| " + String.join(" | ", row) + " |");
        }
    }

    private static Process start(String server, Map<String, String> options) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("java.class.path");
        List<String> command = new ArrayList<>();
        switch (server) {
            case "jtwisted" ->
                command.addAll(List.of(
                        java, "-Xms256m", "-Xmx256m", "-cp", classpath, JTwistedUdpEchoServer.class.getName(), "0"));
            case "netty-nio" ->
                command.addAll(List.of(
                        java, "-Xms256m", "-Xmx256m", "-cp", classpath, NettyUdpEchoServer.class.getName(), "0"));
            case "twisted" -> {
                Path script = Files.createTempFile("twisted_udp_echo_server", ".py");
                try (InputStream in = UdpEchoBenchmark.class.getResourceAsStream("/udp/twisted_udp_echo_server.py")) {
                    Files.write(script, in.readAllBytes());
                }
                script.toFile().deleteOnExit();
                command.addAll(List.of(options.get("python"), script.toString(), "0"));
            }
            default ->
                throw new IllegalArgumentException(
                        "unknown server '" + server + "' (known: jtwisted, netty-nio, twisted)");
        }
        return new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    /** Runs the closed loop for {@code seconds}; adds {echoed, lost} to {@code counts} when given. */
    private static void run(int port, int flows, int size, double seconds, long @Nullable [] counts) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder echoed = new LongAdder();
        LongAdder lost = new LongAdder();
        List<Thread> threads = new ArrayList<>();
        InetSocketAddress server = new InetSocketAddress("127.0.0.1", port);
        for (int f = 0; f < flows; f++) {
            Thread t = new Thread(() -> {
                try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
                    socket.setSoTimeout(200);
                    socket.connect(server);
                    byte[] out = new byte[size];
                    DatagramPacket send = new DatagramPacket(out, size);
                    DatagramPacket receive = new DatagramPacket(new byte[size + 1], size + 1);
                    while (!stop.get()) {
                        socket.send(send);
                        try {
                            socket.receive(receive);
                            echoed.increment();
                        } catch (SocketTimeoutException timedOut) {
                            lost.increment();
                        }
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            t.start();
            threads.add(t);
        }
        Thread.sleep((long) (seconds * 1000));
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        if (counts != null) {
            counts[0] += echoed.sum();
            counts[1] += lost.sum();
        }
    }
}
