package io.jtwisted.benchmarks.protocols;

import io.jtwisted.internet.testing.StringTransport;
import io.jtwisted.protocols.basic.LineOnlyReceiver;
import io.jtwisted.protocols.basic.LineReceiver;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Line parsing throughput: a 64 MiB stream of 80-byte lines (78 bytes and {@code \r\n}) fed in
 * 16 KiB chunks to {@link LineOnlyReceiver}, {@link LineReceiver}, and, as the peer measured in the
 * same run, Netty's {@link LineBasedFrameDecoder} in an {@link EmbeddedChannel} (lines as ByteBuf
 * slices, released by the consumer). Every line is handed to a Blackhole. Score: milliseconds per
 * 64 MiB pass; GB/s = 67.1 / score.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class LineParsingBenchmark {
    static final int TOTAL = 64 * 1024 * 1024;
    static final int CHUNK = 16 * 1024;
    static final int LINE = 80;

    @SuppressWarnings("NullAway.Init") // set in @Setup
    byte[][] chunks;

    @Setup
    public void prepare() {
        byte[] stream = new byte[TOTAL];
        for (int i = 0; i < TOTAL; i++) {
            int inLine = i % LINE;
            stream[i] =
                    inLine == LINE - 2 ? (byte) '\r' : inLine == LINE - 1 ? (byte) '\n' : (byte) ('a' + inLine % 26);
        }
        chunks = new byte[TOTAL / CHUNK][];
        for (int c = 0; c < chunks.length; c++) {
            chunks[c] = java.util.Arrays.copyOfRange(stream, c * CHUNK, (c + 1) * CHUNK);
        }
    }

    static final class OnlyLines extends LineOnlyReceiver {
        @SuppressWarnings("NullAway.Init") // set by the benchmark before any data comes
        Blackhole hole;

        @Override
        public void lineReceived(byte[] line) {
            hole.consume(line);
        }
    }

    static final class Lines extends LineReceiver {
        @SuppressWarnings("NullAway.Init") // set by the benchmark before any data comes
        Blackhole hole;

        @Override
        public void lineReceived(byte[] line) {
            hole.consume(line);
        }
    }

    @Benchmark
    public void lineOnlyReceiver(Blackhole hole) {
        OnlyLines p = new OnlyLines();
        p.hole = hole;
        p.makeConnection(new StringTransport());
        for (byte[] chunk : chunks) {
            p.dataReceived(chunk);
        }
    }

    @Benchmark
    public void lineReceiver(Blackhole hole) {
        Lines p = new Lines();
        p.hole = hole;
        p.makeConnection(new StringTransport());
        for (byte[] chunk : chunks) {
            p.dataReceived(chunk);
        }
    }

    @Benchmark
    public void nettyLineBasedFrameDecoder(Blackhole hole) {
        EmbeddedChannel channel =
                new EmbeddedChannel(new LineBasedFrameDecoder(16384), new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        ByteBuf line = (ByteBuf) msg;
                        hole.consume(line.readableBytes());
                        line.release();
                    }
                });
        for (byte[] chunk : chunks) {
            channel.writeInbound(Unpooled.wrappedBuffer(chunk));
        }
        channel.finish();
    }
}
