package io.jtwisted.names.cache;

import static io.jtwisted.trial.Trial.failureResultOf;
import static io.jtwisted.trial.Trial.successResultOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.task.Clock;
import io.jtwisted.names.common.LookupResult;
import io.jtwisted.names.dns.Dns;
import io.jtwisted.names.dns.Name;
import io.jtwisted.names.dns.Query;
import io.jtwisted.names.dns.RRHeader;
import io.jtwisted.names.dns.RecordA;
import io.jtwisted.names.dns.RecordSOA;
import io.jtwisted.names.error.AuthoritativeDomainError;
import io.jtwisted.names.error.NotResponsibleError;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link CacheResolver}, ported from Twisted's {@code test_cache}: {@code test_cachedResultExpires},
 * {@code test_expiredTTLLookup}, {@code test_lookup} (TTLs lowered by the time in the cache) and
 * {@code test_constantEntryCount}-like replacement. Not ported: {@code test_interface} (Java's
 * type system holds it). Negative caching (RFC 2308) is new here.
 */
class CacheResolverTest {
    private final Clock clock = new Clock();
    private final CacheResolver cache = new CacheResolver(clock);
    private final Query query = Query.of("example.com", Dns.A);

    private static final RRHeader SOA =
            RRHeader.of("example.com", new RecordSOA(Name.of("ns"), Name.of("admin"), 1, 2, 3, 4, 30), 120);

    @Test
    void aCachedAnswerComesBackWithItsTtlLowered() {
        cache.cacheResult(
                query,
                new LookupResult(
                        List.of(RRHeader.of("example.com", RecordA.of("1.2.3.4"), 60)),
                        List.of(RRHeader.of("example.com", RecordA.of("1.2.3.5"), 50)),
                        List.of()));
        clock.advance(10);
        LookupResult result = successResultOf(cache.query(query));
        assertThat(result.answers().get(0).ttl()).isEqualTo(50);
        assertThat(result.authority().get(0).ttl()).isEqualTo(40);
        assertThat(result.answers().get(0).auth()).isFalse();
    }

    @Test
    void anEntryExpiresWithItsShortestTtl() {
        cache.cacheResult(
                query,
                new LookupResult(
                        List.of(
                                RRHeader.of("example.com", RecordA.of("1.2.3.4"), 60),
                                RRHeader.of("example.com", RecordA.of("1.2.3.5"), 20)),
                        List.of(),
                        List.of()));
        clock.advance(19);
        successResultOf(cache.query(query));
        clock.advance(1);
        failureResultOf(cache.query(query), NotResponsibleError.class);
        assertThat(cache.size()).isZero();
        assertThat(clock.getDelayedCalls()).isEmpty();
    }

    @Test
    void aMissIsNotResponsibleSoTheChainGoesOn() {
        failureResultOf(cache.query(query), NotResponsibleError.class);
    }

    @Test
    void nodataIsCachedForTheSoaMinimum() {
        cache.cacheResult(query, new LookupResult(List.of(), List.of(SOA), List.of()));
        clock.advance(29);
        assertThat(successResultOf(cache.query(query)).answers()).isEmpty();
        clock.advance(1);
        failureResultOf(cache.query(query), NotResponsibleError.class);
    }

    @Test
    void nxdomainIsCachedForTheLesserOfSoaTtlAndMinimum() {
        cache.cacheNameError(query, List.of(SOA.withTtl(10)));
        clock.advance(5);
        AuthoritativeDomainError error =
                (AuthoritativeDomainError) failureResultOf(cache.query(query), AuthoritativeDomainError.class)
                        .value();
        assertThat(error.authority().get(0).ttl()).isEqualTo(5);
        clock.advance(5);
        failureResultOf(cache.query(query), NotResponsibleError.class);
    }

    @Test
    void negativeAnswersWithoutAnSoaAndZeroTtlsAreNotCached() {
        cache.cacheResult(query, LookupResult.EMPTY);
        cache.cacheNameError(query, List.of());
        cache.cacheResult(query, LookupResult.ofAnswers(List.of(RRHeader.of("example.com", RecordA.of("1.2.3.4"), 0))));
        assertThat(cache.size()).isZero();
        assertThat(clock.getDelayedCalls()).isEmpty();
    }

    @Test
    void cachingAgainReplacesTheEntryAndItsExpiry() {
        cache.cacheResult(
                query, LookupResult.ofAnswers(List.of(RRHeader.of("example.com", RecordA.of("1.2.3.4"), 10))));
        cache.cacheResult(
                query, LookupResult.ofAnswers(List.of(RRHeader.of("example.com", RecordA.of("5.6.7.8"), 100))));
        assertThat(clock.getDelayedCalls()).hasSize(1);
        clock.advance(50);
        assertThat(successResultOf(cache.query(query)).answers().get(0).payload())
                .isEqualTo(RecordA.of("5.6.7.8"));
        cache.clear();
        assertThat(clock.getDelayedCalls()).isEmpty();
    }
}
