package io.jtwisted.names.common;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.error.DNSLookupError;
import io.jtwisted.names.dns.Dns;
import io.jtwisted.names.dns.Name;
import io.jtwisted.names.dns.Query;
import io.jtwisted.names.dns.RRHeader;
import io.jtwisted.names.dns.RecordA;
import io.jtwisted.names.dns.RecordAAAA;
import io.jtwisted.names.dns.RecordCNAME;
import org.jspecify.annotations.Nullable;

/** The address-finding of {@link IResolver#getHostByName(String)}: A first, then CNAMEs, then AAAA. */
final class HostByName {
    private HostByName() {}

    static Deferred<String> resolve(IResolver resolver, Name name, double @Nullable [] timeout, int hops) {
        return resolver.query(new Query(name, Dns.A, Dns.IN), timeout)
                .addErrback(failure -> LookupResult.EMPTY)
                .addCallbackDeferring(result -> {
                    Name current = name;
                    for (int i = 0; i <= result.answers().size(); i++) {
                        String address = addressOf(result, current, Dns.A);
                        if (address != null) {
                            return Deferred.succeed(address);
                        }
                        Name next = canonicalOf(result, current);
                        if (next == null) {
                            break;
                        }
                        current = next;
                    }
                    if (!current.equals(name) && hops > 0) {
                        return resolve(resolver, current, timeout, hops - 1);
                    }
                    Name target = current;
                    return resolver.query(new Query(target, Dns.AAAA, Dns.IN), timeout)
                            .addCallbackDeferring(v6 -> {
                                String address = addressOf(v6, target, Dns.AAAA);
                                return address != null
                                        ? Deferred.succeed(address)
                                        : Deferred.<String>fail(new DNSLookupError(name.toString()));
                            })
                            .addErrbackDeferring(failure -> Deferred.fail(new DNSLookupError(name.toString())));
                });
    }

    private static @Nullable String addressOf(LookupResult result, Name owner, int type) {
        for (RRHeader record : result.answers()) {
            if (record.type() == type && record.name().equals(owner)) {
                return record.payload() instanceof RecordA a
                        ? a.dottedQuad()
                        : ((RecordAAAA) record.payload()).compressed();
            }
        }
        return null;
    }

    private static @Nullable Name canonicalOf(LookupResult result, Name owner) {
        for (RRHeader record : result.answers()) {
            if (record.payload() instanceof RecordCNAME cname && record.name().equals(owner)) {
                return cname.name();
            }
        }
        return null;
    }
}
