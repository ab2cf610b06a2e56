package io.jtwisted.benchmarks.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntSupplier;
import java.util.stream.Stream;

/**
 * What the reliability benchmarks ask a server process on its standard input, one command a line,
 * each answered with one line on standard output: {@code HEAP} (heap in use after full
 * collections, bytes), {@code COUNT} (connections open now), {@code FDS} (open descriptors),
 * {@code THREADS} (live threads, daemons included), {@code CPU} (process CPU time, ms). End of input or {@code QUIT}
 * runs {@code onQuit}.
 */
final class Probe {
    private Probe() {}

    static void start(IntSupplier connections, Runnable onQuit) {
        Thread thread = new Thread(
                () -> {
                    try {
                        BufferedReader in =
                                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
                        String line;
                        while ((line = in.readLine()) != null && !line.equals("QUIT")) {
                            String answer = switch (line) {
                                case "HEAP" -> "HEAP " + heapAfterGc();
                                case "COUNT" -> "COUNT " + connections.getAsInt();
                                case "FDS" -> "FDS " + openDescriptors();
                                case "THREADS" ->
                                    "THREADS "
                                            + ManagementFactory.getThreadMXBean()
                                                    .getThreadCount();
                                case "CPU" -> "CPU " + processCpuMillis();
                                default -> "UNKNOWN " + line;
                            };
                            System.out.println(answer);
                            System.out.flush();
                        }
                    } catch (IOException ignored) {
                        // the benchmark is gone: quit
                    }
                    onQuit.run();
                },
                "probe");
        thread.setDaemon(true);
        thread.start();
    }

    /** Heap in use once several full collections have run (a steadier figure than one). */
    static long heapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }

    static long openDescriptors() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count() - 1; // the listing's own descriptor
        } catch (IOException e) {
            return -1;
        }
    }

    static long processCpuMillis() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1_000_000;
        }
        return -1;
    }
}
