package io.jtwisted.benchmarks.dns;

import io.jtwisted.names.dns.Dns;
import io.jtwisted.names.dns.Message;
import io.jtwisted.names.dns.Query;
import io.jtwisted.names.dns.RRHeader;
import io.jtwisted.names.dns.RecordA;
import io.jtwisted.names.dns.RecordCNAME;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DefaultDnsRawRecord;
import io.netty.handler.codec.dns.DnsQuestion;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsRecordDecoder;
import io.netty.handler.codec.dns.DnsRecordEncoder;
import io.netty.handler.codec.dns.DnsRecordType;
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
 * The DNS codec on a server's hot path: decoding a query and encoding its answer (a CNAME and two
 * A records, with compression), against Netty's DNS codec ({@code DnsRecordDecoder} /
 * {@code DnsRecordEncoder}, header fields read and written by hand as Netty's datagram codecs do;
 * Netty does not compress names). Score: nanoseconds per operation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@SuppressWarnings("NullAway.Init") // every field is set in @Setup
public class DnsCodecBenchmark {
    private byte[] queryWire;
    private Message response;
    private ByteBuf nettyQuery;
    private DnsQuestion nettyQuestion;
    private DnsRecord[] nettyAnswers;

    @Setup
    public void setUp() {
        Message query = Message.query(0x1234, Query.of("www.example.com", Dns.A));
        queryWire = query.toBytes();
        response = Message.responseTo(query).auth(true);
        response.answers().add(RRHeader.of("www.example.com", RecordCNAME.of("web.example.com"), 300));
        response.answers().add(RRHeader.of("web.example.com", RecordA.of("10.0.0.80"), 300));
        response.answers().add(RRHeader.of("web.example.com", RecordA.of("10.0.0.81"), 300));
        nettyQuery = Unpooled.wrappedBuffer(queryWire);
        nettyQuestion = new DefaultDnsQuestion("www.example.com.", DnsRecordType.A);
        byte[] cname = new byte[] {3, 'w', 'e', 'b', 7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 3, 'c', 'o', 'm', 0};
        nettyAnswers = new DnsRecord[] {
            new DefaultDnsRawRecord("www.example.com.", DnsRecordType.CNAME, 300, Unpooled.wrappedBuffer(cname)),
            new DefaultDnsRawRecord(
                    "web.example.com.", DnsRecordType.A, 300, Unpooled.wrappedBuffer(new byte[] {10, 0, 0, 80})),
            new DefaultDnsRawRecord(
                    "web.example.com.", DnsRecordType.A, 300, Unpooled.wrappedBuffer(new byte[] {10, 0, 0, 81}))
        };
    }

    @Benchmark
    public Message jtwistedDecodeQuery() {
        return Message.fromBytes(queryWire);
    }

    @Benchmark
    public byte[] jtwistedEncodeAnswer() {
        return response.toBytes(512);
    }

    @Benchmark
    public void nettyDecodeQuery(Blackhole hole) throws Exception {
        ByteBuf buf = nettyQuery.duplicate();
        hole.consume(buf.readUnsignedShort()); // id
        hole.consume(buf.readUnsignedShort()); // flags
        int questions = buf.readUnsignedShort();
        buf.skipBytes(6);
        for (int i = 0; i < questions; i++) {
            hole.consume(DnsRecordDecoder.DEFAULT.decodeQuestion(buf));
        }
    }

    @Benchmark
    public byte[] nettyEncodeAnswer() throws Exception {
        ByteBuf buf = Unpooled.buffer(512);
        buf.writeShort(0x1234)
                .writeShort(0x8500)
                .writeShort(1)
                .writeShort(nettyAnswers.length)
                .writeShort(0)
                .writeShort(0);
        DnsRecordEncoder.DEFAULT.encodeQuestion(nettyQuestion, buf);
        for (DnsRecord answer : nettyAnswers) {
            DnsRecordEncoder.DEFAULT.encodeRecord(answer, buf);
        }
        byte[] out = new byte[buf.readableBytes()];
        buf.readBytes(out);
        return out;
    }
}
