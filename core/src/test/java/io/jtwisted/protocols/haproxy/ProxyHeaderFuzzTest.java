package io.jtwisted.protocols.haproxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.internet.testing.StringTransportWithDisconnection;
import io.jtwisted.python.failure.Failure;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Fuzz targets for the PROXY header parsers and the wrapper that uses them. Each input is a stream
 * (the first bytes of a connection) and a segmentation of it; each target checks:
 *
 * <ul>
 *   <li><b>Segmentation does not matter:</b> the outcome (a header with its addresses and the bytes
 *       after it, a refusal, or "still waiting") is the same whether the stream arrives whole or in the
 *       fuzzed pieces; for the wrapper, so are the wrapped protocol's events and addresses.</li>
 *   <li><b>Only {@link InvalidProxyHeader} escapes</b> {@code feed}, and nothing escapes the wrapper's
 *       {@code dataReceived}.</li>
 *   <li><b>Memory is bounded:</b> a version 1 parser keeps under 107 bytes, a version 2 parser at most
 *       the 16 + 65535 its length field allows.</li>
 *   <li><b>A parsed version 1 header round-trips:</b> writing its addresses back as a header line and
 *       parsing that gives the same addresses.</li>
 * </ul>
 *
 * <p>Every test run replays the committed inputs under {@code ProxyHeaderFuzzTestInputs/}; to fuzz
 * one target for a while: {@code benchmarks/fuzz ProxyHeaderFuzzTest#v2Parser 1800}.
 */
class ProxyHeaderFuzzTest {
    /** The fuzzer's input: up to 32 cut points (taken from the end), then the stream. */
    @SuppressWarnings("ArrayRecordComponent") // one fuzzer input, never compared
    private record Input(byte[] stream, int[] cuts) {
        static Input from(FuzzedDataProvider data) {
            int cutCount = data.consumeInt(0, 32);
            int[] cuts = new int[cutCount];
            for (int i = 0; i < cutCount; i++) {
                cuts[i] = data.consumeInt(0, Integer.MAX_VALUE);
            }
            byte[] stream = data.consumeRemainingAsBytes();
            for (int i = 0; i < cutCount; i++) {
                cuts[i] = cuts[i] % (stream.length + 1);
            }
            Arrays.sort(cuts);
            return new Input(stream, cuts);
        }
    }

    /** Feeds {@code stream} cut at {@code cuts} and describes the outcome. */
    private static String outcome(Supplier<IProxyParser> make, byte[] stream, int[] cuts, int bound) {
        IProxyParser parser = make.get();
        int from = 0;
        for (int i = 0; i <= cuts.length; i++) {
            int to = i < cuts.length ? cuts[i] : stream.length;
            IProxyParser.Parsed parsed;
            try {
                parsed = parser.feed(Arrays.copyOfRange(stream, from, to));
            } catch (InvalidProxyHeader e) {
                return "refused";
            }
            if (parsed != null) {
                // The bytes after the header: the rest of this piece and every later one.
                byte[] after = concat(parsed.remaining(), Arrays.copyOfRange(stream, to, stream.length));
                return "header " + parsed.info().source() + " " + parsed.info().destination() + " "
                        + parsed.info().header().length + " then " + Arrays.toString(after);
            }
            int kept = parser instanceof V1Parser v1 ? v1.buffered() : ((V2Parser) parser).buffered();
            assertThat(kept).as("bytes kept after %d of %d", to, stream.length).isLessThanOrEqualTo(bound);
            from = to;
        }
        return "waiting";
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void checkSegmentation(Supplier<IProxyParser> make, FuzzedDataProvider data, int bound) {
        Input input = Input.from(data);
        String whole = outcome(make, input.stream(), new int[0], bound);
        assertThat(outcome(make, input.stream(), input.cuts(), bound))
                .as("outcome with the stream cut at %s", Arrays.toString(input.cuts()))
                .isEqualTo(whole);
    }

    @FuzzTest(maxDuration = "10s")
    void v1Parser(FuzzedDataProvider data) {
        Input input = Input.from(data);
        String whole = outcome(V1Parser::new, input.stream(), new int[0], V1Parser.MAX_LENGTH - 1);
        assertThat(outcome(V1Parser::new, input.stream(), input.cuts(), V1Parser.MAX_LENGTH - 1))
                .as("outcome with the stream cut at %s", Arrays.toString(input.cuts()))
                .isEqualTo(whole);
        roundTripV1(input.stream());
    }

    /** A header V1Parser accepts, written back from its addresses, parses to the same addresses. */
    private static void roundTripV1(byte[] stream) {
        IProxyParser.Parsed parsed;
        try {
            parsed = new V1Parser().feed(stream);
        } catch (InvalidProxyHeader e) {
            return;
        }
        if (parsed == null || parsed.info().source() == null) {
            return;
        }
        IAddress source = parsed.info().source();
        IAddress destination = parsed.info().destination();
        String family = source instanceof IPv4Address ? "TCP4" : "TCP6";
        String line = "PROXY " + family + " " + host(source) + " " + host(destination) + " " + port(source) + " "
                + port(destination);
        try {
            ProxyInfo again = new V1Parser().parse(line.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(again.source()).isEqualTo(source);
            assertThat(again.destination()).isEqualTo(destination);
        } catch (InvalidProxyHeader e) {
            throw new AssertionError("the header written back from " + parsed.info() + " is refused: " + line, e);
        }
    }

    private static String host(IAddress address) {
        return address instanceof IPv4Address v4
                ? v4.host()
                : ((io.jtwisted.internet.address.IPv6Address) address).host();
    }

    private static int port(IAddress address) {
        return address instanceof IPv4Address v4
                ? v4.port()
                : ((io.jtwisted.internet.address.IPv6Address) address).port();
    }

    @FuzzTest(maxDuration = "10s")
    void v2Parser(FuzzedDataProvider data) {
        checkSegmentation(V2Parser::new, data, V2Parser.FIXED_LENGTH + 65535);
    }

    /** Records its events and the addresses it sees. */
    private static final class Recorder extends Protocol {
        final List<String> events = new ArrayList<>();
        final ByteArrayOutputStream data = new ByteArrayOutputStream();

        @Override
        public void connectionMade() {
            events.add("made peer=" + transport.getPeer() + " host=" + transport.getHost());
        }

        @Override
        public void dataReceived(byte[] bytes) {
            data.writeBytes(bytes);
        }

        @Override
        public void connectionLost(Failure reason) {
            events.add("lost");
        }
    }

    private static List<String> wrapperEvents(byte[] stream, int[] cuts) {
        HAProxyWrappingFactory factory = new HAProxyWrappingFactory(Factory.forProtocol(Recorder::new));
        HAProxyProtocolWrapper wrapper =
                (HAProxyProtocolWrapper) factory.buildProtocol(StringTransportWithDisconnection.DEFAULT_PEER);
        Recorder recorder = (Recorder) wrapper.wrappedProtocol();
        StringTransportWithDisconnection transport = new StringTransportWithDisconnection();
        transport.setProtocol(wrapper);
        wrapper.makeConnection(transport);
        int from = 0;
        for (int i = 0; i <= cuts.length && transport.connected(); i++) {
            int to = i < cuts.length ? cuts[i] : stream.length;
            wrapper.dataReceived(Arrays.copyOfRange(stream, from, to));
            from = to;
        }
        List<String> events = new ArrayList<>(recorder.events);
        events.add("data " + Arrays.toString(recorder.data.toByteArray()));
        events.add(transport.connected() ? "open" : "closed");
        return events;
    }

    @FuzzTest(maxDuration = "10s")
    void wrapper(FuzzedDataProvider data) {
        Input input = Input.from(data);
        List<String> whole = wrapperEvents(input.stream(), new int[0]);
        assertThat(wrapperEvents(input.stream(), input.cuts()))
                .as("events with the stream cut at %s", Arrays.toString(input.cuts()))
                .isEqualTo(whole);
    }
}
