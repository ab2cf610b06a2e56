package io.jtwisted.names.common;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.names.dns.Dns;
import io.jtwisted.names.dns.Name;
import io.jtwisted.names.dns.Query;
import org.jspecify.annotations.Nullable;

/**
 * Something that answers DNS queries: Twisted's {@code IResolver}. Implementations provide
 * {@link #query(Query, double[])}; the {@code lookup*} methods are the per-type shortcuts of
 * Twisted's {@code ResolverBase}, each a query of class IN.
 *
 * <p>The Deferred fires with a {@link LookupResult}, or fails with a
 * {@link io.jtwisted.names.error.DomainError} (no such name here: a chain tries its next
 * resolver), an {@link io.jtwisted.names.error.AuthoritativeDomainError} (NXDOMAIN from an
 * authority), one of the {@code DNS*Error}s of a server's response, or a
 * {@link io.jtwisted.names.dns.DNSQueryTimeoutError}. Call these on the reactor thread.
 */
public interface IResolver {
    /**
     * Answers {@code query}.
     *
     * @param timeout the seconds to wait for each attempt, in order (Twisted's default for the
     *                client is {@code {1, 3, 11, 45}}), or {@code null} for the resolver's default
     */
    Deferred<LookupResult> query(Query query, double @Nullable [] timeout);

    /** {@link #query(Query, double[])} with the default timeouts. */
    default Deferred<LookupResult> query(Query query) {
        return query(query, null);
    }

    /** A query for {@code name} and {@code type} in class IN. */
    default Deferred<LookupResult> lookup(String name, int type, double @Nullable [] timeout) {
        return query(new Query(Name.of(name), type, Dns.IN), timeout);
    }

    /** IPv4 addresses (A). */
    default Deferred<LookupResult> lookupAddress(String name) {
        return lookup(name, Dns.A, null);
    }

    default Deferred<LookupResult> lookupAddress(String name, double @Nullable [] timeout) {
        return lookup(name, Dns.A, timeout);
    }

    /** IPv6 addresses (AAAA). */
    default Deferred<LookupResult> lookupIPV6Address(String name) {
        return lookup(name, Dns.AAAA, null);
    }

    default Deferred<LookupResult> lookupIPV6Address(String name, double @Nullable [] timeout) {
        return lookup(name, Dns.AAAA, timeout);
    }

    /** Mail exchangers (MX). */
    default Deferred<LookupResult> lookupMailExchange(String name) {
        return lookup(name, Dns.MX, null);
    }

    default Deferred<LookupResult> lookupMailExchange(String name, double @Nullable [] timeout) {
        return lookup(name, Dns.MX, timeout);
    }

    /** Name servers (NS). */
    default Deferred<LookupResult> lookupNameservers(String name) {
        return lookup(name, Dns.NS, null);
    }

    default Deferred<LookupResult> lookupNameservers(String name, double @Nullable [] timeout) {
        return lookup(name, Dns.NS, timeout);
    }

    /** The canonical name (CNAME). */
    default Deferred<LookupResult> lookupCanonicalName(String name) {
        return lookup(name, Dns.CNAME, null);
    }

    default Deferred<LookupResult> lookupCanonicalName(String name, double @Nullable [] timeout) {
        return lookup(name, Dns.CNAME, timeout);
    }

    /** Reverse pointers (PTR), e.g. for {@code 1.0.0.127.in-addr.arpa}. */
    default Deferred<LookupResult> lookupPointer(String name) {
        return lookup(name, Dns.PTR, null);
    }

    default Deferred<LookupResult> lookupPointer(String name, double @Nullable [] timeout) {
        return lookup(name, Dns.PTR, timeout);
    }

    /** The start of authority (SOA). */
    default Deferred<LookupResult> lookupAuthority(String name) {
        return lookup(name, Dns.SOA, null);
    }

    default Deferred<LookupResult> lookupAuthority(String name, double @Nullable [] timeout) {
        return lookup(name, Dns.SOA, timeout);
    }

    /** Text records (TXT). */
    default Deferred<LookupResult> lookupText(String name) {
        return lookup(name, Dns.TXT, null);
    }

    default Deferred<LookupResult> lookupText(String name, double @Nullable [] timeout) {
        return lookup(name, Dns.TXT, timeout);
    }

    /** Service locations (SRV), e.g. for {@code _sip._udp.example.com}. */
    default Deferred<LookupResult> lookupService(String name) {
        return lookup(name, Dns.SRV, null);
    }

    default Deferred<LookupResult> lookupService(String name, double @Nullable [] timeout) {
        return lookup(name, Dns.SRV, timeout);
    }

    /** Naming authority pointers (NAPTR). */
    default Deferred<LookupResult> lookupNamingAuthorityPointer(String name) {
        return lookup(name, Dns.NAPTR, null);
    }

    default Deferred<LookupResult> lookupNamingAuthorityPointer(String name, double @Nullable [] timeout) {
        return lookup(name, Dns.NAPTR, timeout);
    }

    /** Every record of the name (type ANY). */
    default Deferred<LookupResult> lookupAllRecords(String name) {
        return lookup(name, Dns.ALL_RECORDS, null);
    }

    default Deferred<LookupResult> lookupAllRecords(String name, double @Nullable [] timeout) {
        return lookup(name, Dns.ALL_RECORDS, timeout);
    }

    /** A zone transfer (AXFR): the zone's records, starting and ending with its SOA. */
    default Deferred<LookupResult> lookupZone(String name) {
        return lookup(name, Dns.AXFR, null);
    }

    default Deferred<LookupResult> lookupZone(String name, double @Nullable [] timeout) {
        return lookup(name, Dns.AXFR, timeout);
    }

    /**
     * One address of {@code name}, as text: an IPv4 address if it has one, else an IPv6 one,
     * following CNAMEs (at most 10), as Twisted's {@code getHostByName}. Fails with
     * {@link io.jtwisted.internet.error.DNSLookupError} if the name has no address.
     */
    default Deferred<String> getHostByName(String name) {
        return getHostByName(name, null);
    }

    default Deferred<String> getHostByName(String name, double @Nullable [] timeout) {
        return HostByName.resolve(this, Name.of(name), timeout, 10);
    }
}
