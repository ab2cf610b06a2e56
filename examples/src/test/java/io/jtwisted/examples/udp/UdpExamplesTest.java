package io.jtwisted.examples.udp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.examples.ExampleProcess;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The UDP examples of the howtos, each in its own JVM, over real loopback sockets. */
class UdpExamplesTest {
    private static int portIn(String line) {
        return Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1));
    }

    @Test
    void udpEchoServerSendsEveryDatagramBackToItsSender() throws Exception {
        try (ExampleProcess server = ExampleProcess.start(UDPEchoServer.class, "0");
                DatagramChannel peer = DatagramChannel.open()) {
            String first = server.nextLine(30);
            assertThat(first).startsWith("UDPEchoServer listening on UDP port ");
            peer.bind(new InetSocketAddress("127.0.0.1", 0));
            peer.send(
                    ByteBuffer.wrap("hello, udp".getBytes(StandardCharsets.US_ASCII)),
                    new InetSocketAddress("127.0.0.1", portIn(first)));
            ByteBuffer answer = ByteBuffer.allocate(64);
            peer.receive(answer);
            assertThat(new String(answer.array(), 0, answer.position(), StandardCharsets.US_ASCII))
                    .isEqualTo("hello, udp");
            server.signal("INT");
            assertThat(server.waitForExit(20)).isZero();
        }
    }

    @Test
    void udpEchoClientPrintsTheAnswerOfTheEchoServer() throws Exception {
        try (ExampleProcess server = ExampleProcess.start(UDPEchoServer.class, "0")) {
            int port = portIn(server.nextLine(30));
            try (ExampleProcess client =
                    ExampleProcess.start(UDPEchoClient.class, "127.0.0.1", String.valueOf(port), "ping")) {
                assertThat(client.nextLine(30)).isEqualTo("now we can only send to host 127.0.0.1 port " + port);
                assertThat(client.nextLine(30)).isEqualTo("received ping");
                assertThat(client.waitForExit(20)).isZero();
            }
        }
    }

    @Test
    void udpEchoClientReportsThatNobodyListens() throws Exception {
        int nobody;
        try (DatagramChannel gone = DatagramChannel.open()) {
            gone.bind(new InetSocketAddress("127.0.0.1", 0));
            nobody = ((InetSocketAddress) gone.getLocalAddress()).getPort();
        }
        try (ExampleProcess client = ExampleProcess.start(UDPEchoClient.class, "127.0.0.1", String.valueOf(nobody))) {
            client.nextLine(30);
            assertThat(client.nextLine(30)).isEqualTo("No one listening");
            assertThat(client.waitForExit(20)).isZero();
        }
    }

    @Test
    void multicastClientPingsTheGroupAndTheServerPongsBack() throws Exception {
        try (ExampleProcess server = ExampleProcess.start(MulticastServer.class, "0", "228.0.0.5")) {
            // startProtocol (which joins) runs inside listenMulticast, before main prints the port.
            assertThat(server.nextLine(30)).isEqualTo("MulticastServer joined 228.0.0.5");
            int port = portIn(server.nextLine(30));
            try (ExampleProcess client =
                    ExampleProcess.start(MulticastClient.class, String.valueOf(port), "228.0.0.5")) {
                assertThat(client.nextLine(30))
                        .startsWith("Datagram \"Server: Pong\" received from IPv4Address(type='UDP', host='127.0.0.1'");
                assertThat(client.waitForExit(20)).isZero();
            }
            assertThat(server.nextLine(30))
                    .startsWith("Datagram \"Client: Ping\" received from IPv4Address(type='UDP'");
        }
    }

    @Test
    void socatGetsItsDatagramEchoedAsAThirdPeer() throws Exception {
        try (ExampleProcess server = ExampleProcess.start(UDPEchoServer.class, "0")) {
            int port = portIn(server.nextLine(30));
            Process socat = new ProcessBuilder("socat", "-T", "5", "-", "UDP:127.0.0.1:" + port)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            socat.getOutputStream().write("via socat\n".getBytes(StandardCharsets.US_ASCII));
            socat.getOutputStream().flush();
            byte[] answer = new byte[10];
            int n = socat.getInputStream().readNBytes(answer, 0, answer.length);
            socat.destroy();
            assertThat(new String(answer, 0, n, StandardCharsets.US_ASCII)).isEqualTo("via socat\n");
        }
    }
}
