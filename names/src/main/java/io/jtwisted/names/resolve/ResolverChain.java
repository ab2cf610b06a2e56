package io.jtwisted.names.resolve;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.names.common.IResolver;
import io.jtwisted.names.common.LookupResult;
import io.jtwisted.names.dns.Query;
import io.jtwisted.names.error.AuthoritativeDomainError;
import io.jtwisted.names.error.DomainError;
import io.jtwisted.names.error.NotResponsibleError;
import io.jtwisted.python.failure.Failure;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Asks its resolvers in order, as Twisted's {@code ResolverChain}: the first answer wins; a
 * {@link DomainError} passes the query to the next resolver; any other failure (a timeout, a
 * server failure) ends the lookup with that failure.
 *
 * <p>Unlike Twisted's, an {@link AuthoritativeDomainError} (an authority's NXDOMAIN) also ends the
 * lookup: the zone's authority is the truth about its names, and caches or upstream servers must
 * not be asked to second-guess it. If every resolver failed with {@link NotResponsibleError} the
 * chain fails with one too (so the server can answer REFUSED); otherwise with the last
 * {@code DomainError} that was not.
 */
public class ResolverChain implements IResolver {
    private final List<IResolver> resolvers;

    public ResolverChain(List<? extends IResolver> resolvers) {
        this.resolvers = List.copyOf(resolvers);
    }

    /** The resolvers, in the order they are asked. */
    public List<IResolver> resolvers() {
        return resolvers;
    }

    @Override
    public Deferred<LookupResult> query(Query query, double @Nullable [] timeout) {
        return ask(0, query, timeout, null);
    }

    private Deferred<LookupResult> ask(int index, Query query, double @Nullable [] timeout, @Nullable Failure best) {
        if (index >= resolvers.size()) {
            return Deferred.fail(
                    best != null
                            ? best
                            : new Failure(new NotResponsibleError(query.name().toString())));
        }
        IResolver resolver = resolvers.get(index);
        // A resolver that throws instead of failing its Deferred still fails only this lookup.
        Deferred<LookupResult> answer = Deferred.maybeDeferredDeferring(() -> resolver.query(query, timeout));
        return answer.addErrbackDeferring(failure -> {
            Throwable error = failure.value();
            if (!(error instanceof DomainError) || error instanceof AuthoritativeDomainError) {
                return Deferred.fail(failure);
            }
            Failure kept = best == null || !(error instanceof NotResponsibleError) ? failure : best;
            return ask(index + 1, query, timeout, kept);
        });
    }
}
