package io.jtwisted.names.hosts;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IReactorTime;
import io.jtwisted.logger.Logger;
import io.jtwisted.names.common.IResolver;
import io.jtwisted.names.common.LookupResult;
import io.jtwisted.names.dns.Dns;
import io.jtwisted.names.dns.Name;
import io.jtwisted.names.dns.Query;
import io.jtwisted.names.dns.RRHeader;
import io.jtwisted.names.dns.RecordA;
import io.jtwisted.names.dns.RecordAAAA;
import io.jtwisted.names.error.NotResponsibleError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Answers A and AAAA queries from a hosts(5) file, as Twisted's {@code hosts.Resolver}: each line
 * is an address then names (the canonical name and aliases), {@code #} starts a comment, names
 * match without regard to case, and every address of a name is answered, in file order.
 *
 * <p>The file is parsed once and parsed again when its modification time or size changes; that is
 * checked at each query, or at most once per {@code recheckInterval} seconds when a clock is given
 * (Twisted reads the whole file at every query). A missing or unreadable file counts as empty.
 *
 * <p>Answers are authoritative (as dnsmasq's are for its hosts file). A name in the file asked
 * for a type it has no address of gets an empty answer (NODATA); a name not in the file fails with
 * {@link NotResponsibleError}, so a chain asks its next resolver, and a server with nothing else to
 * ask says REFUSED (Twisted says NXDOMAIN for both).
 */
public class Resolver implements IResolver {
    /** Twisted's default TTL for hosts-file answers: one hour. */
    public static final long DEFAULT_TTL = 3600;

    private static final Logger log = Logger.forClass(Resolver.class);

    private final Path file;
    private final long ttl;
    private final @Nullable IReactorTime clock;
    private final double recheckInterval;
    private double nextCheck = Double.NEGATIVE_INFINITY;
    private @Nullable Object loadedVersion; // null until the first load
    private Map<Name, Entry> entries = Map.of();

    /** The records of one name. */
    private record Entry(List<RRHeader> v4, List<RRHeader> v6) {}

    /** A resolver for {@code /etc/hosts}-format {@code file}, TTL one hour, checked at each query. */
    public Resolver(Path file) {
        this(file, DEFAULT_TTL);
    }

    /** A resolver for {@code file} answering with {@code ttl}, checked for changes at each query. */
    public Resolver(Path file, long ttl) {
        this(file, ttl, null, 0);
    }

    /**
     * A resolver for {@code file} answering with {@code ttl}, checking the file for changes at most
     * once per {@code recheckInterval} seconds of {@code clock} ({@code null}: at each query).
     */
    public Resolver(Path file, long ttl, @Nullable IReactorTime clock, double recheckInterval) {
        this.file = file;
        this.ttl = ttl;
        this.clock = clock;
        this.recheckInterval = recheckInterval;
    }

    /** The hosts file. */
    public Path file() {
        return file;
    }

    @Override
    public Deferred<LookupResult> query(Query query, double @Nullable [] timeout) {
        refreshIfChanged();
        Entry entry = entries.get(query.name());
        if (entry == null || (query.cls() != Dns.IN && query.cls() != Dns.ANY)) {
            return Deferred.fail(new NotResponsibleError(query.name().toString()));
        }
        List<RRHeader> answers = switch (query.type()) {
            case Dns.A -> entry.v4;
            case Dns.AAAA -> entry.v6;
            case Dns.ALL_RECORDS -> concat(entry.v4, entry.v6);
            default -> List.of();
        };
        if (answers.isEmpty()) {
            return Deferred.succeed(LookupResult.EMPTY);
        }
        List<RRHeader> named = new ArrayList<>(answers.size());
        for (RRHeader record : answers) {
            // Answer with the case the question used.
            named.add(record.name().isIdenticalTo(query.name()) ? record : record.withName(query.name()));
        }
        return Deferred.succeed(LookupResult.ofAnswers(named));
    }

    private static List<RRHeader> concat(List<RRHeader> a, List<RRHeader> b) {
        List<RRHeader> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private void refreshIfChanged() {
        if (clock != null) {
            double now = clock.seconds();
            if (now < nextCheck) {
                return;
            }
            nextCheck = now + recheckInterval;
        }
        Object version;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            version = List.of(
                    attributes.lastModifiedTime(),
                    attributes.size(),
                    attributes.fileKey() == null ? "" : attributes.fileKey());
        } catch (NoSuchFileException e) {
            version = "missing";
        } catch (IOException e) {
            version = "unreadable";
        }
        if (version.equals(loadedVersion)) {
            return;
        }
        loadedVersion = version;
        try {
            entries = parse(Files.readString(file, StandardCharsets.UTF_8), ttl);
        } catch (IOException e) {
            log.warn("cannot read hosts file {}: {}", file, e.toString());
            entries = Map.of();
        }
    }

    /** Parses hosts(5) text; malformed addresses are skipped, as Twisted skips them. */
    static Map<Name, Entry> parse(String text, long ttl) {
        Map<Name, List<RRHeader>> v4 = new HashMap<>();
        Map<Name, List<RRHeader>> v6 = new HashMap<>();
        for (String line : text.split("\n")) {
            int hash = line.indexOf('#');
            String content = hash >= 0 ? line.substring(0, hash) : line;
            String[] fields = content.trim().split("\\s+");
            if (fields.length < 2) {
                continue;
            }
            String address = fields[0];
            boolean ipv6 = address.indexOf(':') >= 0;
            if (ipv6 && address.indexOf('%') >= 0) {
                continue; // a scoped link-local address means nothing to a remote client
            }
            io.jtwisted.names.dns.Record payload;
            try {
                payload = ipv6 ? RecordAAAA.of(address) : RecordA.of(address);
            } catch (IllegalArgumentException e) {
                continue;
            }
            for (int i = 1; i < fields.length; i++) {
                Name name;
                try {
                    name = Name.of(fields[i]);
                } catch (IllegalArgumentException e) {
                    continue;
                }
                RRHeader record = new RRHeader(name, payload.type(), Dns.IN, ttl, payload, true);
                List<RRHeader> list = (ipv6 ? v6 : v4).computeIfAbsent(name, n -> new ArrayList<>());
                if (!list.contains(record)) {
                    list.add(record);
                }
            }
        }
        Map<Name, Entry> entries = new HashMap<>();
        for (Name name : union(v4, v6)) {
            entries.put(
                    name,
                    new Entry(
                            List.copyOf(v4.getOrDefault(name, List.of())),
                            List.copyOf(v6.getOrDefault(name, List.of()))));
        }
        return entries;
    }

    private static List<Name> union(Map<Name, ?> a, Map<Name, ?> b) {
        List<Name> names = new ArrayList<>(a.keySet());
        for (Name name : b.keySet()) {
            if (!a.containsKey(name)) {
                names.add(name);
            }
        }
        return names;
    }
}
