package io.jtwisted.names.cache;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.internet.interfaces.IReactorTime;
import io.jtwisted.names.common.IResolver;
import io.jtwisted.names.common.LookupResult;
import io.jtwisted.names.dns.Dns;
import io.jtwisted.names.dns.Query;
import io.jtwisted.names.dns.RRHeader;
import io.jtwisted.names.dns.RecordSOA;
import io.jtwisted.names.error.AuthoritativeDomainError;
import io.jtwisted.names.error.NotResponsibleError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Remembers answers for their TTL, as Twisted's {@code cache.CacheResolver}: a cached answer is
 * returned with each TTL lowered by the time it has spent in the cache; an entry is dropped when
 * its shortest TTL runs out (a delayed call on the given clock, so tests drive it with a
 * {@code Clock}). A query not in the cache fails with {@link NotResponsibleError}, so a chain
 * asks its next resolver.
 *
 * <p>Negative answers are cached too (RFC 2308, which Twisted does not do): a NODATA answer or an
 * NXDOMAIN, each with the zone's SOA in its authority section, is kept for
 * {@code min(SOA TTL, SOA minimum)} seconds; without an SOA it is not cached. A cached NXDOMAIN
 * fails again with an {@link AuthoritativeDomainError} carrying the SOA.
 */
public class CacheResolver implements IResolver {
    private final IReactorTime clock;
    private final Map<Query, Entry> cache = new HashMap<>();

    private record Entry(double cachedAt, LookupResult result, boolean nxdomain, IDelayedCall expiry) {}

    /** A cache timing its entries by {@code clock} (the reactor, or a {@code Clock} in tests). */
    public CacheResolver(IReactorTime clock) {
        this.clock = clock;
    }

    /** The number of entries held. */
    public int size() {
        return cache.size();
    }

    @Override
    public Deferred<LookupResult> query(Query query, double @Nullable [] timeout) {
        Entry entry = cache.get(query);
        if (entry == null) {
            return Deferred.fail(new NotResponsibleError(query.name().toString()));
        }
        long elapsed = (long) (clock.seconds() - entry.cachedAt);
        LookupResult aged = new LookupResult(
                age(entry.result.answers(), elapsed),
                age(entry.result.authority(), elapsed),
                age(entry.result.additional(), elapsed));
        if (entry.nxdomain) {
            return Deferred.fail(new AuthoritativeDomainError(query.name().toString(), aged.authority()));
        }
        return Deferred.succeed(aged);
    }

    private static List<RRHeader> age(List<RRHeader> records, long elapsed) {
        List<RRHeader> out = new ArrayList<>(records.size());
        for (RRHeader record : records) {
            out.add(record.withTtl(Math.max(0, record.ttl() - elapsed)).withAuth(false));
        }
        return out;
    }

    /**
     * Caches a positive or NODATA answer to {@code query}, for its shortest TTL (for NODATA, the
     * SOA's negative TTL). Nothing is cached for a TTL of 0.
     */
    public void cacheResult(Query query, LookupResult result) {
        long ttl = result.answers().isEmpty() ? negativeTtl(result.authority()) : shortestTtl(result);
        store(query, result, false, ttl);
    }

    /** Caches an NXDOMAIN for {@code query}, with the {@code authority} records that came with it. */
    public void cacheNameError(Query query, List<RRHeader> authority) {
        store(query, new LookupResult(List.of(), authority, List.of()), true, negativeTtl(authority));
    }

    private void store(Query query, LookupResult result, boolean nxdomain, long ttl) {
        if (ttl <= 0) {
            return;
        }
        Entry old = cache.remove(query);
        if (old != null && old.expiry.active()) {
            old.expiry.cancel();
        }
        IDelayedCall expiry = clock.callLater((double) ttl, () -> cache.remove(query));
        cache.put(query, new Entry(clock.seconds(), result, nxdomain, expiry));
    }

    private static long shortestTtl(LookupResult result) {
        long ttl = Long.MAX_VALUE;
        for (List<RRHeader> section : List.of(result.answers(), result.authority(), result.additional())) {
            for (RRHeader record : section) {
                ttl = Math.min(ttl, record.ttl());
            }
        }
        return ttl == Long.MAX_VALUE ? 0 : ttl;
    }

    /** RFC 2308 section 5: the lesser of the SOA's own TTL and its minimum field; 0 without an SOA. */
    private static long negativeTtl(List<RRHeader> authority) {
        for (RRHeader record : authority) {
            if (record.type() == Dns.SOA) {
                return Math.min(record.ttl(), ((RecordSOA) record.payload()).minimum());
            }
        }
        return 0;
    }

    /** Drops every entry and cancels their expiry calls. */
    public void clear() {
        for (Entry entry : cache.values()) {
            if (entry.expiry.active()) {
                entry.expiry.cancel();
            }
        }
        cache.clear();
    }
}
