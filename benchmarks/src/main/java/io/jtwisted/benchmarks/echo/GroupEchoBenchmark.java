package io.jtwisted.benchmarks.echo;

import java.io.BufferedReader;
import java.io.IOException;
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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Echo at 1..N reactors against Netty at 1..N event loops, in one run: each server in a process of its own
 * under the same closed load ({@link EchoLoad}: {@code connections} connections, one {@code size}-byte
 * message in flight on each), spread over {@code load-threads} client threads so that one client thread
 * is not what limits the servers. Prints messages/s, the server's CPU per message, the client's CPU use
 * (how close the load generator is to saturating its threads), the CPUs the machine had idle meanwhile,
 * and for JTwisted the connections each reactor took; then each server's scaling (N ÷ 1) and JTwisted ÷
 * Netty at each N. {@code jtwisted:N} spreads connections with {@code SO_REUSEPORT}, {@code
 * jtwisted-handoff:N} with one acceptor handing them off ({@code Spread.HAND_OFF}).
 *
 * <pre>
 * GroupEchoBenchmark [--connections 64] [--size 64] [--warmup 5] [--duration 10] [--load-threads 2]
 *                    [--servers jtwisted:1,jtwisted:2,netty-nio:1,netty-nio:2,netty-epoll:1,netty-epoll:2]
 *                    [--rounds 1] [--jvm-args "-Xms256m -Xmx256m"] [--server-cpus 0,1]
 * </pre>
 */
public final class GroupEchoBenchmark {
    private static final double CLOCK_TICKS = 100.0; // USER_HZ on Linux

    private GroupEchoBenchmark() {}

    record Result(
            String server,
            int threads,
            double messagesPerSecond,
            double cpuMicrosPerMessage,
            double serverCores,
            double clientCores,
            double idleCores,
            String spread) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("connections", "64");
        options.put("size", "64");
        options.put("warmup", "5");
        options.put("duration", "10");
        options.put("load-threads", "2");
        options.put("servers", "jtwisted:1,jtwisted:2,netty-nio:1,netty-nio:2,netty-epoll:1,netty-epoll:2");
        options.put("rounds", "1");
        options.put("jvm-args", "-Xms256m -Xmx256m");
        options.put("server-cpus", "");
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length || !options.containsKey(args[i].substring(2))) {
                System.err.println("usage: GroupEchoBenchmark "
                        + options.keySet().stream().map(k -> "[--" + k + " V]").toList());
                System.exit(2);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        int connections = Integer.parseInt(option(options, "connections"));
        int size = Integer.parseInt(option(options, "size"));
        int loadThreads = Integer.parseInt(option(options, "load-threads"));
        double warmup = Double.parseDouble(option(options, "warmup"));
        double duration = Double.parseDouble(option(options, "duration"));
        int rounds = Integer.parseInt(option(options, "rounds"));
        System.out.printf(
                Locale.ROOT,
                "group echo benchmark: %d connections x %d-byte messages, %d load threads, warm-up %.0f s,"
                        + " measured %.0f s, %d round(s), %d CPUs, load average %s%n",
                connections,
                size,
                loadThreads,
                warmup,
                duration,
                rounds,
                Runtime.getRuntime().availableProcessors(),
                loadAverage());
        List<Result> results = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (String server : option(options, "servers").split(",")) {
                results.add(measure(server.strip(), options, connections, size, loadThreads, warmup, duration));
            }
        }
        printTable(results);
        System.out.printf(Locale.ROOT, "load average after: %s%n", loadAverage());
    }

    private static Result measure(
            String server,
            Map<String, String> options,
            int connections,
            int size,
            int loadThreads,
            double warmup,
            double duration)
            throws Exception {
        String[] kind = server.split(":");
        int threads = Integer.parseInt(kind[1]);
        List<String> command = new ArrayList<>();
        if (!option(options, "server-cpus").isEmpty()) {
            // the server on these CPUs; run the harness itself under taskset on others, so the client does not share
            // them
            command.addAll(List.of("taskset", "-c", option(options, "server-cpus")));
        }
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of(option(options, "jvm-args").trim().split("\\s+")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        switch (kind[0]) {
            case "jtwisted" -> command.addAll(List.of(GroupEchoServer.class.getName(), kind[1], "0", "reuse-port"));
            case "jtwisted-handoff" ->
                command.addAll(List.of(GroupEchoServer.class.getName(), kind[1], "0", "hand-off"));
            case "netty-nio", "netty-epoll" ->
                command.addAll(List.of(NettyGroupEchoServer.class.getName(), kind[0].substring(6), kind[1]));
            default ->
                throw new IllegalArgumentException(
                        "unknown server " + server + " (jtwisted:N, jtwisted-handoff:N, netty-nio:N, netty-epoll:N)");
        }
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader out = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line; (line = out.readLine()) != null; ) {
                            lines.add(line);
                        }
                    } catch (IOException ended) {
                        // the server exited
                    }
                },
                "server-output");
        reader.setDaemon(true);
        reader.start();
        try {
            String ready = lines.poll(60, TimeUnit.SECONDS);
            if (ready == null || !ready.startsWith("READY ")) {
                throw new IllegalStateException(server + " did not start: " + ready);
            }
            int port = Integer.parseInt(ready.substring(6).strip());
            List<EchoLoad> loads = new ArrayList<>();
            for (int t = 0; t < loadThreads; t++) {
                int share = connections / loadThreads + (t < connections % loadThreads ? 1 : 0);
                loads.add(new EchoLoad(port, share, size, 1));
            }
            runAll(loads, warmup, false);
            long[] serverBefore = EchoBenchmark.cpuTicks(process.pid());
            long[] clientBefore = EchoBenchmark.cpuTicks(ProcessHandle.current().pid());
            long[] machineBefore = machineTicks();
            long start = System.nanoTime();
            runAll(loads, duration, true);
            double elapsed = (System.nanoTime() - start) / 1e9;
            long[] serverAfter = EchoBenchmark.cpuTicks(process.pid());
            long[] clientAfter = EchoBenchmark.cpuTicks(ProcessHandle.current().pid());
            long[] machineAfter = machineTicks();
            long messages = 0;
            for (EchoLoad load : loads) {
                messages += load.completed();
                load.close();
            }
            double serverCpu = (serverAfter[0] + serverAfter[1] - serverBefore[0] - serverBefore[1]) / CLOCK_TICKS;
            double clientCpu = (clientAfter[0] + clientAfter[1] - clientBefore[0] - clientBefore[1]) / CLOCK_TICKS;
            double idle = (machineAfter[1] - machineBefore[1])
                    / (double) Math.max(1, machineAfter[0] - machineBefore[0])
                    * machineAfter[2];
            // SIGTERM: the JTwisted server stops its group and prints its SPREAD line. Not Process.destroy(),
            // which also closes our end of the server's output.
            process.toHandle().destroy();
            String spread = "";
            for (String line; (line = lines.poll(10, TimeUnit.SECONDS)) != null; ) {
                if (line.startsWith("SPREAD ")) {
                    spread = line.substring(7);
                    break;
                }
            }
            Result r = new Result(
                    server,
                    threads,
                    messages / elapsed,
                    serverCpu * 1e6 / messages,
                    serverCpu / elapsed,
                    clientCpu / elapsed,
                    idle,
                    spread);
            System.out.printf(
                    Locale.ROOT,
                    "  %-14s %,10.0f msg/s  server CPU %5.2f us/msg (%.2f cores)  client %.2f cores"
                            + "  idle %.2f cores%s%n",
                    server,
                    r.messagesPerSecond(),
                    r.cpuMicrosPerMessage(),
                    r.serverCores(),
                    r.clientCores(),
                    r.idleCores(),
                    spread.isEmpty() ? "" : "  connections per reactor: " + spread);
            return r;
        } finally {
            if (process.isAlive()) {
                process.destroy();
            }
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** Runs every load for {@code seconds}, each on a thread of its own. */
    private static void runAll(List<EchoLoad> loads, double seconds, boolean record) throws Exception {
        List<Thread> threads = new ArrayList<>();
        Throwable[] failure = new Throwable[1];
        for (EchoLoad load : loads) {
            Thread thread = new Thread(
                    () -> {
                        try {
                            load.run(seconds, record);
                        } catch (IOException | RuntimeException e) {
                            failure[0] = e;
                        }
                    },
                    "echo-load");
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure[0] != null) {
            throw new IllegalStateException("the load failed", failure[0]);
        }
    }

    /** {total, idle} jiffies of the whole machine, from /proc/stat's first line, and its number of CPUs. */
    private static long[] machineTicks() throws IOException {
        String[] fields =
                Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < fields.length; i++) {
            total += Long.parseLong(fields[i]);
        }
        long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]); // idle + iowait
        // the machine's CPUs, not availableProcessors(): under taskset the harness sees only its own
        long cpus = Files.readAllLines(Path.of("/proc/stat")).stream()
                .filter(line -> line.matches("cpu\\d+ .*"))
                .count();
        return new long[] {total, idle, cpus};
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void printTable(List<Result> results) {
        System.out.println();
        System.out.println(
                "| server | threads | msg/s | server CPU µs/msg | server cores | client cores | idle cores | connections per reactor |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---|");
        for (Result r : results) {
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %d | %,.0f | %.2f | %.2f | %.2f | %.2f | %s |%n",
                    r.server().split(":")[0],
                    r.threads(),
                    r.messagesPerSecond(),
                    r.cpuMicrosPerMessage(),
                    r.serverCores(),
                    r.clientCores(),
                    r.idleCores(),
                    r.spread());
        }
        Map<String, Double> best = new LinkedHashMap<>();
        for (Result r : results) {
            best.merge(r.server(), r.messagesPerSecond(), Math::max);
        }
        System.out.println();
        for (String kind : List.of("jtwisted", "jtwisted-handoff", "netty-nio", "netty-epoll")) {
            Double one = best.get(kind + ":1");
            best.forEach((server, rate) -> {
                if (server.startsWith(kind + ":") && !server.equals(kind + ":1") && one != null) {
                    System.out.printf(
                            Locale.ROOT,
                            "scaling %s ÷ %s:1 (best msg/s of the rounds): %.2f×%n",
                            server,
                            kind,
                            rate / one);
                }
            });
        }
        best.forEach((server, rate) -> {
            if (server.startsWith("jtwisted")) {
                String n = server.substring(server.indexOf(':') + 1);
                for (String peer : List.of("netty-nio:", "netty-epoll:")) {
                    Double other = best.get(peer + n);
                    if (other != null) {
                        System.out.printf(
                                Locale.ROOT,
                                "%s ÷ %s at %s: %.2f× msg/s%n",
                                server.substring(0, server.indexOf(':')),
                                peer.substring(0, peer.length() - 1),
                                n,
                                rate / other);
                    }
                }
            }
        });
    }

    /** The value of option {@code name}: main puts a default for every option before it reads any. */
    private static String option(Map<String, String> options, String name) {
        return Objects.requireNonNull(options.get(name), name);
    }
}
