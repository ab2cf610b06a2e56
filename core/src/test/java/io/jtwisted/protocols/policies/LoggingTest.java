package io.jtwisted.protocols.policies;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.testing.StringTransportWithDisconnection;
import io.jtwisted.logger.ILogObserver;
import io.jtwisted.logger.LogEvent;
import io.jtwisted.logger.LogPublisher;
import io.jtwisted.protocols.policies.Helpers.EchoProtocol;
import io.jtwisted.protocols.policies.Helpers.SimpleProtocol;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Port of twisted.test.test_policies.LoggingFactoryTests (test_thingsGetLogged, test_counter,
 * test_loggingFactoryOpensLogfileAutomatically: all of them), plus SpewingFactory (untested in
 * Twisted).
 */
class LoggingTest {
    private static final IPv4Address ADDRESS = new IPv4Address("TCP", "1.2.3.4", 5678);

    /** Echoes, using writeSequence when the data contains "vector!". */
    static class WriteSequenceEchoProtocol extends EchoProtocol {
        @Override
        public void dataReceived(byte[] data) {
            if (new String(data, StandardCharsets.ISO_8859_1).contains("vector!")) {
                transport.writeSequence(List.of(data));
            } else {
                super.dataReceived(data);
            }
        }
    }

    static class TestLoggingFactory extends TrafficLoggingFactory {
        final List<String> opened = new ArrayList<>();
        StringWriter openFile;

        TestLoggingFactory(IProtocolFactory wrapped, Integer lengthLimit) {
            super(wrapped, "test", lengthLimit);
        }

        @Override
        protected Writer open(String name) {
            opened.add(name);
            openFile = new StringWriter();
            return openFile;
        }
    }

    @Test
    void trafficIsLoggedInTwistedsFormat() {
        TestLoggingFactory f = new TestLoggingFactory(Factory.forProtocol(WriteSequenceEchoProtocol::new), null);
        StringTransportWithDisconnection t = new StringTransportWithDisconnection();
        TrafficLoggingProtocol p = (TrafficLoggingProtocol) f.buildProtocol(ADDRESS);
        t.setProtocol(p);
        p.makeConnection(t);
        assertThat(f.openFile.toString()).contains("*");
        assertThat(t.value()).isEmpty();

        p.dataReceived("here are some bytes".getBytes(StandardCharsets.US_ASCII));
        assertThat(f.openFile.toString()).contains("C 1: b'here are some bytes'", "S 1: b'here are some bytes'");
        assertThat(t.valueString()).isEqualTo("here are some bytes");

        t.clear();
        p.dataReceived("prepare for vector! to the extreme".getBytes(StandardCharsets.US_ASCII));
        assertThat(f.openFile.toString()).contains("SV 1: [b'prepare for vector! to the extreme']");
        assertThat(t.valueString()).isEqualTo("prepare for vector! to the extreme");

        p.loseConnection();
        assertThat(f.openFile.toString()).contains("S 1: *", "ConnectionDone");
    }

    @Test
    void longDataIsElidedAndBytesAreShownAsPythonLiterals() {
        TestLoggingFactory f = new TestLoggingFactory(Factory.forProtocol(SimpleProtocol::new), 20);
        TrafficLoggingProtocol p = (TrafficLoggingProtocol) f.buildProtocol(ADDRESS);
        p.makeConnection(new StringTransportWithDisconnection());
        p.dataReceived("0123456789abcdefghijKLMN".getBytes(StandardCharsets.US_ASCII));
        p.dataReceived(new byte[] {'\r', '\n', 0, (byte) 0xff, '\''});
        assertThat(f.openFile.toString()).contains("C 1: b'01234567<... elided>'", "C 1: b\"\\r\\n\\x00\\xff'\"");
    }

    @Test
    void connectionsAreNumberedUntilTheCounterIsReset() {
        TestLoggingFactory f = new TestLoggingFactory(Factory.forProtocol(EchoProtocol::new), null);
        assertThat(f.counter()).isZero();
        f.buildProtocol(ADDRESS);
        assertThat(f.counter()).isEqualTo(1);
        f.buildProtocol(new IPv4Address("TCP", "1.2.3.4", 5679));
        assertThat(f.counter()).isEqualTo(2);
        f.resetCounter();
        assertThat(f.counter()).isZero();
        assertThat(f.opened).containsExactly("test-1", "test-2");
    }

    @Test
    void eachConnectionGetsItsOwnLogFile(@TempDir Path dir) throws Exception {
        String prefix = dir.resolve("test").toString();
        TrafficLoggingFactory factory = new TrafficLoggingFactory(Factory.forProtocol(SimpleProtocol::new), prefix);
        TrafficLoggingProtocol first = (TrafficLoggingProtocol) factory.buildProtocol(ADDRESS);
        TrafficLoggingProtocol second = (TrafficLoggingProtocol) factory.buildProtocol(ADDRESS);
        first.makeConnection(new StringTransportWithDisconnection());
        second.makeConnection(new StringTransportWithDisconnection());
        first.dataReceived("one".getBytes(StandardCharsets.US_ASCII));
        assertThat(Files.readString(dir.resolve("test-1"))).isEqualTo("*\nC 1: b'one'\n");
        assertThat(Files.readString(dir.resolve("test-2"))).isEqualTo("*\n");
    }

    @Test
    void spewingFactoryLogsBothDirections() {
        List<LogEvent> events = new ArrayList<>();
        ILogObserver observer = events::add;
        LogPublisher.globalLogPublisher().addObserver(observer);
        try {
            SpewingFactory factory = new SpewingFactory(Factory.forProtocol(EchoProtocol::new));
            ProtocolWrapper p = (ProtocolWrapper) factory.buildProtocol(ADDRESS);
            p.makeConnection(new StringTransportWithDisconnection());
            p.dataReceived("hi\n".getBytes(StandardCharsets.US_ASCII));
        } finally {
            LogPublisher.globalLogPublisher().removeObserver(observer);
        }
        assertThat(events).extracting(LogEvent::message).contains("Received: b'hi\\n'", "Sending: b'hi\\n'");
    }
}
