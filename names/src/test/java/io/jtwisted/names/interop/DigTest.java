package io.jtwisted.names.interop;

import static io.jtwisted.trial.Trial.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IUDPTransport;
import io.jtwisted.names.authority.BindAuthority;
import io.jtwisted.names.dns.DNSDatagramProtocol;
import io.jtwisted.names.server.DNSServerFactory;
import io.jtwisted.trial.TrialExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real {@code dig} (dnsutils) against the JTwisted server on 127.0.0.1, over TCP: answers with
 * AA, NXDOMAIN and NODATA with the SOA, REFUSED outside the zone, EDNS, several queries on one
 * connection ({@code +keepopen}), and a zone transfer; over UDP: answers, truncation at 512 octets
 * or the EDNS buffer size ({@code +bufsize}) then dig's retry over TCP, a malformed datagram
 * dropped while the server goes on. Skipped only where dig is not installed
 * ({@code .ci/run} installs it).
 */
@ExtendWith(TrialExtension.class)
@Timeout(60)
class DigTest {
    private final Reactor reactor = Reactor.create();
    private IListeningPort port;
    private IUDPTransport udpPort;

    @BeforeAll
    static void requireDig() {
        Assumptions.assumeTrue(Peers.installed("dig", "-v"), "dig is not installed");
    }

    @BeforeEach
    void listen() throws Exception {
        BindAuthority zone = new BindAuthority(Path.of(
                DigTest.class.getResource("/io/jtwisted/names/example.com.zone").toURI()));
        DNSServerFactory factory =
                new DNSServerFactory(List.of(zone), List.of(), List.of()).allowTransfersFrom("127.0.0.1");
        port = reactor.listenTCP(0, factory, 50, "127.0.0.1");
        udpPort = reactor.listenUDP(
                ((IPv4Address) port.getHost()).port(), new DNSDatagramProtocol(factory), "127.0.0.1", 65535);
    }

    @AfterEach
    void stop() {
        await(reactor, port.stopListening());
        await(reactor, udpPort.stopListening());
    }

    private String dig(String... args) {
        return digOver("+tcp", args);
    }

    private String digUdp(String... args) {
        return digOver("+notcp", args);
    }

    private String digOver(String transport, String... args) {
        List<String> command = new ArrayList<>(List.of(
                "dig",
                "@127.0.0.1",
                "-p",
                Integer.toString(((IPv4Address) port.getHost()).port()),
                transport,
                "+time=5",
                "+tries=1"));
        command.addAll(List.of(args));
        return await(reactor, Peers.run(command));
    }

    @Test
    void anAnswerIsAuthoritativeAndComplete() {
        String out = dig("web.example.com", "A");
        assertThat(out)
                .contains("status: NOERROR")
                .containsPattern("flags: qr aa rd;")
                .containsPattern("web\\.example\\.com\\.\\s+3600\\s+IN\\s+A\\s+10\\.0\\.0\\.80")
                .containsPattern("web\\.example\\.com\\.\\s+3600\\s+IN\\s+A\\s+10\\.0\\.0\\.81");
        assertThat(dig("+short", "www.example.com", "A").lines().toList())
                .containsExactly("web.example.com.", "10.0.0.80", "10.0.0.81");
    }

    @Test
    void nxdomainAndNodataCarryTheSoa() {
        assertThat(dig("missing.example.com", "A"))
                .contains("status: NXDOMAIN")
                .containsPattern("flags: qr aa rd;")
                .containsPattern("example\\.com\\.\\s+300\\s+IN\\s+SOA\\s+ns1\\.example\\.com\\. hostmaster");
        assertThat(dig("b.c.example.com", "A"))
                .contains("status: NOERROR")
                .contains("ANSWER: 0")
                .containsPattern("IN\\s+SOA");
    }

    @Test
    void namesOutsideTheZoneAreRefused() {
        assertThat(dig("example.org", "A")).contains("status: REFUSED");
    }

    @Test
    void ednsIsAnsweredWithAnOptRecord() {
        assertThat(dig("+edns=0", "+bufsize=1232", "mail.example.com", "MX"))
                .contains("OPT PSEUDOSECTION")
                .contains("EDNS: version: 0")
                .contains("udp: 4096");
        assertThat(dig("+noedns", "mail.example.com", "A")).doesNotContain("OPT PSEUDOSECTION");
    }

    @Test
    void everyTypeReadsBackAsDigPrintsIt() {
        assertThat(dig("+short", "example.com", "MX").strip()).isEqualTo("10 mail.example.com.");
        assertThat(dig("+short", "example.com", "TXT").strip()).isEqualTo("\"v=spf1 mx -all\" \"second string\"");
        assertThat(dig("+short", "_sip._udp.example.com", "SRV").strip()).isEqualTo("10 5 5060 sip.example.com.");
        assertThat(dig("+short", "mail.example.com", "AAAA").strip()).isEqualTo("2001:db8::25");
        assertThat(dig("+short", "example.com", "CAA").strip()).isEqualTo("0 issue \"ca.example.net\"");
        assertThat(dig("+short", "naptr.example.com", "NAPTR").strip())
                .isEqualTo("100 10 \"S\" \"SIP+D2U\" \"\" _sip._udp.example.com.");
        assertThat(dig("+short", "opaque.example.com", "TYPE65280").strip()).isEqualTo("\\# 3 010203");
    }

    @Test
    void severalQueriesShareOneConnection() {
        String out = dig("+keepopen", "web.example.com", "A", "mail.example.com", "A", "sip.example.com", "A");
        assertThat(out.split("status: NOERROR", -1)).hasSize(4);
        assertThat(out).contains("10.0.0.80").contains("10.0.0.25").contains("10.0.0.60");
    }

    @Test
    void aZoneTransferListsTheZoneBetweenTwoSoas() {
        String out = dig("example.com", "AXFR");
        List<String> soas = out.lines()
                .filter(l -> l.matches("example\\.com\\.\\s+\\d+\\s+IN\\s+SOA.*"))
                .toList();
        assertThat(soas).hasSize(2);
        assertThat(out).contains("ns.sub.example.com.").contains("10.0.0.99");
    }

    @Test
    void overUdpAnAnswerIsAuthoritative() {
        String out = digUdp("web.example.com", "A");
        assertThat(out)
                .contains("status: NOERROR")
                .containsPattern("flags: qr aa rd;")
                .contains("10.0.0.80")
                .contains("(UDP)");
        assertThat(digUdp("example.org", "A")).contains("status: REFUSED");
    }

    @Test
    void overUdpAnAnswerTooBigForTheBufferIsTruncatedThenDigRetriesOverTcp() {
        String truncated = digUdp("+ignore", "+bufsize=1232", "big.example.com", "TXT");
        assertThat(truncated).containsPattern("flags: qr aa tc rd;");
        assertThat(truncated).contains("MSG SIZE  rcvd: ").doesNotContain("\"15 ");
        String retried = digUdp("+bufsize=1232", "big.example.com", "TXT");
        assertThat(retried)
                .contains("Truncated, retrying in TCP mode")
                .contains("ANSWER: 16")
                .contains("(TCP)");
        String plain512 = digUdp("+ignore", "+noedns", "big.example.com", "TXT");
        int size = Integer.parseInt(plain512.replaceAll("(?s).*MSG SIZE  rcvd: (\\d+).*", "$1"));
        assertThat(size).isLessThanOrEqualTo(512);
    }

    @Test
    void overUdpAnEdnsBufferBigEnoughGetsTheWholeAnswer() {
        String out = digUdp("+bufsize=4096", "big.example.com", "TXT");
        assertThat(out).contains("ANSWER: 16").doesNotContain("Truncated").contains("udp: 4096");
    }

    @Test
    void aMalformedDatagramIsDroppedAndTheServerGoesOn() throws Exception {
        try (java.net.DatagramSocket socket =
                new java.net.DatagramSocket(0, java.net.InetAddress.getByName("127.0.0.1"))) {
            byte[] garbage = {0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, (byte) 0xC0, 12, 0, 1, 0, 1};
            socket.send(new java.net.DatagramPacket(
                    garbage,
                    garbage.length,
                    java.net.InetAddress.getByName("127.0.0.1"),
                    ((IPv4Address) port.getHost()).port()));
        }
        assertThat(digUdp("web.example.com", "A")).contains("status: NOERROR");
    }
}
