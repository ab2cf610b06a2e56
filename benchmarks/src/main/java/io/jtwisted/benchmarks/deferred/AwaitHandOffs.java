package io.jtwisted.benchmarks.deferred;

import io.jtwisted.internet.Reactor;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A small driver for {@link AwaitBenchmark}'s unfired sequences, outside JMH, for two jobs JMH does
 * badly here:
 *
 * <ul>
 *   <li>{@code count VARIANT SEQUENCES}: runs one variant ({@code platform}: await with the reactor
 *       on a platform thread; {@code virtual}: the reactor on a virtual thread; {@code vertx}:
 *       Vert.x's {@code Future.await}) 20 000 times to warm up, prints {@code start}, runs it
 *       {@code SEQUENCES} times and prints the time per sequence. Run it under
 *       {@code strace -c -f} or {@code perf stat} twice (with 0 and with N sequences) and divide
 *       the difference by N × 11 for system calls and context switches per await.
 *   <li>{@code rounds SEQUENCES ROUNDS}: the three variants in one JVM, interleaved round by round,
 *       each round timing {@code SEQUENCES} sequences of each; prints each variant's median, minimum
 *       and maximum microseconds per sequence. On a shared machine the load changes from second to
 *       second; interleaving exposes every variant to the same changes. Two more rows time
 *       what running the loop on a virtual thread costs elsewhere: one {@code callFromThread}
 *       round trip from this thread into the idle reactor and back ({@code wake-platform},
 *       {@code wake-virtual}), the path every I/O wake-up of an idle loop takes too.
 * </ul>
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.jtwisted.benchmarks.deferred.AwaitHandOffs rounds 3000 30}.
 */
public final class AwaitHandOffs {
    private static final int WARMUP = 20_000;

    private AwaitHandOffs() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3 || !(args[0].equals("count") || args[0].equals("rounds"))) {
            System.err.println("usage: AwaitHandOffs count platform|virtual|vertx SEQUENCES"
                    + " | AwaitHandOffs rounds SEQUENCES ROUNDS");
            System.exit(2);
        }
        Reactor platform = Reactor.create();
        Thread platformThread =
                AwaitBenchmark.startReactor(platform, Thread.ofPlatform().name("reactor"));
        Reactor virtual = Reactor.create();
        Thread virtualThread =
                AwaitBenchmark.startReactor(virtual, Thread.ofVirtual().name("virtual-reactor"));
        Vertx vertx = Vertx.vertx();
        Context context = AwaitBenchmark.virtualThreadContext(vertx);
        Map<String, Callable<Object>> variants = new LinkedHashMap<>();
        variants.put("platform", () -> AwaitBenchmark.awaitOn(platform));
        variants.put("virtual", () -> AwaitBenchmark.awaitOn(virtual));
        variants.put("vertx", () -> AwaitBenchmark.vertxAwaitOn(context));
        try {
            Map<String, Callable<Object>> wakes = new LinkedHashMap<>();
            wakes.put("wake-platform", () -> roundTrip(platform));
            wakes.put("wake-virtual", () -> roundTrip(virtual));
            if (args[0].equals("count")) {
                Callable<Object> variant = variants.get(args[1]);
                if (variant == null) {
                    throw new IllegalArgumentException("variant: platform, virtual or vertx, not " + args[1]);
                }
                count(args[1], variant, Integer.parseInt(args[2]));
            } else {
                Map<String, Callable<Object>> all = new LinkedHashMap<>(variants);
                all.putAll(wakes);
                rounds(all, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            }
        } finally {
            platform.callFromThread(platform::stop);
            virtual.callFromThread(virtual::stop);
            platformThread.join(10_000);
            virtualThread.join(10_000);
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static void count(String name, Callable<Object> variant, int sequences) throws Exception {
        repeat(variant, WARMUP);
        System.out.println("start");
        double micros = repeat(variant, sequences);
        System.out.printf(Locale.ROOT, "%s: %d sequences, %.2f us per sequence%n", name, sequences, micros);
    }

    private static void rounds(Map<String, Callable<Object>> variants, int sequences, int rounds) throws Exception {
        Map<String, List<Double>> times = new LinkedHashMap<>();
        for (Map.Entry<String, Callable<Object>> variant : variants.entrySet()) {
            repeat(variant.getValue(), WARMUP);
            times.put(variant.getKey(), new ArrayList<>());
        }
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, Callable<Object>> variant : variants.entrySet()) {
                // every variant's list was put in before the first round
                Objects.requireNonNull(times.get(variant.getKey())).add(repeat(variant.getValue(), sequences));
            }
        }
        System.out.printf(
                Locale.ROOT,
                "us per sequence of %d awaits (wake-*: per round trip), %d rounds of %d each:%n",
                AwaitBenchmark.STEPS + 1,
                rounds,
                sequences);
        for (Map.Entry<String, List<Double>> variant : times.entrySet()) {
            List<Double> sorted = new ArrayList<>(variant.getValue());
            sorted.sort(null);
            System.out.printf(
                    Locale.ROOT,
                    "%-9s median %7.1f  min %7.1f  max %7.1f%n",
                    variant.getKey(),
                    sorted.get(sorted.size() / 2),
                    sorted.get(0),
                    sorted.get(sorted.size() - 1));
        }
    }

    /** One call into the idle reactor from this thread, and its answer back. */
    private static Object roundTrip(Reactor reactor) throws Exception {
        CompletableFuture<Object> answered = new CompletableFuture<>();
        reactor.callFromThread(() -> answered.complete(reactor));
        return answered.get();
    }

    /** Runs {@code variant} {@code times} times; returns the mean microseconds per run. */
    private static double repeat(Callable<Object> variant, int times) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < times; i++) {
            variant.call();
        }
        return times == 0 ? 0 : (System.nanoTime() - start) / 1e3 / times;
    }
}
