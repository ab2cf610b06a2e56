package io.jtwisted.names.authority;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.names.common.IResolver;
import io.jtwisted.names.common.LookupResult;
import io.jtwisted.names.dns.Dns;
import io.jtwisted.names.dns.Name;
import io.jtwisted.names.dns.Query;
import io.jtwisted.names.dns.RRHeader;
import io.jtwisted.names.dns.Record;
import io.jtwisted.names.dns.RecordCNAME;
import io.jtwisted.names.dns.RecordMX;
import io.jtwisted.names.dns.RecordNS;
import io.jtwisted.names.dns.RecordSOA;
import io.jtwisted.names.dns.RecordSRV;
import io.jtwisted.names.error.AuthoritativeDomainError;
import io.jtwisted.names.error.NotResponsibleError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An authority for one zone, answering from records held in memory: the base of the zone-file
 * authorities, as Twisted's {@code FileAuthority}. Build one from a record list (which must hold
 * exactly one SOA, whose owner is the zone's apex) or read one with {@link BindAuthority}.
 *
 * <p>Answers follow RFC 1034 section 4.3.2, where Twisted's do not:
 * <ul>
 *   <li>names outside the zone fail with {@link NotResponsibleError} (the server says REFUSED);</li>
 *   <li>a name below a zone cut (NS records on a name other than the apex) gets a referral: no
 *       answer, not authoritative, the delegation's NS records as authority, glue as additional;</li>
 *   <li>a name with records, but none of the asked type, gets NODATA: no answer, the SOA as
 *       authority; so does an empty non-terminal (a name with no records but names below it);</li>
 *   <li>CNAMEs are followed inside the zone; {@code *} wildcards answer for names that do not exist;</li>
 *   <li>a name that does not exist fails with {@link AuthoritativeDomainError} carrying the SOA
 *       (NXDOMAIN); negative answers carry the SOA with TTL {@code min(SOA TTL, SOA minimum)}
 *       (RFC 2308).</li>
 * </ul>
 * Every answer and NODATA record is marked authoritative; referral records are not.
 */
public class FileAuthority implements IResolver {
    private static final int MAX_CNAME_HOPS = 8;

    private Name origin;
    private RRHeader soa;
    private Map<Name, List<RRHeader>> records = Map.of();
    private Set<Name> nodes = Set.of();
    private List<RRHeader> all = List.of();

    /** An authority serving {@code zone}: every record must lie in the zone of its one SOA. */
    public FileAuthority(List<RRHeader> zone) {
        setRecords(zone);
    }

    /** For subclasses that read their records first, then call {@link #setRecords}. */
    @SuppressWarnings("NullAway.Init") // origin and soa: the subclass's constructor calls setRecords
    protected FileAuthority() {}

    /**
     * Replaces the zone's records.
     *
     * @throws IllegalArgumentException without exactly one SOA, or with a record outside its zone
     */
    protected final void setRecords(List<RRHeader> zone) {
        RRHeader start = null;
        for (RRHeader record : zone) {
            if (record.type() == Dns.SOA) {
                if (start != null) {
                    throw new IllegalArgumentException("a zone has one SOA record, this one has more");
                }
                start = record;
            }
        }
        if (start == null) {
            throw new IllegalArgumentException("a zone needs an SOA record");
        }
        Name apex = start.name();
        Map<Name, List<RRHeader>> byName = new LinkedHashMap<>();
        Set<Name> existing = new HashSet<>();
        List<RRHeader> ordered = new ArrayList<>(zone.size());
        for (RRHeader record : zone) {
            if (!record.name().isSubdomainOf(apex)) {
                throw new IllegalArgumentException(record.name() + " is outside the zone " + apex);
            }
            RRHeader marked = record.withAuth(true);
            byName.computeIfAbsent(record.name(), n -> new ArrayList<>()).add(marked);
            ordered.add(marked);
            for (Name n = record.name(); n != null && !existing.contains(n) && n.isSubdomainOf(apex); n = n.parent()) {
                existing.add(n);
            }
        }
        byName.replaceAll((name, list) -> Collections.unmodifiableList(list));
        this.origin = apex;
        this.soa = start.withAuth(true);
        this.records = byName;
        this.nodes = existing;
        this.all = Collections.unmodifiableList(ordered);
    }

    /** The zone's apex, the owner of its SOA. */
    public Name origin() {
        return origin;
    }

    /** The zone's SOA record. */
    public RRHeader soa() {
        return soa;
    }

    /** Every record of the zone, in the order given. */
    public List<RRHeader> records() {
        return all;
    }

    @Override
    public Deferred<LookupResult> query(Query query, double @Nullable [] timeout) {
        try {
            return Deferred.succeed(lookup(query));
        } catch (Exception e) {
            return Deferred.fail(e);
        }
    }

    private LookupResult lookup(Query query) throws Exception {
        Name name = query.name();
        if ((query.cls() != Dns.IN && query.cls() != Dns.ANY) || !name.isSubdomainOf(origin)) {
            throw new NotResponsibleError(name.toString());
        }
        if (query.type() == Dns.AXFR) {
            List<RRHeader> transfer = new ArrayList<>(all.size() + 1);
            transfer.add(soa);
            for (RRHeader record : all) {
                if (record.type() != Dns.SOA) {
                    transfer.add(record);
                }
            }
            transfer.add(soa);
            return LookupResult.ofAnswers(transfer);
        }
        LookupResult referral = referral(name);
        if (referral != null) {
            return referral;
        }
        List<RRHeader> answers = new ArrayList<>();
        Name current = name;
        for (int hop = 0; hop <= MAX_CNAME_HOPS; hop++) {
            List<RRHeader> node = nodeRecords(current);
            if (node == null) {
                if (hop == 0) {
                    if (nodes.contains(current)) {
                        return noData();
                    }
                    throw new AuthoritativeDomainError(name.toString(), List.of(negativeSoa()));
                }
                break; // a CNAME into a name of the zone that does not exist: answer what we have
            }
            boolean matched = false;
            RRHeader cname = null;
            for (RRHeader record : node) {
                if (record.type() == query.type() || query.type() == Dns.ALL_RECORDS) {
                    answers.add(record);
                    matched = true;
                } else if (record.type() == Dns.CNAME) {
                    cname = record;
                }
            }
            if (matched || cname == null) {
                break;
            }
            answers.add(cname);
            current = ((RecordCNAME) cname.payload()).name();
            if (!current.isSubdomainOf(origin) || referral(current) != null) {
                break;
            }
        }
        if (answers.isEmpty()) {
            return noData();
        }
        return new LookupResult(answers, List.of(), additionalFor(answers));
    }

    /** The records of {@code name}, renamed from a wildcard if need be; {@code null} if none. */
    private @Nullable List<RRHeader> nodeRecords(Name name) {
        List<RRHeader> exact = records.get(name);
        if (exact != null || nodes.contains(name)) {
            return exact;
        }
        // RFC 4592: the wildcard at the closest existing ancestor answers for names that do not exist.
        Name encloser = name.parent();
        while (encloser != null && !nodes.contains(encloser)) {
            encloser = encloser.parent();
        }
        if (encloser == null) {
            return null;
        }
        List<RRHeader> wild = records.get(Name.of("*").concat(encloser));
        if (wild == null) {
            return null;
        }
        List<RRHeader> renamed = new ArrayList<>(wild.size());
        for (RRHeader record : wild) {
            renamed.add(record.withName(name));
        }
        return renamed;
    }

    /** A referral if a zone cut lies between the apex (excluded) and {@code name} (included). */
    private @Nullable LookupResult referral(Name name) {
        List<RRHeader> cut = null; // the records at the cut
        for (Name n = name; n != null && !n.equals(origin); n = n.parent()) {
            List<RRHeader> node = records.get(n);
            if (node != null && hasType(node, Dns.NS)) {
                cut = node; // keep going: the topmost cut wins
            }
        }
        if (cut == null) {
            return null;
        }
        List<RRHeader> delegation = new ArrayList<>();
        for (RRHeader record : cut) {
            if (record.type() == Dns.NS) {
                delegation.add(record.withAuth(false));
            }
        }
        List<RRHeader> glue = new ArrayList<>();
        for (RRHeader ns : delegation) {
            addAddresses(((RecordNS) ns.payload()).name(), glue, false);
        }
        return new LookupResult(List.of(), delegation, glue);
    }

    private LookupResult noData() {
        return new LookupResult(List.of(), List.of(negativeSoa()), List.of());
    }

    private RRHeader negativeSoa() {
        long minimum = ((RecordSOA) soa.payload()).minimum();
        return soa.withTtl(Math.min(soa.ttl(), minimum));
    }

    private List<RRHeader> additionalFor(List<RRHeader> answers) {
        List<RRHeader> additional = new ArrayList<>();
        for (RRHeader answer : answers) {
            Record payload = answer.payload();
            Name target = switch (payload) {
                case RecordMX mx -> mx.name();
                case RecordNS ns -> ns.name();
                case RecordSRV srv -> srv.target();
                default -> null;
            };
            if (target != null) {
                addAddresses(target, additional, true);
            }
        }
        return additional;
    }

    private void addAddresses(Name target, List<RRHeader> into, boolean auth) {
        List<RRHeader> node = records.get(target);
        if (node == null) {
            return;
        }
        for (RRHeader record : node) {
            if ((record.type() == Dns.A || record.type() == Dns.AAAA) && !into.contains(record.withAuth(auth))) {
                into.add(record.withAuth(auth));
            }
        }
    }

    private static boolean hasType(List<RRHeader> node, int type) {
        for (RRHeader record : node) {
            if (record.type() == type) {
                return true;
            }
        }
        return false;
    }
}
