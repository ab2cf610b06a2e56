package io.jtwisted.names.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.address.IPAddress;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.endpoints.Endpoints;
import io.jtwisted.internet.endpoints.HostnameEndpoint;
import io.jtwisted.internet.interfaces.IConnector;
import io.jtwisted.internet.interfaces.IHostnameResolver;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.protocol.ClientFactory;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.names.common.IResolver;
import io.jtwisted.names.common.LookupResult;
import io.jtwisted.names.dns.Dns;
import io.jtwisted.names.dns.RRHeader;
import io.jtwisted.names.dns.RecordA;
import io.jtwisted.names.error.DNSNameError;
import io.jtwisted.python.failure.Failure;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A reactor with {@link HostnameResolver} installed ({@code installNameResolver}, Twisted's
 * {@code IReactorPluggableNameResolver}) resolves names for {@code connectTCP} and
 * {@code HostnameEndpoint} through JTwisted's DNS client instead of the system's lookup. The
 * resolver here answers "service.test" with 127.0.0.1 and knows no other name: a connection that
 * reaches the server can only have been resolved through it.
 */
class ConnectByNameTest {
    private final Reactor reactor = Reactor.create();
    private IListeningPort port;

    private static IResolver serviceTestOnly() {
        return (query, timeout) -> query.name().toString().equals("service.test") && query.type() == Dns.A
                ? Deferred.succeed(
                        LookupResult.ofAnswers(List.of(RRHeader.of("service.test", RecordA.of("127.0.0.1"), 60))))
                : Deferred.fail(new DNSNameError(query.name().toString(), null));
    }

    /** Runs the reactor until {@code done} fires (10 s at most). */
    private void runUntil(Deferred<?> done) {
        done.addBoth(result -> {
            reactor.stop();
            return result;
        });
        var guard = reactor.callLater(10, reactor::stop);
        reactor.run(false);
        if (guard.active()) {
            guard.cancel();
        }
        assertThat(done.called()).as("done within 10 s").isTrue();
    }

    @AfterEach
    void closeThePort() {
        if (port != null) {
            port.stopListening();
        }
    }

    @Test
    void connectTCPByNameUsesTheInstalledResolver() {
        port = reactor.listenTCP(0, Factory.forProtocol(Protocol::new), 50, "127.0.0.1");
        IHostnameResolver previous = reactor.installNameResolver(new HostnameResolver(serviceTestOnly()));
        assertThat(previous).isNotNull();
        Deferred<String> made = new Deferred<>();
        List<String> events = new ArrayList<>();
        reactor.connectTCP(
                "service.test",
                IPAddress.portOf(port),
                new ClientFactory(() -> new Protocol() {
                    @Override
                    public void connectionMade() {
                        made.callback(transport().getPeer().toString());
                        transport().loseConnection();
                    }
                }) {
                    @Override
                    public void clientConnectionFailed(IConnector connector, Failure reason) {
                        events.add("failed: " + reason.getErrorMessage());
                        made.callback("failed");
                    }
                });
        runUntil(made);
        assertThat(events).isEmpty();
        assertThat(made.currentResult())
                .asString()
                .contains("127.0.0.1")
                .contains(Integer.toString(IPAddress.portOf(port)));
    }

    @Test
    void aNameTheResolverDoesNotKnowFailsTheConnectWithADnsLookupError() {
        reactor.installNameResolver(new HostnameResolver(serviceTestOnly()));
        Deferred<String> outcome = new Deferred<>();
        reactor.connectTCP("localhost", 9, new ClientFactory(Protocol::new) {
            @Override
            public void clientConnectionFailed(IConnector connector, Failure reason) {
                outcome.callback(reason.type().getSimpleName() + ": " + reason.getErrorMessage());
            }
        });
        runUntil(outcome);
        // "localhost" would resolve through the system; through the installed resolver it does not.
        assertThat(outcome.currentResult())
                .asString()
                .startsWith("DNSLookupError: ")
                .contains("localhost");
    }

    @Test
    void hostnameEndpointUsesTheInstalledResolver() {
        port = reactor.listenTCP(0, Factory.forProtocol(Protocol::new), 50, "127.0.0.1");
        reactor.installNameResolver(new HostnameResolver(serviceTestOnly()));
        Protocol client = new Protocol();
        Deferred<String> peer = Endpoints.connectProtocol(
                        new HostnameEndpoint<>(reactor, "service.test", IPAddress.portOf(port)), client)
                .addCallback(connected -> {
                    String address = connected.transport().getPeer().toString();
                    connected.transport().loseConnection();
                    return address;
                });
        runUntil(peer);
        assertThat(peer.currentResult()).asString().contains("127.0.0.1");
    }
}
