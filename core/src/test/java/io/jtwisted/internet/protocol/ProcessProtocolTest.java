package io.jtwisted.internet.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.interfaces.IProcessProtocol;
import io.jtwisted.python.failure.Failure;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dispatch of {@link ProcessProtocol}. Ported from twisted/test/test_process.py
 * ProcessProtocolTests: test_interface (as the type), test_outReceived, test_errReceived,
 * test_inConnectionLost, test_outConnectionLost, test_errConnectionLost, each against a protocol
 * whose other methods fail (Twisted's StubProcessProtocol). Nothing was left out.
 */
class ProcessProtocolTest {
    /** Every event fails unless a test overrides it: only the method under test may be reached. */
    private static class StubProcessProtocol extends ProcessProtocol {
        @Override
        public void outReceived(byte[] data) {
            throw new UnsupportedOperationException("outReceived");
        }

        @Override
        public void errReceived(byte[] data) {
            throw new UnsupportedOperationException("errReceived");
        }

        @Override
        public void inConnectionLost() {
            throw new UnsupportedOperationException("inConnectionLost");
        }

        @Override
        public void outConnectionLost() {
            throw new UnsupportedOperationException("outConnectionLost");
        }

        @Override
        public void errConnectionLost() {
            throw new UnsupportedOperationException("errConnectionLost");
        }
    }

    @Test
    void aProcessProtocolIsAnIProcessProtocol() {
        assertThat(new ProcessProtocol()).isInstanceOf(IProcessProtocol.class);
    }

    @Test
    void stdoutDataGoesToOutReceived() {
        List<byte[]> received = new ArrayList<>();
        ProcessProtocol p = new StubProcessProtocol() {
            @Override
            public void outReceived(byte[] data) {
                received.add(data);
            }
        };
        byte[] bytes = {'b', 'y', 't', 'e', 's'};
        p.childDataReceived(1, bytes);
        assertThat(received).containsExactly(bytes);
    }

    @Test
    void stderrDataGoesToErrReceived() {
        List<byte[]> received = new ArrayList<>();
        ProcessProtocol p = new StubProcessProtocol() {
            @Override
            public void errReceived(byte[] data) {
                received.add(data);
            }
        };
        byte[] bytes = {'b', 'y', 't', 'e', 's'};
        p.childDataReceived(2, bytes);
        assertThat(received).containsExactly(bytes);
    }

    @Test
    void dataFromAnotherDescriptorIsIgnored() {
        new StubProcessProtocol().childDataReceived(3, new byte[] {1});
    }

    @Test
    void closingDescriptorZeroGoesToInConnectionLost() {
        List<String> lost = new ArrayList<>();
        ProcessProtocol p = new StubProcessProtocol() {
            @Override
            public void inConnectionLost() {
                lost.add("in");
            }
        };
        p.childConnectionLost(0);
        assertThat(lost).containsExactly("in");
    }

    @Test
    void closingDescriptorOneGoesToOutConnectionLost() {
        List<String> lost = new ArrayList<>();
        ProcessProtocol p = new StubProcessProtocol() {
            @Override
            public void outConnectionLost() {
                lost.add("out");
            }
        };
        p.childConnectionLost(1);
        assertThat(lost).containsExactly("out");
    }

    @Test
    void closingDescriptorTwoGoesToErrConnectionLost() {
        List<String> lost = new ArrayList<>();
        ProcessProtocol p = new StubProcessProtocol() {
            @Override
            public void errConnectionLost() {
                lost.add("err");
            }
        };
        p.childConnectionLost(2);
        assertThat(lost).containsExactly("err");
    }

    @Test
    void processEndedMarksTheProtocolDisconnected() {
        ProcessProtocol p = new ProcessProtocol();
        p.connected = true;
        p.processExited(new Failure(new RuntimeException("exited")));
        assertThat(p.connected()).isTrue();
        p.processEnded(new Failure(new RuntimeException("ended")));
        assertThat(p.connected()).isFalse();
    }
}
