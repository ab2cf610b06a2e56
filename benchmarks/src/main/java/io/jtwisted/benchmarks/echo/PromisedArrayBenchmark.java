package io.jtwisted.benchmarks.echo;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the array that {@code dataReceived} promises costs by itself: the bytes of one read, in the
 * reactor's direct read buffer, copied into a fresh {@code byte[]} of exactly their length (what
 * the TCP transport does per read) against the same copy into one array used again and again (what
 * a server without that promise, such as the C floor or the buffer-level path, can do).
 *
 * <p>The difference is the allocation: a fresh array is zeroed and filled in memory the allocator
 * has not touched since the last young collection, so with a young generation larger than the
 * caches each of its cache lines is a miss. Score: nanoseconds per message.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms256m", "-Xmx256m"}) // the heap echo.sh gives every Java server
@SuppressWarnings("NullAway.Init") // set in @Setup
public class PromisedArrayBenchmark {
    @Param({"64", "4096"})
    int size;

    private ByteBuffer readBuffer;
    private byte[] reused;

    @Setup
    public void setUp() {
        readBuffer = ByteBuffer.allocateDirect(64 * 1024);
        reused = new byte[size];
    }

    /** The transport's path: a new array of exactly the bytes read, filled from the read buffer. */
    @Benchmark
    public byte[] freshArray() {
        readBuffer.clear().limit(size);
        byte[] data = new byte[size];
        readBuffer.get(data);
        return data;
    }

    /** The same copy into an array that stays in cache: the promise's cost is the difference. */
    @Benchmark
    public byte[] reusedArray() {
        readBuffer.clear().limit(size);
        readBuffer.get(reused);
        return reused;
    }
}
