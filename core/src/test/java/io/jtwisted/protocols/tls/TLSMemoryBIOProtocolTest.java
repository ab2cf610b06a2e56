package io.jtwisted.protocols.tls;

import static io.jtwisted.protocols.tls.TestCertificates.CLIENT;
import static io.jtwisted.protocols.tls.TestCertificates.OTHER_CA;
import static io.jtwisted.protocols.tls.TestCertificates.OTHER_HOST;
import static io.jtwisted.protocols.tls.TestCertificates.SERVER;
import static io.jtwisted.protocols.tls.TestCertificates.TRUST_CA;
import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.error.ConnectionDone;
import io.jtwisted.internet.error.ConnectionLost;
import io.jtwisted.internet.interfaces.IHalfCloseableProtocol;
import io.jtwisted.internet.interfaces.IHandshakeListener;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IPushProducer;
import io.jtwisted.internet.interfaces.ISSLTransport;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.ssl.CertificateOptions;
import io.jtwisted.internet.ssl.SSL;
import io.jtwisted.internet.ssl.TLSVersion;
import io.jtwisted.internet.task.Clock;
import io.jtwisted.internet.testing.AccumulatingProtocol;
import io.jtwisted.internet.testing.FakeTransport;
import io.jtwisted.internet.testing.IOSim;
import io.jtwisted.python.failure.Failure;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/**
 * TLSMemoryBIOProtocol over in-memory transports (IOSim), both ends JTwisted.
 *
 * <p>Ports of twisted/protocols/test/test_tls.py, TLSMemoryBIOTests: test_interfaces,
 * test_makeConnection, test_handshake, test_handshakeFailure, test_getPeerCertificate,
 * test_writeBeforeHandshake, test_writeAfterHandshake, test_writeSequence,
 * test_writeAfterLoseConnection, test_multipleWrites, test_hugeWrite, test_disorderlyShutdown,
 * test_loseConnectionAfterHandshake, test_connectionLostOnlyAfterUnderlyingCloses,
 * test_loseConnectionTwice, test_unexpectedEOF, test_abortConnection (AbortTests);
 * TLSProducerTests.test_streamingProducerPausedInNormalMode (paused before the handshake, resumed
 * after); handshake listener (IHandshakeListener tests). Not ported: getHandle, the pyOpenSSL
 * context-factory adapters, the unicode-write TypeError and circular-reference checks (Python-only);
 * the non-streaming _PullToPush tests (pull producers are handed to the transport unchanged, see
 * TlsOverTcpTest).
 */
class TLSMemoryBIOProtocolTest {
    /** Echoes, and records the reason it was disconnected. */
    static class Echo extends AccumulatingProtocol {
        @Override
        public void dataReceived(byte[] data) {
            super.dataReceived(data);
            transport.write(data);
        }
    }

    static class Greeter extends AccumulatingProtocol implements IHandshakeListener {
        boolean handshake;

        @Override
        public void connectionMade() {
            super.connectionMade();
            transport.write("hello before the handshake".getBytes(StandardCharsets.US_ASCII));
        }

        @Override
        public void handshakeCompleted() {
            handshake = true;
        }
    }

    private static io.jtwisted.internet.ssl.ClientTLSOptions clientOptions() {
        return SSL.optionsForClientTLS("localhost", TRUST_CA);
    }

    @Test
    void wrappedProtocolSeesAnSslTransportAndIsConnectedAtOnce() {
        AccumulatingProtocol server = new AccumulatingProtocol();
        AccumulatingProtocol client = new AccumulatingProtocol();
        TlsPair pair = TlsPair.connectNoPump(TestCertificates.serverOptions(), server, clientOptions(), client);
        assertThat(client.made()).isTrue();
        assertThat(client.transport()).isSameAs(pair.client).isInstanceOf(ISSLTransport.class);
        assertThat(pair.client.handshakeDone()).isFalse();
        pair.pump.flush();
        assertThat(pair.client.handshakeDone()).isTrue();
        assertThat(pair.server.handshakeDone()).isTrue();
    }

    @Test
    void dataWrittenBeforeTheHandshakeArrivesAfterIt() {
        Greeter client = new Greeter();
        AccumulatingProtocol server = new AccumulatingProtocol();
        TlsPair.connect(TestCertificates.serverOptions(), server, clientOptions(), client);
        assertThat(server.dataString()).isEqualTo("hello before the handshake");
        assertThat(client.handshake).isTrue();
    }

    @Test
    void echoAfterTheHandshakeAndWriteSequence() {
        AccumulatingProtocol client = new AccumulatingProtocol();
        TlsPair pair = TlsPair.connect(TestCertificates.serverOptions(), new Echo(), clientOptions(), client);
        pair.client.write("one ".getBytes(StandardCharsets.US_ASCII));
        pair.client.writeSequence(
                List.of("two ".getBytes(StandardCharsets.US_ASCII), "three".getBytes(StandardCharsets.US_ASCII)));
        pair.pump.flush();
        assertThat(client.dataString()).isEqualTo("one two three");
    }

    @Test
    void hugeAndManyWritesArriveIntactAndInOrder() {
        byte[] huge = new byte[3 * 1024 * 1024 + 17];
        for (int i = 0; i < huge.length; i++) {
            huge[i] = (byte) (i * 31 + (i >> 11));
        }
        AccumulatingProtocol client = new AccumulatingProtocol();
        TlsPair pair = TlsPair.connect(TestCertificates.serverOptions(), new Echo(), clientOptions(), client);
        pair.client.write(huge);
        for (int i = 0; i < 100; i++) {
            pair.client.write(new byte[] {(byte) i});
        }
        pair.pump.flush();
        byte[] got = client.data();
        assertThat(got).hasSize(huge.length + 100);
        assertThat(Arrays.copyOf(got, huge.length)).isEqualTo(huge);
        for (int i = 0; i < 100; i++) {
            assertThat(got[huge.length + i]).isEqualTo((byte) i);
        }
    }

    @Test
    void peerCertificateAndNegotiatedProtocolAfterTheHandshake() {
        CertificateOptions serverOptions = CertificateOptions.builder()
                .certificate(SERVER)
                .acceptableProtocols(List.of("h2", "http/1.1"))
                .build();
        AccumulatingProtocol client = new AccumulatingProtocol();
        TlsPair pair = TlsPair.connectNoPump(
                serverOptions,
                new AccumulatingProtocol(),
                SSL.optionsForClientTLS("localhost", TRUST_CA, null, List.of("http/1.1", "spdy/3")),
                client);
        assertThat(pair.client.getPeerCertificate()).isNull();
        assertThat(pair.client.negotiatedProtocol()).isNull();
        pair.pump.flush();
        assertThat(pair.client.getPeerCertificate()).isEqualTo(SERVER);
        assertThat(pair.server.getPeerCertificate())
                .as("no client certificate was asked for")
                .isNull();
        assertThat(pair.client.negotiatedProtocol()).isEqualTo("http/1.1");
        assertThat(pair.server.negotiatedProtocol()).isEqualTo("http/1.1");
    }

    @Test
    void noAlpnMeansNoNegotiatedProtocol() {
        TlsPair pair = TlsPair.connect(
                TestCertificates.serverOptions(),
                new AccumulatingProtocol(),
                clientOptions(),
                new AccumulatingProtocol());
        assertThat(pair.client.negotiatedProtocol()).isNull();
        assertThat(pair.server.negotiatedProtocol()).isNull();
    }

    @Test
    void untrustedServerCertificateFailsTheHandshakeNamingTheCause() {
        AccumulatingProtocol client = new AccumulatingProtocol();
        AccumulatingProtocol server = new AccumulatingProtocol();
        TlsPair.connect(
                TestCertificates.serverOptions(),
                server,
                SSL.optionsForClientTLS("localhost", SSL.trustRootFromCertificates(List.of(OTHER_CA))),
                client);
        assertThat(client.closed()).isTrue();
        assertThat(client.closedReason().value()).isInstanceOf(SSLHandshakeException.class);
        assertThat(client.closedReason().getErrorMessage()).contains("PKIX");
        assertThat(server.closed()).isTrue();
        assertThat(server.closedReason().value()).isInstanceOf(SSLException.class);
    }

    @Test
    void wrongHostNameFailsTheHandshakeNamingTheHost() {
        AccumulatingProtocol client = new AccumulatingProtocol();
        TlsPair.connect(
                CertificateOptions.forCertificate(OTHER_HOST), new AccumulatingProtocol(), clientOptions(), client);
        assertThat(client.closedReason().value()).isInstanceOf(SSLHandshakeException.class);
        assertThat(client.closedReason().getErrorMessage()).contains("localhost");
    }

    @Test
    void hostnameVerificationCanBeTurnedOffExplicitly() {
        AccumulatingProtocol client = new AccumulatingProtocol();
        TlsPair pair = TlsPair.connect(
                CertificateOptions.forCertificate(OTHER_HOST),
                new Echo(),
                clientOptions().insecurelyDisableHostnameVerification(),
                client);
        assertThat(pair.client.handshakeDone()).isTrue();
        assertThat(pair.client.getPeerCertificate()).isEqualTo(OTHER_HOST);
    }

    @Test
    void requiredClientCertificateMissingFailsBothSides() {
        CertificateOptions serverOptions = CertificateOptions.builder()
                .certificate(SERVER)
                .trustRoot(TRUST_CA)
                .build();
        AccumulatingProtocol server = new AccumulatingProtocol();
        AccumulatingProtocol client = new AccumulatingProtocol();
        TlsPair.connect(serverOptions, server, clientOptions(), client);
        assertThat(server.closedReason().value()).isInstanceOf(SSLHandshakeException.class);
        assertThat(server.closedReason().getErrorMessage()).containsIgnoringCase("certificate");
        assertThat(server.data()).isEmpty();
        assertThat(client.closed()).isTrue();
        assertThat(client.closedReason().value()).isNotInstanceOf(ConnectionDone.class);
    }

    @Test
    void clientCertificateIsCheckedAndSeenByTheServer() {
        CertificateOptions serverOptions = CertificateOptions.builder()
                .certificate(SERVER)
                .trustRoot(TRUST_CA)
                .build();
        AccumulatingProtocol client = new AccumulatingProtocol();
        TlsPair pair = TlsPair.connect(
                serverOptions, new Echo(), SSL.optionsForClientTLS("localhost", TRUST_CA, CLIENT), client);
        assertThat(pair.server.getPeerCertificate()).isEqualTo(CLIENT);
        pair.client.write(new byte[] {1, 2, 3});
        pair.pump.flush();
        assertThat(client.data()).containsExactly(1, 2, 3);
    }

    @Test
    void serverPicksTheCertificateForTheSniHostName() {
        CertificateOptions serverOptions = CertificateOptions.builder()
                .certificate(SERVER)
                .sniCertificate("example.com", OTHER_HOST)
                .build();
        TlsPair named = TlsPair.connect(
                serverOptions,
                new Echo(),
                SSL.optionsForClientTLS("example.com", TRUST_CA),
                new AccumulatingProtocol());
        assertThat(named.client.getPeerCertificate()).isEqualTo(OTHER_HOST);
        TlsPair fallback = TlsPair.connect(serverOptions, new Echo(), clientOptions(), new AccumulatingProtocol());
        assertThat(fallback.client.getPeerCertificate()).isEqualTo(SERVER);
    }

    @Test
    void noCommonVersionFailsTheHandshake() {
        CertificateOptions serverOptions = CertificateOptions.builder()
                .certificate(SERVER)
                .raiseMinimumTo(TLSVersion.TLSv1_3)
                .build();
        CertificateOptions oldClient = CertificateOptions.builder()
                .trustRoot(TRUST_CA)
                .lowerMaximumSecurityTo(TLSVersion.TLSv1_2)
                .build();
        AccumulatingProtocol client = new AccumulatingProtocol();
        TlsPair.connect(serverOptions, new AccumulatingProtocol(), oldClient, client);
        assertThat(client.closedReason().value()).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void tls12WorksWhenTheServerAllowsIt() {
        CertificateOptions tls12 = CertificateOptions.builder()
                .trustRoot(TRUST_CA)
                .lowerMaximumSecurityTo(TLSVersion.TLSv1_2)
                .build();
        TlsPair pair = TlsPair.connect(TestCertificates.serverOptions(), new Echo(), tls12, new AccumulatingProtocol());
        assertThat(pair.client.engine().getSession().getProtocol()).isEqualTo("TLSv1.2");
        assertThat(pair.server.engine().getSession().getCipherSuite()).contains("GCM");
    }

    @Test
    void loseConnectionSendsEverythingThenCloseNotify() {
        AccumulatingProtocol client = new AccumulatingProtocol();
        AccumulatingProtocol server = new AccumulatingProtocol() {
            @Override
            public void connectionMade() {
                super.connectionMade();
                transport.write("bye".getBytes(StandardCharsets.US_ASCII));
                transport.loseConnection();
                transport.write("dropped after loseConnection".getBytes(StandardCharsets.US_ASCII));
                transport.loseConnection();
            }
        };
        TlsPair.connect(TestCertificates.serverOptions(), server, clientOptions(), client);
        assertThat(client.dataString()).isEqualTo("bye");
        assertThat(client.closedReason().value()).isInstanceOf(ConnectionDone.class);
        assertThat(server.closedReason().value()).isInstanceOf(ConnectionDone.class);
    }

    @Test
    void connectionLostOnlyAfterTheUnderlyingTransportCloses() {
        AccumulatingProtocol client = new AccumulatingProtocol();
        TlsPair pair = TlsPair.connect(TestCertificates.serverOptions(), new Echo(), clientOptions(), client);
        pair.client.loseConnection();
        assertThat(client.closed()).isFalse();
        assertThat(pair.clientIO.disconnecting()).isTrue();
        pair.pump.flush();
        assertThat(client.closedReason().value()).isInstanceOf(ConnectionDone.class);
    }

    @Test
    void closeWithoutCloseNotifyIsConnectionLost() {
        AccumulatingProtocol client = new AccumulatingProtocol();
        TlsPair pair =
                TlsPair.connect(TestCertificates.serverOptions(), new AccumulatingProtocol(), clientOptions(), client);
        pair.serverIO.loseConnection(); // under the TLS layer: no close_notify
        pair.pump.flush();
        assertThat(client.closedReason().value()).isInstanceOf(ConnectionLost.class);
        assertThat(client.closedReason().getErrorMessage()).contains("close_notify");
    }

    @Test
    void closeDuringTheHandshakeIsConnectionLost() {
        AccumulatingProtocol server = new AccumulatingProtocol();
        TlsPair pair = TlsPair.connectNoPump(
                TestCertificates.serverOptions(), server, clientOptions(), new AccumulatingProtocol());
        pair.pump.pump(); // ClientHello only
        pair.clientIO.loseConnection();
        pair.pump.flush();
        assertThat(server.closedReason().value()).isInstanceOf(ConnectionLost.class);
        assertThat(server.closedReason().getErrorMessage()).contains("handshake");
    }

    @Test
    void abortConnectionDoesNotWaitOrSendCloseNotify() {
        AccumulatingProtocol client = new AccumulatingProtocol();
        TlsPair pair =
                TlsPair.connect(TestCertificates.serverOptions(), new AccumulatingProtocol(), clientOptions(), client);
        pair.server.write("never sent".getBytes(StandardCharsets.US_ASCII));
        pair.clientIO.pending(); // nothing from the client
        int pendingBefore = pair.serverIO.pending().length;
        pair.client.abortConnection();
        pair.client.write("dropped".getBytes(StandardCharsets.US_ASCII));
        assertThat(pair.clientIO.pending()).isEmpty();
        assertThat(pair.clientIO.disconnecting()).isTrue();
        assertThat(pendingBefore).isPositive();
    }

    @Test
    void loseConnectionBeforeTheHandshakeWithNothingBufferedAborts() {
        AccumulatingProtocol client = new AccumulatingProtocol() {
            @Override
            public void connectionMade() {
                super.connectionMade();
                transport.loseConnection();
            }
        };
        TlsPair pair = TlsPair.connectNoPump(
                TestCertificates.serverOptions(), new AccumulatingProtocol(), clientOptions(), client);
        assertThat(pair.clientIO.disconnecting()).isTrue();
        assertThat(pair.clientIO.pending()).as("no ClientHello").isEmpty();
    }

    @Test
    void aPeerThatStopsMidHandshakeIsClosedAfterTheHandshakeTimeout() {
        Clock clock = new Clock();
        AccumulatingProtocol server = new AccumulatingProtocol();
        TLSMemoryBIOFactory factory = new TLSMemoryBIOFactory(
                        TestCertificates.serverOptions(), false, Factory.forProtocol(() -> server))
                .setHandshakeTimeout(10, clock);
        IProtocol wrapper = factory.buildProtocol(null);
        FakeTransport serverIO = IOSim.makeFakeServer(wrapper);
        wrapper.makeConnection(serverIO);
        wrapper.dataReceived(new byte[] {0x16, 0x03, 0x01}); // the start of a ClientHello, then nothing
        clock.advance(9.9);
        assertThat(serverIO.disconnecting()).isFalse();
        clock.advance(0.2);
        assertThat(serverIO.disconnecting()).isTrue();
        wrapper.connectionLost(new Failure(new ConnectionDone()));
        assertThat(server.closedReason().value()).isInstanceOf(SSLHandshakeException.class);
        assertThat(server.closedReason().getErrorMessage()).contains("did not complete within 10");
    }

    @Test
    void aCompletedHandshakeCancelsItsTimeout() {
        Clock clock = new Clock();
        AccumulatingProtocol server = new AccumulatingProtocol();
        TLSMemoryBIOFactory serverFactory = new TLSMemoryBIOFactory(
                        TestCertificates.serverOptions(), false, Factory.forProtocol(() -> server))
                .setHandshakeTimeout(10, clock);
        TLSMemoryBIOFactory clientFactory =
                new TLSMemoryBIOFactory(clientOptions(), true, Factory.forProtocol(AccumulatingProtocol::new));
        var s = serverFactory.buildProtocol(null);
        var c = clientFactory.buildProtocol(null);
        var pump = IOSim.connect(s, IOSim.makeFakeServer(s), c, IOSim.makeFakeClient(c), false, true);
        assertThat(((TLSMemoryBIOProtocol) s).handshakeDone()).isTrue();
        assertThat(clock.getDelayedCalls()).isEmpty();
        clock.advance(60);
        assertThat(pump.serverTransport().disconnecting()).isFalse();
    }

    @Test
    void garbageInsteadOfTlsFailsThatConnection() {
        AccumulatingProtocol server = new AccumulatingProtocol();
        TlsPair pair = TlsPair.connectNoPump(
                TestCertificates.serverOptions(), server, clientOptions(), new AccumulatingProtocol());
        pair.server.dataReceived("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(pair.serverIO.disconnecting()).isTrue();
        pair.pump.flush();
        assertThat(server.closedReason().value()).isInstanceOf(SSLException.class);
        assertThat(server.data()).isEmpty();
    }

    @Test
    void corruptRecordAfterTheHandshakeFailsTheConnection() {
        AccumulatingProtocol server = new AccumulatingProtocol();
        TlsPair pair =
                TlsPair.connect(TestCertificates.serverOptions(), server, clientOptions(), new AccumulatingProtocol());
        pair.client.write("secret".getBytes(StandardCharsets.US_ASCII));
        byte[] record = pair.clientIO.pending();
        record[record.length - 1] ^= 1; // break the record's authentication tag
        pair.server.dataReceived(record);
        assertThat(pair.serverIO.disconnecting()).isTrue();
        assertThat(server.data()).isEmpty();
        assertThat(pair.server.handshakeDone()).isTrue();
    }

    @Test
    void recordsSplitAtEveryByteAreReassembled() {
        AccumulatingProtocol server = new AccumulatingProtocol();
        TlsPair pair =
                TlsPair.connect(TestCertificates.serverOptions(), server, clientOptions(), new AccumulatingProtocol());
        pair.client.write("split across many reads".getBytes(StandardCharsets.US_ASCII));
        byte[] wire = pair.clientIO.pending();
        for (byte b : wire) {
            pair.server.dataReceived(new byte[] {b});
        }
        assertThat(server.dataString()).isEqualTo("split across many reads");
    }

    @Test
    void streamingProducerIsPausedUntilTheHandshakeCompletes() {
        List<String> events = new ArrayList<>();
        IPushProducer producer = new IPushProducer() {
            @Override
            public void pauseProducing() {
                events.add("pause");
            }

            @Override
            public void resumeProducing() {
                events.add("resume");
            }

            @Override
            public void stopProducing() {
                events.add("stop");
            }
        };
        AccumulatingProtocol client = new AccumulatingProtocol() {
            @Override
            public void connectionMade() {
                super.connectionMade();
                ((ISSLTransport) transport).registerProducer(producer, true);
            }
        };
        TlsPair pair = TlsPair.connectNoPump(
                TestCertificates.serverOptions(), new AccumulatingProtocol(), clientOptions(), client);
        assertThat(events).containsExactly("pause");
        assertThat(pair.clientIO.producer()).isNotNull();
        pair.pump.flush();
        assertThat(events).containsExactly("pause", "resume");
        pair.client.unregisterProducer();
        assertThat(pair.clientIO.producer()).isNull();
    }

    @Test
    void loseConnectionWaitsForTheProducerToUnregister() {
        AccumulatingProtocol client = new AccumulatingProtocol();
        TlsPair pair =
                TlsPair.connect(TestCertificates.serverOptions(), new AccumulatingProtocol(), clientOptions(), client);
        IPushProducer producer = new IdleProducer();
        pair.client.registerProducer(producer, true);
        pair.client.loseConnection();
        pair.client.write("still allowed".getBytes(StandardCharsets.US_ASCII));
        assertThat(pair.clientIO.disconnecting()).isFalse();
        pair.client.unregisterProducer();
        assertThat(pair.clientIO.disconnecting()).isTrue();
    }

    /** Half-close over TLS 1.3: each side's close_notify closes one direction. */
    static class HalfCloser extends AccumulatingProtocol implements IHalfCloseableProtocol {
        final List<String> events = new ArrayList<>();

        @Override
        public void readConnectionLost() {
            events.add("readConnectionLost");
            transport.write("reply after your close".getBytes(StandardCharsets.US_ASCII));
            transport.loseConnection();
        }

        @Override
        public void writeConnectionLost() {
            events.add("writeConnectionLost");
        }
    }

    @Test
    void halfCloseOverTls13() {
        HalfCloser server = new HalfCloser();
        HalfCloser client = new HalfCloser();
        TlsPair pair = TlsPair.connect(TestCertificates.serverOptions(), server, clientOptions(), client);
        pair.client.write("request".getBytes(StandardCharsets.US_ASCII));
        pair.client.loseWriteConnection();
        assertThat(client.events).containsExactly("writeConnectionLost");
        pair.pump.flush();
        assertThat(server.dataString()).isEqualTo("request");
        assertThat(server.events).containsExactly("readConnectionLost");
        assertThat(client.dataString()).isEqualTo("reply after your close");
        assertThat(client.closedReason().value()).isInstanceOf(ConnectionDone.class);
        assertThat(server.closedReason().value()).isInstanceOf(ConnectionDone.class);
    }

    @Test
    void factoryRefusesOptionsThatCannotServeItsSide() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        new TLSMemoryBIOFactory(clientOptions(), false, Factory.forProtocol(AccumulatingProtocol::new)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("server");
    }
}
