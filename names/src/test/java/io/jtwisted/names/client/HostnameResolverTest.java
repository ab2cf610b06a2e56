package io.jtwisted.names.client;

import static io.jtwisted.trial.Trial.failureResultOf;
import static io.jtwisted.trial.Trial.successResultOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.error.DNSLookupError;
import io.jtwisted.names.common.IResolver;
import io.jtwisted.names.common.LookupResult;
import io.jtwisted.names.dns.Dns;
import io.jtwisted.names.dns.RRHeader;
import io.jtwisted.names.dns.RecordA;
import io.jtwisted.names.dns.RecordAAAA;
import io.jtwisted.names.dns.RecordCNAME;
import io.jtwisted.names.error.DNSNameError;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link HostnameResolver}: the addresses a connect by name would use, from any resolver.
 * Modelled on Twisted's {@code test_resolver.SimpleResolverAdapterTests}/{@code GAIResolverTests}
 * (addresses of both families, nothing found is a DNSLookupError); the thread-pool cases do not
 * apply, since no thread is used.
 */
class HostnameResolverTest {
    private static IResolver answering(List<RRHeader> v4, List<RRHeader> v6) {
        return (query, timeout) -> {
            List<RRHeader> answers = query.type() == Dns.A ? v4 : v6;
            return answers == null
                    ? Deferred.fail(new DNSNameError(query.name().toString(), null))
                    : Deferred.succeed(LookupResult.ofAnswers(answers));
        };
    }

    @Test
    void givesIpv6AddressesThenIpv4Ones() throws Exception {
        HostnameResolver resolver = new HostnameResolver(answering(
                List.of(
                        RRHeader.of("www.example.com", RecordCNAME.of("web.example.com"), 60),
                        RRHeader.of("web.example.com", RecordA.of("10.0.0.80"), 60)),
                List.of(RRHeader.of("www.example.com", RecordAAAA.of("2001:db8::80"), 60))));
        assertThat(successResultOf(resolver.resolveHostName("www.example.com")))
                .containsExactly(InetAddress.getByName("2001:db8::80"), InetAddress.getByName("10.0.0.80"));
    }

    @Test
    void oneFamilyFailingStillGivesTheOther() throws Exception {
        HostnameResolver resolver = new HostnameResolver(
                answering(List.of(RRHeader.of("v4only.example.com", RecordA.of("192.0.2.1"), 60)), null));
        assertThat(successResultOf(resolver.resolveHostName("v4only.example.com")))
                .containsExactly(InetAddress.getByName("192.0.2.1"));
    }

    @Test
    void noAddressIsADnsLookupError() {
        HostnameResolver resolver = new HostnameResolver(answering(null, List.of()));
        failureResultOf(resolver.resolveHostName("nothing.example.com"), DNSLookupError.class);
    }
}
