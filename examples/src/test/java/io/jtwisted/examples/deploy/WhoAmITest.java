package io.jtwisted.examples.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.examples.ExampleProcess;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** WhoAmI in its own JVM, driven over loopback with the bytes a load balancer would send. */
class WhoAmITest {
    static String exchange(int port, String send) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(send.getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static int portIn(String line) {
        return Integer.parseInt(line.substring(line.lastIndexOf("port ") + 5).strip());
    }

    @Test
    void behindAProxyTheClientIsTheHeadersSource() throws Exception {
        try (ExampleProcess example = ExampleProcess.start(WhoAmI.class, "haproxy:tcp:0:interface=127.0.0.1")) {
            String first = example.nextLine(30);
            assertThat(first).startsWith("WhoAmI listening on port ");
            assertThat(exchange(portIn(first), "PROXY TCP4 203.0.113.7 127.0.0.1 4242 80\r\n"))
                    .isEqualTo("you are 203.0.113.7 port 4242\r\n");
            example.signal("TERM");
            assertThat(example.waitForExit(20)).isZero();
        }
    }

    @Test
    void onAPlainPortTheClientIsTheConnectionsPeer() throws Exception {
        try (ExampleProcess example = ExampleProcess.start(WhoAmI.class, "tcp:0:interface=127.0.0.1")) {
            assertThat(exchange(portIn(example.nextLine(30)), "")).startsWith("you are 127.0.0.1 port ");
        }
    }
}
