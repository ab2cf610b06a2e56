package io.jtwisted.benchmarks.tls;

import io.jtwisted.benchmarks.echo.EchoBenchmark;
import io.jtwisted.internet.ssl.KeyPair;
import io.jtwisted.internet.ssl.PrivateCertificate;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The TLS benchmark: JTwisted's TLS echo server ({@code listenSSL}) and Netty's ({@code SslHandler},
 * JDK provider), each in a process of its own, under the same Netty client load ({@link TlsLoad}),
 * with a fresh ECDSA P-256 certificate, TLS 1.3.
 * <ol>
 * <li>echo: {@code --connections} connections × {@code --size}-byte messages; MB/s and the server's
 *     CPU time per MB echoed (utime + stime of {@code /proc/<pid>/stat});</li>
 * <li>handshakes: {@code --concurrency} connections at a time, each closed after its full
 *     handshake; handshakes/s and server CPU per handshake.</li>
 * </ol>
 * <pre>
 * TlsBenchmark [--connections 64] [--size 4096] [--concurrency 16] [--warmup 5] [--duration 10]
 *              [--rounds 4] [--servers jtwisted,netty] [--loads echo,handshakes] [--jvm-args "-Xms256m -Xmx256m"]
 * </pre>
 * Servers: {@code jtwisted} ({@code listenSSL} with the default share of delegated tasks inline:
 * none), {@code jtwisted-pool} (every task on the thread pool, stated explicitly),
 * {@code jtwisted-inline} (every task inline), {@code netty}.
 * Both servers run for the whole benchmark; after a warm-up of each, the measured time is cut into
 * {@code --rounds} slices per server and load, taken in turn, so that the shared machine's
 * changing load falls on both alike.
 */
public final class TlsBenchmark {
    private static final double CLOCK_TICKS = 100.0;

    private TlsBenchmark() {}

    record Result(
            String server,
            double mbPerSecond,
            double cpuMsPerMb,
            double handshakesPerSecond,
            double cpuMsPerHandshake) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("connections", "64");
        options.put("size", "4096");
        options.put("concurrency", "16");
        options.put("warmup", "5");
        options.put("duration", "10");
        options.put("rounds", "4");
        options.put("servers", "jtwisted,netty");
        options.put("loads", "echo,handshakes");
        options.put("jvm-args", "-Xms256m -Xmx256m");
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length || !options.containsKey(args[i].substring(2))) {
                System.err.println("usage: TlsBenchmark "
                        + options.keySet().stream().map(k -> "[--" + k + " V]").toList());
                System.exit(2);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        int connections = Integer.parseInt(option(options, "connections"));
        int size = Integer.parseInt(option(options, "size"));
        int concurrency = Integer.parseInt(option(options, "concurrency"));
        double warmup = Double.parseDouble(option(options, "warmup"));
        double duration = Double.parseDouble(option(options, "duration"));
        PrivateCertificate certificate = KeyPair.generate().selfSignedCert(1, "localhost");
        Path pem = Files.createTempFile("tls-benchmark", ".pem");
        pem.toFile().deleteOnExit();
        certificate.dumpPEMFile(pem);
        SslContext client = SslContextBuilder.forClient()
                .sslProvider(SslProvider.JDK)
                .protocols("TLSv1.3")
                .trustManager(certificate.x509())
                .endpointIdentificationAlgorithm(null)
                .build(); // no host: nothing to resume
        System.out.printf(
                Locale.ROOT,
                "TLS benchmark: TLS 1.3, ECDSA P-256; echo %d connections x %d bytes; handshakes %d at a time;"
                        + " warm-up %.0f s, measured %.0f s%n",
                connections,
                size,
                concurrency,
                warmup,
                duration);
        int rounds = Integer.parseInt(option(options, "rounds"));
        List<String> servers = List.of(option(options, "servers").split(","));
        List<String> loads = List.of(option(options, "loads").split(","));
        boolean doEcho = loads.contains("echo");
        boolean doHandshakes = loads.contains("handshakes");
        List<Process> processes = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        try {
            for (String server : servers) {
                Process process = start(server.strip(), pem, options);
                processes.add(process);
                ports.add(EchoBenchmark.awaitReady(process, server));
            }
            // warm every server up on both loads, then measure in alternating slices, so that a
            // change in the machine's load (it is shared) falls on both servers alike
            for (int i = 0; i < servers.size(); i++) {
                if (doEcho) {
                    runEcho(
                            ports.get(i),
                            client,
                            connections,
                            size,
                            processes.get(i).pid(),
                            1,
                            warmup);
                }
                if (doHandshakes) {
                    runHandshakes(
                            ports.get(i), client, concurrency, processes.get(i).pid(), 1, warmup);
                }
            }
            double[][] echo = new double[servers.size()][3];
            double[][] handshakes = new double[servers.size()][3];
            double slice = duration / rounds;
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < servers.size(); i++) {
                    if (doEcho) {
                        add(
                                echo[i],
                                runEcho(
                                        ports.get(i),
                                        client,
                                        connections,
                                        size,
                                        processes.get(i).pid(),
                                        1,
                                        slice));
                    }
                    if (doHandshakes) {
                        add(
                                handshakes[i],
                                runHandshakes(
                                        ports.get(i),
                                        client,
                                        concurrency,
                                        processes.get(i).pid(),
                                        1,
                                        slice));
                    }
                }
            }
            List<Result> results = new ArrayList<>();
            for (int i = 0; i < servers.size(); i++) {
                double mb = echo[i][0] * size / 1e6;
                Result r = new Result(
                        servers.get(i),
                        mb / echo[i][2],
                        echo[i][1] * 1e3 / mb,
                        handshakes[i][0] / handshakes[i][2],
                        handshakes[i][1] * 1e3 / handshakes[i][0]);
                results.add(r);
                System.out.printf(
                        Locale.ROOT,
                        "  %-9s echo %8.1f MB/s, server CPU %6.2f ms/MB; handshakes %,8.0f /s, server CPU %6.3f ms each%n",
                        r.server(),
                        r.mbPerSecond(),
                        r.cpuMsPerMb(),
                        r.handshakesPerSecond(),
                        r.cpuMsPerHandshake());
            }
            printTable(results);
        } finally {
            for (Process process : processes) {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }

    private static void add(double[] total, double[] slice) {
        for (int i = 0; i < total.length; i++) {
            total[i] += slice[i];
        }
    }

    private static double[] runEcho(
            int port, SslContext client, int connections, int size, long pid, double settle, double seconds)
            throws Exception {
        try (TlsLoad load = new TlsLoad(port, client)) {
            load.echo(connections, size);
            return measure(load, pid, settle, seconds);
        }
    }

    private static double[] runHandshakes(
            int port, SslContext client, int concurrency, long pid, double settle, double seconds) throws Exception {
        try (TlsLoad load = new TlsLoad(port, client)) {
            load.handshakes(concurrency);
            return measure(load, pid, settle, seconds);
        }
    }

    /** {operations, server CPU seconds, elapsed seconds} over the measured window. */
    private static double[] measure(TlsLoad load, long pid, double warmup, double duration) throws Exception {
        Thread.sleep((long) (warmup * 1000));
        long before = load.completed.get();
        long[] cpuBefore = EchoBenchmark.cpuTicks(pid);
        long start = System.nanoTime();
        Thread.sleep((long) (duration * 1000));
        long ops = load.completed.get() - before;
        long[] cpuAfter = EchoBenchmark.cpuTicks(pid);
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = (cpuAfter[0] - cpuBefore[0] + cpuAfter[1] - cpuBefore[1]) / CLOCK_TICKS;
        return new double[] {ops, cpu, elapsed};
    }

    private static Process start(String server, Path pem, Map<String, String> options) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of(option(options, "jvm-args").trim().split("\\s+")));
        String main = switch (server) {
            case "jtwisted", "jtwisted-pool", "jtwisted-inline" -> JTwistedTlsEchoServer.class.getName();
            case "netty" -> NettyTlsEchoServer.class.getName();
            default ->
                throw new IllegalArgumentException(
                        "unknown server '" + server + "' (known: jtwisted, jtwisted-pool, jtwisted-inline, netty)");
        };
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main, pem.toString(), "0"));
        switch (server) {
            case "jtwisted-pool" -> command.add("0"); // every delegated task on the thread pool
            case "jtwisted-inline" -> command.add("1"); // every delegated task on the reactor thread
            default -> {}
        }
        return new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private static void printTable(List<Result> results) {
        if (results.isEmpty()) {
            return;
        }
        Result base = results.get(0);
        System.out.println();
        System.out.println("| server | echo MB/s | server CPU ms/MB | this ÷ " + base.server()
                + " (CPU/MB) | handshakes/s | server CPU ms/handshake | " + base.server() + " ÷ this (handshakes/s) |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Result r : results) {
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %.1f | %.2f | %.2f× | %,.0f | %.3f | %.2f× |%n",
                    r.server(),
                    r.mbPerSecond(),
                    r.cpuMsPerMb(),
                    r.cpuMsPerMb() / base.cpuMsPerMb(),
                    r.handshakesPerSecond(),
                    r.cpuMsPerHandshake(),
                    base.handshakesPerSecond() / r.handshakesPerSecond());
        }
    }

    /** The value of option {@code name}: main puts a default for every option before it reads any. */
    private static String option(Map<String, String> options, String name) {
        return Objects.requireNonNull(options.get(name), name);
    }
}
