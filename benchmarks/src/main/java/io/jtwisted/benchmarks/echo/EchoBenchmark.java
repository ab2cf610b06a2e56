package io.jtwisted.benchmarks.echo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The echo load harness: runs each echo server in a process of its own (JTwisted, over TCP or,
 * as {@code jtwisted-unix}, over a UNIX-domain socket; as {@code jtwisted-buffer}, on the buffer-level
 * path of {@code IBufferReceiver}; Netty with one
 * event loop, NIO and epoll; the real Twisted), puts the same closed-loop load on each
 * ({@link EchoLoad}), and prints messages/s, p50/p99 latency and the server's CPU time per
 * message (utime + stime of {@code /proc/<pid>/stat} over the measured window), with ratios.
 *
 * <pre>
 * EchoBenchmark [--connections 64] [--size 64] [--pipeline 1] [--warmup 5] [--duration 10]
 *               [--servers c-floor,jtwisted,netty-nio,netty-epoll,twisted] [--python python3]
 *               [--jvm-args "-Xms256m -Xmx256m"] [--floor PATH] [--server-cpu N]
 *               [--loads 64x64,4096x64,64x1] [--rounds 1] [--slice 0] [--rate 0]
 * </pre>
 * {@code c-floor} is the C epoll server of {@code benchmarks/c/echo_floor.c}, compiled by
 * {@code echo.sh} and named by {@code --floor}: one {@code read} and one {@code write} per message,
 * the floor for an echo server on this kernel. {@code --server-cpu N} pins each server to CPU N
 * with {@code taskset} (echo.sh pins the load to the other one). {@code --loads} runs every server
 * under each load ({@code SIZExCONNECTIONS}, overriding {@code --size} and {@code --connections}) and
 * ends with each server's efficiency relative to the floor: the floor's CPU per message divided by
 * the server's, per load. A load may name a rate, {@code 4096x64@40000}: its connections are then
 * paced to that many messages per second in all ({@link EchoLoad#paced}), so that every server gets
 * the same arrivals and the same batching; {@code --rate} does that for the single load of
 * {@code --size} and {@code --connections}. A server that cannot keep up shows a lower msg/s.
 * A server {@code port:PORT[:PID]} is one started by hand (under {@code strace -c -f}, say): the
 * load runs against that port, and the CPU is read from PID when given. A Java server named
 * {@code NAME@CLASSPATH} ({@code jtwisted@/tmp/old.jar}) runs from that class path instead of the
 * harness's own: two builds compared in one run.
 *
 * <p>{@code --rounds N} runs the list of servers N times per load, one after the other (the floor
 * again in each round), and the floor table gives each server's median over the rounds of its
 * ratio to the floor of the same round, with the lowest and highest: on a shared machine the
 * load drifts between servers, and a ratio within one round is what the drift spoils least.
 *
 * <p>{@code --slice S} (seconds, 0: off) measures the servers of a round side by side instead:
 * all are started and warmed up, then the load moves from one to the next every S seconds (the
 * order rotating each pass) until each has had {@code --duration} seconds, each server's CPU
 * counted over its own slices only. A change in the machine's load then falls on every server
 * alike, which is what a shared machine needs for differences of a few per cent.
 */
public final class EchoBenchmark {
    private static final double CLOCK_TICKS = 100.0; // USER_HZ on Linux
    /** Where the {@code jtwisted-unix} server listens. */
    private static final String UNIX_SOCKET = System.getProperty("java.io.tmpdir") + "/jtwisted-echo-"
            + ProcessHandle.current().pid() + ".sock";

    private EchoBenchmark() {}

    record Result(
            String server,
            double messagesPerSecond,
            double p50,
            double p99,
            double cpuMicrosPerMessage,
            double cpuSeconds,
            long messages,
            double userShare) {
        double messagesPerCpuSecond() {
            return messages / cpuSeconds;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("connections", "64");
        options.put("size", "64");
        options.put("pipeline", "1");
        options.put("warmup", "5");
        options.put("duration", "10");
        options.put("servers", "jtwisted,netty-nio,netty-epoll,twisted");
        options.put("python", "python3");
        options.put("jvm-args", "-Xms256m -Xmx256m");
        options.put("floor", "");
        options.put("server-cpu", "");
        options.put("loads", "");
        options.put("rounds", "1");
        options.put("slice", "0");
        options.put("rate", "0");
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length || !options.containsKey(args[i].substring(2))) {
                System.err.println("usage: EchoBenchmark "
                        + options.keySet().stream().map(k -> "[--" + k + " V]").toList());
                System.exit(2);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        List<String> loads = option(options, "loads").isBlank()
                ? List.of(
                        option(options, "size") + "x" + option(options, "connections") + "@" + option(options, "rate"))
                : List.of(option(options, "loads").split(","));
        int rounds = Integer.parseInt(option(options, "rounds"));
        Map<String, List<List<Result>>> byLoad = new LinkedHashMap<>();
        for (String load : loads) {
            String[] loadAndRate = load.strip().split("@");
            String[] sizeAndConnections = loadAndRate[0].split("x");
            int size = Integer.parseInt(sizeAndConnections[0]);
            int connections = Integer.parseInt(sizeAndConnections[1]);
            double rate = loadAndRate.length > 1 ? Double.parseDouble(loadAndRate[1]) : 0;
            List<List<Result>> perRound = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                if (rounds > 1) {
                    System.out.printf(Locale.ROOT, "round %d of %d%n", round, rounds);
                }
                List<Result> results = runLoad(options, connections, size, rate);
                printTable(results);
                perRound.add(results);
            }
            byLoad.put(
                    size + " B x " + connections + (connections == 1 ? " connection" : " connections")
                            + (rate > 0 ? String.format(Locale.ROOT, " at %,.0f msg/s", rate) : ""),
                    perRound);
        }
        printFloorTable(byLoad, rounds);
    }

    private static List<Result> runLoad(Map<String, String> options, int connections, int size, double rate)
            throws Exception {
        if (Double.parseDouble(option(options, "slice")) > 0) {
            return runInterleaved(options, connections, size, rate);
        }
        int pipeline = Integer.parseInt(option(options, "pipeline"));
        double warmup = Double.parseDouble(option(options, "warmup"));
        double duration = Double.parseDouble(option(options, "duration"));
        System.out.printf(
                Locale.ROOT,
                "echo benchmark: %d connections x %d-byte messages, pipeline %d, %s, warm-up %.0f s, measured %.0f s%n",
                connections,
                size,
                pipeline,
                pacing(rate),
                warmup,
                duration);
        List<Result> results = new ArrayList<>();
        for (String server : option(options, "servers").split(",")) {
            String[] external = server.startsWith("port:") ? server.split(":") : null;
            Process process;
            try {
                process = external == null ? start(server.strip(), options) : null;
            } catch (IOException | IllegalStateException cannotStart) {
                System.out.println("  " + server + " skipped: " + cannotStart.getMessage());
                continue;
            }
            try {
                int port;
                try {
                    port = external == null
                            ? awaitReady(Objects.requireNonNull(process), server) // started: not external
                            : Integer.parseInt(external[1]);
                } catch (Exception notStarted) {
                    System.out.println("  " + server + " skipped: " + notStarted.getMessage());
                    continue;
                }
                long pid = external == null
                        ? Objects.requireNonNull(process).pid()
                        : external.length > 2 ? Long.parseLong(external[2]) : -1;
                java.net.SocketAddress address = server.strip().equals("jtwisted-unix")
                        ? java.net.UnixDomainSocketAddress.of(UNIX_SOCKET)
                        : new java.net.InetSocketAddress("127.0.0.1", port);
                try (EchoLoad load = new EchoLoad(address, connections, size, pipeline).paced(rate)) {
                    load.run(warmup, false);
                    long[] cpuBefore = cpuTicks(pid);
                    long start = System.nanoTime();
                    load.run(duration, true);
                    double elapsed = (System.nanoTime() - start) / 1e9;
                    long[] cpuAfter = cpuTicks(pid);
                    long user = cpuAfter[0] - cpuBefore[0];
                    long system = cpuAfter[1] - cpuBefore[1];
                    double cpuSeconds = (user + system) / CLOCK_TICKS;
                    long messages = load.completed();
                    Result r = new Result(
                            label(server),
                            messages / elapsed,
                            load.latencyMicros(0.50),
                            load.latencyMicros(0.99),
                            cpuSeconds * 1e6 / messages,
                            cpuSeconds,
                            messages,
                            user / (double) Math.max(1, user + system));
                    results.add(r);
                    System.out.printf(
                            Locale.ROOT,
                            "  %-12s %,12.0f msg/s  p50 %8.1f us  p99 %8.1f us  server CPU %6.2f us/msg (%2.0f%% user)%n",
                            server,
                            r.messagesPerSecond(),
                            r.p50(),
                            r.p99(),
                            r.cpuMicrosPerMessage(),
                            100 * r.userShare());
                }
            } finally {
                if (process != null) {
                    process.destroy();
                    if (!process.waitFor(10, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                }
            }
        }
        return results;
    }

    /** One server of an interleaved round: its process (null if started by hand), load and totals. */
    private static final class Slot {
        final String server;
        final @Nullable Process process;
        final long pid;
        final EchoLoad load;
        long user;
        long system;
        double elapsed;

        Slot(String server, @Nullable Process process, long pid, EchoLoad load) {
            this.server = server;
            this.process = process;
            this.pid = pid;
            this.load = load;
        }
    }

    private static String pacing(double rate) {
        return rate > 0 ? String.format(Locale.ROOT, "paced at %,.0f msg/s", rate) : "closed loop";
    }

    /** The servers of one round side by side, the load moving between them every {@code --slice} seconds. */
    private static List<Result> runInterleaved(Map<String, String> options, int connections, int size, double rate)
            throws Exception {
        int pipeline = Integer.parseInt(option(options, "pipeline"));
        double warmup = Double.parseDouble(option(options, "warmup"));
        double duration = Double.parseDouble(option(options, "duration"));
        double slice = Double.parseDouble(option(options, "slice"));
        System.out.printf(
                Locale.ROOT,
                "echo benchmark: %d connections x %d-byte messages, pipeline %d, %s, warm-up %.0f s, "
                        + "measured %.0f s each in slices of %.1f s, servers side by side%n",
                connections,
                size,
                pipeline,
                pacing(rate),
                warmup,
                duration,
                slice);
        List<Slot> slots = new ArrayList<>();
        try {
            for (String server : option(options, "servers").split(",")) {
                String[] external = server.startsWith("port:") ? server.split(":") : null;
                Process process = null;
                try {
                    process = external == null ? start(server.strip(), options) : null;
                    int port = external == null
                            ? awaitReady(Objects.requireNonNull(process), server) // started: not external
                            : Integer.parseInt(external[1]);
                    long pid = external == null
                            ? Objects.requireNonNull(process).pid()
                            : external.length > 2 ? Long.parseLong(external[2]) : -1;
                    java.net.SocketAddress address = server.strip().equals("jtwisted-unix")
                            ? java.net.UnixDomainSocketAddress.of(UNIX_SOCKET)
                            : new java.net.InetSocketAddress("127.0.0.1", port);
                    slots.add(new Slot(
                            server, process, pid, new EchoLoad(address, connections, size, pipeline).paced(rate)));
                } catch (Exception cannotStart) {
                    System.out.println("  " + server + " skipped: " + cannotStart.getMessage());
                    stop(process);
                }
            }
            for (Slot slot : slots) {
                slot.load.run(warmup, false);
            }
            int passes = (int) Math.ceil(duration / slice);
            for (int pass = 0; pass < passes; pass++) {
                for (int i = 0; i < slots.size(); i++) {
                    Slot slot = slots.get((i + pass) % slots.size());
                    long[] before = cpuTicks(slot.pid);
                    long start = System.nanoTime();
                    slot.load.run(slice, true);
                    slot.elapsed += (System.nanoTime() - start) / 1e9;
                    long[] after = cpuTicks(slot.pid);
                    slot.user += after[0] - before[0];
                    slot.system += after[1] - before[1];
                }
            }
            List<Result> results = new ArrayList<>();
            for (Slot slot : slots) {
                double cpuSeconds = (slot.user + slot.system) / CLOCK_TICKS;
                long messages = slot.load.completed();
                Result r = new Result(
                        label(slot.server),
                        messages / slot.elapsed,
                        slot.load.latencyMicros(0.50),
                        slot.load.latencyMicros(0.99),
                        cpuSeconds * 1e6 / messages,
                        cpuSeconds,
                        messages,
                        slot.user / (double) Math.max(1, slot.user + slot.system));
                results.add(r);
                System.out.printf(
                        Locale.ROOT,
                        "  %-12s %,12.0f msg/s  p50 %8.1f us  p99 %8.1f us  server CPU %6.2f us/msg (%2.0f%% user)%n",
                        r.server(),
                        r.messagesPerSecond(),
                        r.p50(),
                        r.p99(),
                        r.cpuMicrosPerMessage(),
                        100 * r.userShare());
            }
            return results;
        } finally {
            for (Slot slot : slots) {
                slot.load.close();
                stop(slot.process);
            }
        }
    }

    private static void stop(@Nullable Process process) throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /**
     * Per load, each server's CPU per message and the floor's divided by it (1.00x: as efficient as
     * the floor); over several rounds, the median of the per-round figures and the range of the ratio.
     */
    private static void printFloorTable(Map<String, List<List<Result>>> byLoad, int rounds) {
        List<String> servers = new ArrayList<>();
        boolean floor = false;
        for (List<List<Result>> perRound : byLoad.values()) {
            for (List<Result> results : perRound) {
                for (Result r : results) {
                    floor |= r.server().equals("c-floor");
                    if (!r.server().equals("c-floor") && !servers.contains(r.server())) {
                        servers.add(r.server());
                    }
                }
            }
        }
        if (!floor) {
            return;
        }
        System.out.println();
        System.out.println(
                "Server CPU per echoed message (µs), and efficiency relative to the C epoll floor (floor CPU ÷ server CPU)"
                        + (rounds > 1 ? ", median of " + rounds + " rounds [lowest–highest ratio]:" : ":"));
        StringBuilder head = new StringBuilder("| load | c-floor µs |");
        StringBuilder rule = new StringBuilder("|---|---:|");
        for (String s : servers) {
            head.append(' ').append(s).append(" µs | ").append(s).append(" ÷ floor |");
            rule.append("---:|---:|");
        }
        System.out.println(head);
        System.out.println(rule);
        for (Map.Entry<String, List<List<Result>>> e : byLoad.entrySet()) {
            List<Double> floorCpu = new ArrayList<>();
            Map<String, List<Double>> cpu = new LinkedHashMap<>();
            Map<String, List<Double>> ratios = new LinkedHashMap<>();
            for (List<Result> results : e.getValue()) {
                Result base = find(results, "c-floor");
                if (base == null) {
                    continue;
                }
                floorCpu.add(base.cpuMicrosPerMessage());
                for (String s : servers) {
                    Result r = find(results, s);
                    if (r != null) {
                        cpu.computeIfAbsent(s, k -> new ArrayList<>()).add(r.cpuMicrosPerMessage());
                        ratios.computeIfAbsent(s, k -> new ArrayList<>())
                                .add(base.cpuMicrosPerMessage() / r.cpuMicrosPerMessage());
                    }
                }
            }
            StringBuilder row = new StringBuilder("| " + e.getKey() + " | ");
            row.append(floorCpu.isEmpty() ? "–" : String.format(Locale.ROOT, "%.2f", median(floorCpu)))
                    .append(" |");
            for (String s : servers) {
                List<Double> r = ratios.get(s);
                List<Double> c = cpu.get(s); // filled with ratios, server by server
                if (r == null || c == null) {
                    row.append(" – | – |");
                } else if (r.size() == 1) {
                    row.append(String.format(Locale.ROOT, " %.2f | %.2f× |", c.get(0), r.get(0)));
                } else {
                    row.append(String.format(
                            Locale.ROOT,
                            " %.2f | %.2f× [%.2f–%.2f] |",
                            median(c),
                            median(r),
                            r.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                            r.stream().mapToDouble(Double::doubleValue).max().orElseThrow()));
                }
            }
            System.out.println(row);
        }
        printUserTable(byLoad, servers, rounds);
    }

    /**
     * The user-space part of each server's CPU per message, the floor's included. The kernel's part
     * moves most from run to run (a server that spends longer in user space finds more sockets ready
     * per wake-up), so this is where servers that make the same system calls differ most clearly.
     */
    private static void printUserTable(Map<String, List<List<Result>>> byLoad, List<String> servers, int rounds) {
        List<String> all = new ArrayList<>(List.of("c-floor"));
        all.addAll(servers);
        System.out.println();
        System.out.println(
                "User-space CPU per echoed message (µs)" + (rounds > 1 ? ", median of " + rounds + " rounds:" : ":"));
        StringBuilder head = new StringBuilder("| load |");
        StringBuilder rule = new StringBuilder("|---|");
        for (String s : all) {
            head.append(' ').append(s).append(" |");
            rule.append("---:|");
        }
        System.out.println(head);
        System.out.println(rule);
        for (Map.Entry<String, List<List<Result>>> e : byLoad.entrySet()) {
            StringBuilder row = new StringBuilder("| " + e.getKey() + " |");
            for (String s : all) {
                List<Double> user = new ArrayList<>();
                for (List<Result> results : e.getValue()) {
                    Result r = find(results, s);
                    if (r != null) {
                        user.add(r.cpuMicrosPerMessage() * r.userShare());
                    }
                }
                row.append(user.isEmpty() ? " – |" : String.format(Locale.ROOT, " %.2f |", median(user)));
            }
            System.out.println(row);
        }
    }

    /** {@code NAME@/path/old.jar:...} as {@code NAME@old}: the first class path entry, without its directory and ".jar". */
    private static String label(String server) {
        int at = server.indexOf('@');
        if (at < 0) {
            return server.strip();
        }
        String first =
                Path.of(server.substring(at + 1).split(":")[0]).getFileName().toString();
        return server.substring(0, at) + "@"
                + (first.endsWith(".jar") ? first.substring(0, first.length() - 4) : first);
    }

    private static @Nullable Result find(List<Result> results, String server) {
        return results.stream()
                .filter(r -> r.server().equals(server))
                .findFirst()
                .orElse(null);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static Process start(String server, Map<String, String> options) throws IOException {
        List<String> command = new ArrayList<>();
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("java.class.path");
        int at = server.indexOf('@');
        if (at > 0) { // NAME@CLASSPATH: the same server from another build
            classpath = server.substring(at + 1);
            server = server.substring(0, at);
        }
        List<String> jvmArgs = List.of(option(options, "jvm-args").trim().split("\\s+"));
        if (!option(options, "server-cpu").isBlank()) {
            command.addAll(List.of("taskset", "-c", option(options, "server-cpu")));
        }
        switch (server) {
            case "c-floor" -> {
                if (option(options, "floor").isBlank()) {
                    throw new IllegalStateException(
                            "no --floor binary (benchmarks/echo.sh compiles benchmarks/c/echo_floor.c with cc)");
                }
                command.addAll(List.of(option(options, "floor"), "0"));
            }
            case "jtwisted" -> {
                command.add(java);
                command.addAll(jvmArgs);
                command.addAll(List.of("-cp", classpath, JTwistedEchoServer.class.getName(), "0"));
            }
            case "jtwisted-buffer", "jtwisted-callbacks", "jtwisted-await" -> {
                // buffer: the buffer-level echo (IBufferReceiver); callbacks/await: the handler reads
                // each message from a DeferredQueue, with callbacks or awaiting it
                command.add(java);
                command.addAll(jvmArgs);
                command.addAll(List.of("-cp", classpath, JTwistedEchoServer.class.getName(), "0", server.substring(9)));
            }
            case "jtwisted-unix" -> {
                command.add(java);
                command.addAll(jvmArgs);
                command.addAll(List.of("-cp", classpath, JTwistedEchoServer.class.getName(), "unix:" + UNIX_SOCKET));
            }
            case "netty-nio", "netty-epoll" -> {
                command.add(java);
                command.addAll(jvmArgs);
                command.addAll(List.of("-cp", classpath, NettyEchoServer.class.getName(), server.substring(6), "0"));
            }
            case "twisted" -> {
                Path script = Files.createTempFile("twisted_echo_server", ".py");
                try (InputStream in = EchoBenchmark.class.getResourceAsStream("/echo/twisted_echo_server.py")) {
                    Files.write(script, in.readAllBytes());
                }
                script.toFile().deleteOnExit();
                command.addAll(List.of(option(options, "python"), script.toString(), "0"));
            }
            default ->
                throw new IllegalArgumentException(
                        "unknown server '" + server
                                + "' (known: c-floor, jtwisted, jtwisted-buffer, jtwisted-callbacks, jtwisted-await, netty-nio, netty-epoll, twisted)");
        }
        return new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    public static int awaitReady(Process process, String server) throws Exception {
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                String l;
                while ((l = out.readLine()) != null) {
                    if (l.startsWith("READY ")) {
                        return l;
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        String ready = line.get(60, TimeUnit.SECONDS);
        if (ready == null) {
            throw new IllegalStateException(server + " server did not start (exit " + process.waitFor() + ")");
        }
        return Integer.parseInt(ready.substring(6).strip());
    }

    /** {utime, stime} of {@code pid} (all its threads), in clock ticks. */
    public static long[] cpuTicks(long pid) throws IOException {
        if (pid < 0) {
            return new long[2]; // a server started elsewhere, without its pid: no CPU figures
        }
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields[0] is field 3 (state): utime is field 14, stime field 15
        return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
    }

    private static void printTable(List<Result> results) {
        if (results.isEmpty()) {
            return;
        }
        Result base = results.stream()
                .filter(r -> r.server().equals("jtwisted"))
                .findFirst()
                .orElse(results.get(0));
        System.out.println();
        System.out.println(
                "| server | msg/s | p50 µs | p99 µs | server CPU µs/msg | user share | msg per server CPU-second | "
                        + base.server() + " ÷ this (msg per CPU-second) |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (Result r : results) {
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %,.0f | %.1f | %.1f | %.2f | %.0f%% | %,.0f | %.2f× |%n",
                    r.server(),
                    r.messagesPerSecond(),
                    r.p50(),
                    r.p99(),
                    r.cpuMicrosPerMessage(),
                    100 * r.userShare(),
                    r.messagesPerCpuSecond(),
                    base.messagesPerCpuSecond() / r.messagesPerCpuSecond());
        }
    }

    /** The value of option {@code name}: main puts a default for every option before it reads any. */
    private static String option(Map<String, String> options, String name) {
        return Objects.requireNonNull(options.get(name), name);
    }
}
