package io.jtwisted.benchmarks.unix;

import io.jtwisted.benchmarks.echo.EchoBenchmark;
import io.jtwisted.internal.reactor.NioReactor;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * UNIX-domain stream echo on an abstract-namespace name against the same echo on a socket file:
 * what the poller hop of abstract names costs. Each server is the same JTwisted echo in its own
 * JVM ({@code server ADDRESS}, an abstract name written {@code @name}); the load is the same for
 * both, N connections each with one 64-byte message in flight, on junixsocket's blocking sockets
 * (which reach both kinds of address). Prints messages/s and the server's CPU time per message
 * (utime + stime of {@code /proc/<pid>/stat}), with ratios against the first server.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.jtwisted.benchmarks.unix.AbstractUnixEchoBenchmark \
 *     [--connections 8] [--size 64] [--warmup 5] [--duration 10] [--servers path,abstract,path,abstract]
 * </pre>
 */
public final class AbstractUnixEchoBenchmark {
    private static final double CLOCK_TICKS = 100.0;

    private AbstractUnixEchoBenchmark() {}

    /** Writes back what it receives. */
    static final class Echo extends Protocol {
        @Override
        public void dataReceived(byte[] data) {
            transport.write(data);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("server")) {
            serve(args[1]);
            return;
        }
        Map<String, String> options = new LinkedHashMap<>();
        options.put("connections", "8");
        options.put("size", "64");
        options.put("warmup", "5");
        options.put("duration", "10");
        options.put("servers", "path,abstract,path,abstract");
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length || !options.containsKey(args[i].substring(2))) {
                System.err.println("usage: AbstractUnixEchoBenchmark "
                        + options.keySet().stream().map(k -> "[--" + k + " V]").toList());
                System.exit(2);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        int connections = Integer.parseInt(options.get("connections"));
        int size = Integer.parseInt(options.get("size"));
        double warmup = Double.parseDouble(options.get("warmup"));
        double duration = Double.parseDouble(options.get("duration"));
        System.out.printf(
                Locale.ROOT,
                "UNIX stream echo, path against abstract name: %d connections x %d-byte messages,"
                        + " warm-up %.0f s, measured %.0f s%n",
                connections,
                size,
                warmup,
                duration);
        Path dir = Files.createTempDirectory("abstract-unix-echo");
        List<String[]> rows = new ArrayList<>();
        double base = -1;
        int round = 0;
        for (String server : options.get("servers").split(",")) {
            round++;
            String address = switch (server.strip()) {
                case "path" -> dir.resolve("echo-" + round + ".sock").toString();
                case "abstract" -> "@jtwisted-bench-" + ProcessHandle.current().pid() + "-" + round;
                default ->
                    throw new IllegalArgumentException("unknown server '" + server + "' (known: path, abstract)");
            };
            String java = ProcessHandle.current().info().command().orElse("java");
            Process process = new ProcessBuilder(
                            java,
                            "-Xms256m",
                            "-Xmx256m",
                            "--enable-native-access=ALL-UNNAMED",
                            "-cp",
                            System.getProperty("java.class.path"),
                            AbstractUnixEchoBenchmark.class.getName(),
                            "server",
                            address)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            try {
                EchoBenchmark.awaitReady(process, server);
                AFUNIXSocketAddress target = address.startsWith("@")
                        ? AFUNIXSocketAddress.of(("\0" + address.substring(1)).getBytes(StandardCharsets.UTF_8))
                        : AFUNIXSocketAddress.of(new File(address));
                Load load = new Load(target, connections, size);
                load.run(warmup);
                long[] before = EchoBenchmark.cpuTicks(process.pid());
                long start = System.nanoTime();
                long echoed = load.run(duration);
                double elapsed = (System.nanoTime() - start) / 1e9;
                long[] after = EchoBenchmark.cpuTicks(process.pid());
                load.close();
                double cpuSeconds = (after[0] - before[0] + after[1] - before[1]) / CLOCK_TICKS;
                double perCpuSecond = echoed / cpuSeconds;
                if (base < 0) {
                    base = perCpuSecond;
                }
                System.out.printf(
                        Locale.ROOT,
                        "  %-9s %,10.0f msg/s  server CPU %6.2f us/msg%n",
                        server,
                        echoed / elapsed,
                        cpuSeconds * 1e6 / echoed);
                rows.add(new String[] {
                    server,
                    String.format(Locale.ROOT, "%,.0f", echoed / elapsed),
                    String.format(Locale.ROOT, "%.2f", cpuSeconds * 1e6 / echoed),
                    String.format(Locale.ROOT, "%.2f×", base / perCpuSecond)
                });
            } finally {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
                Files.deleteIfExists(
                        Path.of(address.startsWith("@") ? dir.resolve("none").toString() : address));
            }
        }
        Files.deleteIfExists(dir);
        System.out.println();
        System.out.println("| server | msg/s | server CPU µs/msg | "
                + options.get("servers").split(",")[0].strip() + " ÷ this (msg per CPU-second) |");
        System.out.println("|---|---:|---:|---:|");
        for (String[] row : rows) {
            System.out.println("| " + String.join(" | ", row) + " |");
        }
    }

    private static void serve(String address) {
        NioReactor reactor = new NioReactor();
        reactor.listenUNIX(
                address.startsWith("@") ? "\0" + address.substring(1) : address, Factory.forProtocol(Echo::new));
        System.out.println("READY 0");
        System.out.flush();
        reactor.run();
    }

    /** N blocking connections, each with one message in flight, each on its own thread. */
    private static final class Load {
        private final List<AFUNIXSocket> sockets = new ArrayList<>();
        private final int size;

        Load(AFUNIXSocketAddress target, int connections, int size) throws IOException {
            this.size = size;
            for (int i = 0; i < connections; i++) {
                sockets.add(AFUNIXSocket.connectTo(target));
            }
        }

        /** Runs for {@code seconds}; the messages echoed. */
        long run(double seconds) throws InterruptedException {
            LongAdder echoed = new LongAdder();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> threads = new ArrayList<>();
            for (AFUNIXSocket socket : sockets) {
                Thread t = new Thread(() -> {
                    byte[] message = new byte[size];
                    byte[] answer = new byte[size];
                    try {
                        OutputStream out = socket.getOutputStream();
                        InputStream in = socket.getInputStream();
                        while (!stop.get()) {
                            out.write(message);
                            if (in.readNBytes(answer, 0, size) < size) {
                                return;
                            }
                            echoed.increment();
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
            return echoed.sum();
        }

        void close() throws IOException {
            for (AFUNIXSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
