package io.jtwisted.trial.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.testing.StringTransport;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Unit tests of the calculation server: bytes in through dataReceived, bytes out in a StringTransport. */
class RemoteCalculationTest {
    private RemoteCalculationProtocol proto;
    private StringTransport tr;

    @BeforeEach
    void setUp() {
        Factory factory = Factory.forProtocol(RemoteCalculationProtocol::new);
        proto = (RemoteCalculationProtocol) factory.buildProtocol(null);
        tr = new StringTransport();
        proto.makeConnection(tr);
    }

    private void check(String operation, int a, int b, String expected) {
        proto.dataReceived((operation + " " + a + " " + b + "\r\n").getBytes(StandardCharsets.UTF_8));
        assertThat(tr.valueString()).isEqualTo(expected + "\r\n");
    }

    @Test
    void add() {
        check("add", 7, 6, "13");
    }

    @Test
    void subtract() {
        check("subtract", 82, 78, "4");
    }

    @Test
    void multiply() {
        check("multiply", 2, 8, "16");
    }

    @Test
    void divide() {
        check("divide", 14, 3, "4");
    }

    @Test
    void unknownOperationIsAnError() {
        check("power", 2, 8, "error");
    }

    @Test
    void divisionByZeroIsAnError() {
        check("divide", 1, 0, "error");
    }

    @Test
    void severalLinesInOneSegmentAreAllAnswered() {
        proto.dataReceived("add 1 2\r\nmultiply 3 4\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(tr.valueString()).isEqualTo("3\r\n12\r\n");
    }
}
