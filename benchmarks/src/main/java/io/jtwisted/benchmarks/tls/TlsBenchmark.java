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
 *              [--servers jtwisted,netty] [--jvm-args "-Xms256m -Xmx256m"]
 * </pre>
 */
public final class TlsBenchmark {
    private static final double CLOCK_TICKS = 100.0;

    private TlsBenchmark() {
    }

    record Result(String server, double mbPerSecond, double cpuMsPerMb, double handshakesPerSecond, double cpuMsPerHandshake) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("connections", "64");
        options.put("size", "4096");
        options.put("concurrency", "16");
        options.put("warmup", "5");
        options.put("duration", "10");
        options.put("servers", "jtwisted,netty");
        options.put("jvm-args", "-Xms256m -Xmx256m");
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length || !options.containsKey(args[i].substring(2))) {
                System.err.println("usage: TlsBenchmark " + options.keySet().stream().map(k -> "[--" + k + " V]").toList());
                System.exit(2);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        int connections = Integer.parseInt(options.get("connections"));
        int size = Integer.parseInt(options.get("size"));
        int concurrency = Integer.parseInt(options.get("concurrency"));
        double warmup = Double.parseDouble(options.get("warmup"));
        double duration = Double.parseDouble(options.get("duration"));
        PrivateCertificate certificate = KeyPair.generate().selfSignedCert(1, "localhost");
        Path pem = Files.createTempFile("tls-benchmark", ".pem");
        pem.toFile().deleteOnExit();
        certificate.dumpPEMFile(pem);
        SslContext client = SslContextBuilder.forClient().sslProvider(SslProvider.JDK).protocols("TLSv1.3")
                .trustManager(certificate.x509()).endpointIdentificationAlgorithm(null).build(); // no host: nothing to resume
        System.out.printf(Locale.ROOT, "TLS benchmark: TLS 1.3, ECDSA P-256; echo %d connections x %d bytes; handshakes %d at a time;"
                + " warm-up %.0f s, measured %.0f s%n", connections, size, concurrency, warmup, duration);
        List<Result> results = new ArrayList<>();
        for (String server : options.get("servers").split(",")) {
            Process process = start(server.strip(), pem, options);
            try {
                int port = EchoBenchmark.awaitReady(process, server);
                double[] echo;
                try (TlsLoad load = new TlsLoad(port, client)) {
                    load.echo(connections, size);
                    echo = measure(load, process.pid(), warmup, duration);
                }
                double[] handshakes;
                try (TlsLoad load = new TlsLoad(port, client)) {
                    load.handshakes(concurrency);
                    handshakes = measure(load, process.pid(), warmup, duration);
                }
                double mb = echo[0] * size / 1e6;
                Result r = new Result(server, mb / echo[2], echo[1] * 1e3 / mb, handshakes[0] / handshakes[2],
                        handshakes[1] * 1e3 / handshakes[0]);
                results.add(r);
                System.out.printf(Locale.ROOT, "  %-9s echo %8.1f MB/s, server CPU %6.2f ms/MB; handshakes %,8.0f /s, server CPU %6.3f ms each%n",
                        server, r.mbPerSecond(), r.cpuMsPerMb(), r.handshakesPerSecond(), r.cpuMsPerHandshake());
            } finally {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
        printTable(results);
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
        command.addAll(List.of(options.get("jvm-args").trim().split("\\s+")));
        String main = switch (server) {
            case "jtwisted" -> JTwistedTlsEchoServer.class.getName();
            case "netty" -> NettyTlsEchoServer.class.getName();
            default -> throw new IllegalArgumentException("unknown server '" + server + "' (known: jtwisted, netty)");
        };
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main, pem.toString(), "0"));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static void printTable(List<Result> results) {
        if (results.isEmpty()) {
            return;
        }
        Result base = results.get(0);
        System.out.println();
        System.out.println("| server | echo MB/s | server CPU ms/MB | this ÷ " + base.server() + " (CPU/MB) | handshakes/s | server CPU ms/handshake | "
                + base.server() + " ÷ this (handshakes/s) |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.2f | %.2f× | %,.0f | %.3f | %.2f× |%n", r.server(), r.mbPerSecond(), r.cpuMsPerMb(),
                    r.cpuMsPerMb() / base.cpuMsPerMb(), r.handshakesPerSecond(), r.cpuMsPerHandshake(),
                    base.handshakesPerSecond() / r.handshakesPerSecond());
        }
    }
}
