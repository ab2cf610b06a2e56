package io.jtwisted.names.resolve;

import static io.jtwisted.trial.Trial.failureResultOf;
import static io.jtwisted.trial.Trial.successResultOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.names.common.IResolver;
import io.jtwisted.names.common.LookupResult;
import io.jtwisted.names.dns.Dns;
import io.jtwisted.names.dns.Query;
import io.jtwisted.names.dns.RRHeader;
import io.jtwisted.names.dns.RecordA;
import io.jtwisted.names.error.AuthoritativeDomainError;
import io.jtwisted.names.error.DNSNameError;
import io.jtwisted.names.error.DNSServerError;
import io.jtwisted.names.error.NotResponsibleError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ResolverChain}, ported from Twisted's {@code test_resolve} ({@code test_emptyResolversList},
 * {@code test_lookupAddress}: the first answer wins, a DomainError moves on). The points where it
 * differs from Twisted's (an authority's NXDOMAIN ends the chain; REFUSED-worthy failures are told
 * apart) are pinned too.
 */
class ResolverChainTest {
    private final List<String> asked = new ArrayList<>();
    private final Query query = Query.of("example.com", Dns.A);

    private IResolver answering(String label, Deferred<LookupResult> result) {
        return (q, timeout) -> {
            asked.add(label);
            return result;
        };
    }

    private static LookupResult one(String address) {
        return LookupResult.ofAnswers(List.of(RRHeader.of("example.com", RecordA.of(address), 60)));
    }

    @Test
    void anEmptyChainIsNotResponsible() {
        failureResultOf(new ResolverChain(List.of()).query(query), NotResponsibleError.class);
    }

    @Test
    void theFirstAnswerWinsAndLaterResolversAreNotAsked() {
        ResolverChain chain = new ResolverChain(List.of(
                answering("a", Deferred.succeed(one("1.1.1.1"))), answering("b", Deferred.succeed(one("2.2.2.2")))));
        assertThat(successResultOf(chain.query(query)).answers().get(0).payload())
                .isEqualTo(RecordA.of("1.1.1.1"));
        assertThat(asked).containsExactly("a");
    }

    @Test
    void aDomainErrorPassesTheQueryOn() {
        ResolverChain chain = new ResolverChain(List.of(
                answering("a", Deferred.fail(new NotResponsibleError("example.com"))),
                answering("b", Deferred.fail(new DNSNameError("example.com", null))),
                answering("c", Deferred.succeed(one("3.3.3.3")))));
        assertThat(successResultOf(chain.query(query)).answers()).hasSize(1);
        assertThat(asked).containsExactly("a", "b", "c");
    }

    @Test
    void anAuthoritativeNxdomainEndsTheChain() {
        ResolverChain chain = new ResolverChain(List.of(
                answering("a", Deferred.fail(new AuthoritativeDomainError("example.com"))),
                answering("b", Deferred.succeed(one("2.2.2.2")))));
        failureResultOf(chain.query(query), AuthoritativeDomainError.class);
        assertThat(asked).containsExactly("a");
    }

    @Test
    void otherFailuresEndTheChain() {
        ResolverChain chain = new ResolverChain(List.of(
                answering("a", Deferred.fail(new IllegalStateException("broken"))),
                answering("b", Deferred.succeed(one("2.2.2.2")))));
        failureResultOf(chain.query(query), IllegalStateException.class);
    }

    @Test
    void theMostTellingDomainErrorIsKept() {
        ResolverChain chain = new ResolverChain(List.of(
                answering("a", Deferred.fail(new DNSServerError("example.com", null))),
                answering("b", Deferred.fail(new NotResponsibleError("example.com")))));
        failureResultOf(chain.query(query), DNSServerError.class);
    }

    @Test
    void aResolverThatThrowsFailsTheLookupInsteadOfThrowing() {
        IResolver throwing = (q, timeout) -> {
            throw new IllegalStateException("bug in a resolver");
        };
        failureResultOf(new ResolverChain(List.of(throwing)).query(query), IllegalStateException.class);
    }
}
