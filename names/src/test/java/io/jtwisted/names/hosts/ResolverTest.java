package io.jtwisted.names.hosts;

import static io.jtwisted.trial.Trial.failureResultOf;
import static io.jtwisted.trial.Trial.successResultOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.error.DNSLookupError;
import io.jtwisted.internet.task.Clock;
import io.jtwisted.names.dns.Dns;
import io.jtwisted.names.dns.Query;
import io.jtwisted.names.dns.RRHeader;
import io.jtwisted.names.dns.RecordA;
import io.jtwisted.names.dns.RecordAAAA;
import io.jtwisted.names.error.NotResponsibleError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Resolver}, ported from Twisted's {@code test_hosts}: {@code SearchHostsFileTests}
 * (first/all addresses, aliases, case-insensitive match, a missing file, malformed addresses) and
 * {@code HostsTests} (getHostByName, lookupAddress, lookupIPV6Address, lookupAllRecords, not
 * found, malformed, TTL). Not ported: {@code test_defaultPath} (Java takes a {@code Path}, no
 * default) and {@code test_notImplemented}: other types get NODATA here, not an error.
 */
class ResolverTest {
    @TempDir
    Path dir;

    private Path hosts(String content) throws Exception {
        Path file = dir.resolve("hosts");
        Files.writeString(file, content);
        return file;
    }

    private static final String CONTENT = """
            1.1.1.1    EXAMPLE EXAMPLE.EXAMPLETHING
            ::2        mixed
            1.1.1.2    MIXED
            ::1        ip6thingy
            1.1.1.3    multiple
            1.1.1.4    multiple   # a comment after the names
            # 9.9.9.9  commented.out
            1.1.1.5    canonical alias
            1.1.1.500  malformed
            ::1::2     malformed6
            fe80::1%lo scoped
            """;

    private List<RRHeader> answers(Resolver resolver, String name, int type) {
        return successResultOf(resolver.query(Query.of(name, type))).answers();
    }

    @Test
    void findsEveryAddressOfANameInFileOrderWithTheTtl() throws Exception {
        Resolver resolver = new Resolver(hosts(CONTENT), 123);
        assertThat(answers(resolver, "multiple", Dns.A))
                .extracting(RRHeader::payload)
                .containsExactly(RecordA.of("1.1.1.3"), RecordA.of("1.1.1.4"));
        assertThat(answers(resolver, "multiple", Dns.A)).allSatisfy(r -> {
            assertThat(r.ttl()).isEqualTo(123);
            assertThat(r.auth()).isTrue();
        });
    }

    @Test
    void aliasesAndCaseDoNotMatter() throws Exception {
        Resolver resolver = new Resolver(hosts(CONTENT));
        assertThat(answers(resolver, "alias", Dns.A))
                .extracting(RRHeader::payload)
                .containsExactly(RecordA.of("1.1.1.5"));
        assertThat(answers(resolver, "example.examplething", Dns.A)).hasSize(1);
        assertThat(answers(resolver, "Example", Dns.A)).singleElement().satisfies(r -> {
            assertThat(r.name().toString()).isEqualTo("Example"); // answered in the question's case
            assertThat(r.ttl()).isEqualTo(Resolver.DEFAULT_TTL);
        });
    }

    @Test
    void ipv6AddressesAreAaaaAndAnyGivesBoth() throws Exception {
        Resolver resolver = new Resolver(hosts(CONTENT));
        assertThat(answers(resolver, "ip6thingy", Dns.AAAA))
                .extracting(RRHeader::payload)
                .containsExactly(RecordAAAA.of("::1"));
        assertThat(answers(resolver, "mixed", Dns.A))
                .extracting(RRHeader::payload)
                .containsExactly(RecordA.of("1.1.1.2"));
        assertThat(answers(resolver, "mixed", Dns.ALL_RECORDS))
                .extracting(RRHeader::type)
                .containsExactly(Dns.A, Dns.AAAA);
    }

    @Test
    void aKnownNameWithoutThatTypeIsNodata() throws Exception {
        Resolver resolver = new Resolver(hosts(CONTENT));
        assertThat(successResultOf(resolver.query(Query.of("ip6thingy", Dns.A))).isEmpty())
                .isTrue();
        assertThat(successResultOf(resolver.query(Query.of("example", Dns.MX))).isEmpty())
                .isTrue();
    }

    @Test
    void unknownCommentedAndMalformedNamesAreNotFound() throws Exception {
        Resolver resolver = new Resolver(hosts(CONTENT));
        for (String name : List.of("nothere", "commented.out", "malformed", "malformed6", "scoped")) {
            failureResultOf(resolver.query(Query.of(name, Dns.A)), NotResponsibleError.class);
        }
    }

    @Test
    void aMissingFileIsEmpty() {
        Resolver resolver = new Resolver(dir.resolve("absent"));
        failureResultOf(resolver.lookupAddress("example"), NotResponsibleError.class);
    }

    @Test
    void getHostByNameGivesTheFirstAddress() throws Exception {
        Resolver resolver = new Resolver(hosts(CONTENT));
        assertThat(successResultOf(resolver.getHostByName("multiple"))).isEqualTo("1.1.1.3");
        assertThat(successResultOf(resolver.getHostByName("ip6thingy"))).isEqualTo("::1");
        failureResultOf(resolver.getHostByName("nothere"), DNSLookupError.class);
    }

    @Test
    void aChangedFileIsReadAgain() throws Exception {
        Path file = hosts("1.1.1.1 first\n");
        Resolver resolver = new Resolver(file);
        assertThat(answers(resolver, "first", Dns.A)).hasSize(1);
        Files.writeString(file, "2.2.2.2 second other\n");
        Files.setLastModifiedTime(
                file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5000));
        failureResultOf(resolver.query(Query.of("first", Dns.A)), NotResponsibleError.class);
        assertThat(answers(resolver, "second", Dns.A))
                .extracting(RRHeader::payload)
                .containsExactly(RecordA.of("2.2.2.2"));
    }

    @Test
    void withAClockTheFileIsCheckedAtMostOncePerInterval() throws Exception {
        Path file = hosts("1.1.1.1 first\n");
        Clock clock = new Clock();
        Resolver resolver = new Resolver(file, 60, clock, 1.0);
        assertThat(answers(resolver, "first", Dns.A)).hasSize(1);
        Files.writeString(file, "2.2.2.2 second other\n");
        Files.setLastModifiedTime(
                file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5000));
        assertThat(answers(resolver, "first", Dns.A)).hasSize(1);
        clock.advance(1.0);
        assertThat(answers(resolver, "second", Dns.A)).hasSize(1);
    }
}
