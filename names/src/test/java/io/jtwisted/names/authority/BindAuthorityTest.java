package io.jtwisted.names.authority;

import static io.jtwisted.trial.Trial.failureResultOf;
import static io.jtwisted.trial.Trial.successResultOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.names.common.LookupResult;
import io.jtwisted.names.dns.Dns;
import io.jtwisted.names.dns.Name;
import io.jtwisted.names.dns.Query;
import io.jtwisted.names.dns.RRHeader;
import io.jtwisted.names.dns.Record;
import io.jtwisted.names.dns.RecordA;
import io.jtwisted.names.dns.RecordAAAA;
import io.jtwisted.names.dns.RecordCAA;
import io.jtwisted.names.dns.RecordCNAME;
import io.jtwisted.names.dns.RecordMX;
import io.jtwisted.names.dns.RecordNAPTR;
import io.jtwisted.names.dns.RecordNS;
import io.jtwisted.names.dns.RecordSOA;
import io.jtwisted.names.dns.RecordSRV;
import io.jtwisted.names.dns.RecordTXT;
import io.jtwisted.names.dns.UnknownRecord;
import io.jtwisted.names.error.AuthoritativeDomainError;
import io.jtwisted.names.error.NotResponsibleError;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link BindAuthority} and the lookups of {@link FileAuthority}. Ported from Twisted's
 * {@code test_names.ServerDNSTests} (the per-type lookups against a zone: A, MX, NS, SOA, CNAME,
 * TXT, SRV, NAPTR, AAAA, zone transfer, NXDOMAIN with the SOA) and {@code BindAuthorityTests}
 * (the zone-file syntax). Not ported: the Python-source authority ({@code PySourceAuthority}) and
 * record types the codec keeps as raw data (HINFO, RP, AFSDB, WKS, MINFO). The RFC 1034 points
 * Twisted gets wrong (NODATA for empty non-terminals, referrals, REFUSED outside the zone) are
 * pinned here instead.
 */
class BindAuthorityTest {
    private BindAuthority zone;

    @BeforeEach
    void load() throws Exception {
        zone = new BindAuthority(resource("example.com.zone"));
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(BindAuthorityTest.class
                .getResource("/io/jtwisted/names/" + name)
                .toURI());
    }

    private LookupResult answer(String name, int type) {
        return successResultOf(zone.query(Query.of(name, type)));
    }

    private static List<Record> payloads(List<RRHeader> records) {
        return records.stream().map(RRHeader::payload).toList();
    }

    @Test
    void readsTheSoaAcrossParenthesesWithItsUnits() {
        assertThat(zone.origin()).isEqualTo(Name.of("example.com"));
        assertThat(zone.soa().payload())
                .isEqualTo(new RecordSOA(
                        Name.of("ns1.example.com"),
                        Name.of("hostmaster.example.com"),
                        2024010101L,
                        3600,
                        600,
                        604800,
                        300));
        assertThat(zone.soa().ttl()).isEqualTo(3600);
    }

    @Test
    void answersEveryCommonTypeAuthoritatively() {
        assertThat(payloads(answer("example.com", Dns.NS).answers()))
                .containsExactly(RecordNS.of("ns1.example.com"), RecordNS.of("ns2.example.net"));
        assertThat(payloads(answer("example.com", Dns.MX).answers()))
                .containsExactly(RecordMX.of(10, "mail.example.com"));
        assertThat(payloads(answer("example.com", Dns.TXT).answers()))
                .containsExactly(RecordTXT.of("v=spf1 mx -all", "second string"));
        assertThat(payloads(answer("example.com", Dns.CAA).answers()))
                .containsExactly(new RecordCAA(0, "issue", "ca.example.net"));
        assertThat(payloads(answer("_sip._udp.example.com", Dns.SRV).answers()))
                .containsExactly(new RecordSRV(10, 5, 5060, Name.of("sip.example.com")));
        assertThat(payloads(answer("naptr.example.com", Dns.NAPTR).answers()))
                .containsExactly(new RecordNAPTR(100, 10, "S", "SIP+D2U", "", Name.of("_sip._udp.example.com")));
        assertThat(payloads(answer("mail.example.com", Dns.AAAA).answers()))
                .containsExactly(RecordAAAA.of("2001:db8::25"));
        assertThat(payloads(answer("opaque.example.com", 65280).answers()))
                .containsExactly(new UnknownRecord(65280, new byte[] {1, 2, 3}));
        assertThat(answer("web.example.com", Dns.A).answers())
                .allMatch(RRHeader::auth)
                .hasSize(2);
    }

    @Test
    void ttlsComeFromTheRecordOrTheDollarTtl() {
        assertThat(answer("mail.example.com", Dns.A).answers().get(0).ttl()).isEqualTo(300);
        assertThat(answer("mail.example.com", Dns.AAAA).answers().get(0).ttl()).isEqualTo(3600);
    }

    @Test
    void mxAndSrvAnswersCarryTheTargetsAddressesAsAdditional() {
        assertThat(payloads(answer("example.com", Dns.MX).additional()))
                .containsExactly(RecordA.of("10.0.0.25"), RecordAAAA.of("2001:db8::25"));
        assertThat(payloads(answer("_sip._udp.example.com", Dns.SRV).additional()))
                .containsExactly(RecordA.of("10.0.0.60"));
    }

    @Test
    void followsCnamesInsideTheZone() {
        LookupResult result = answer("www.example.com", Dns.A);
        assertThat(payloads(result.answers()))
                .containsExactly(RecordCNAME.of("web.example.com"), RecordA.of("10.0.0.80"), RecordA.of("10.0.0.81"));
        assertThat(payloads(answer("www.example.com", Dns.CNAME).answers()))
                .containsExactly(RecordCNAME.of("web.example.com"));
    }

    @Test
    void anExistingNameWithoutTheTypeIsNodataWithTheNegativeSoa() {
        LookupResult result = answer("web.example.com", Dns.MX);
        assertThat(result.answers()).isEmpty();
        assertThat(result.authority()).singleElement().satisfies(soa -> {
            assertThat(soa.type()).isEqualTo(Dns.SOA);
            assertThat(soa.ttl()).isEqualTo(300); // min(SOA TTL 3600, minimum 300)
            assertThat(soa.auth()).isTrue();
        });
    }

    @Test
    void anEmptyNonTerminalIsNodataNotNxdomain() {
        assertThat(answer("b.c.example.com", Dns.A).answers()).isEmpty();
        assertThat(answer("c.example.com", Dns.A).authority())
                .extracting(RRHeader::type)
                .containsExactly(Dns.SOA);
        assertThat(payloads(answer("a.b.c.example.com", Dns.A).answers())).containsExactly(RecordA.of("10.0.0.3"));
    }

    @Test
    void aMissingNameIsAnAuthoritativeNxdomainCarryingTheSoa() {
        AuthoritativeDomainError error = (AuthoritativeDomainError)
                failureResultOf(zone.query(Query.of("nothere.example.com", Dns.A)), AuthoritativeDomainError.class)
                        .value();
        assertThat(error.authority()).extracting(RRHeader::type).containsExactly(Dns.SOA);
        assertThat(error.authority().get(0).ttl()).isEqualTo(300);
    }

    @Test
    void namesOutsideTheZoneAreNotItsBusiness() {
        failureResultOf(zone.query(Query.of("example.org", Dns.A)), NotResponsibleError.class);
        failureResultOf(zone.query(Query.of("com", Dns.NS)), NotResponsibleError.class);
        failureResultOf(zone.query(new Query(Name.of("example.com"), Dns.A, Dns.CH)), NotResponsibleError.class);
    }

    @Test
    void namesAtAndBelowAZoneCutGetAReferralWithGlue() {
        for (String name : List.of("sub.example.com", "deep.sub.example.com", "ns.sub.example.com")) {
            LookupResult result = answer(name, Dns.A);
            assertThat(result.answers()).as(name).isEmpty();
            assertThat(result.authority()).as(name).singleElement().satisfies(ns -> {
                assertThat(ns.payload()).isEqualTo(RecordNS.of("ns.sub.example.com"));
                assertThat(ns.auth()).isFalse();
            });
            assertThat(payloads(result.additional())).as(name).containsExactly(RecordA.of("10.0.1.53"));
        }
    }

    @Test
    void aWildcardAnswersForNamesThatDoNotExistUnderIt() {
        LookupResult result = answer("anything.wild.example.com", Dns.A);
        assertThat(result.answers()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo(Name.of("anything.wild.example.com"));
            assertThat(a.payload()).isEqualTo(RecordA.of("10.0.0.99"));
        });
    }

    @Test
    void anyReturnsEveryRecordOfTheName() {
        assertThat(answer("example.com", Dns.ALL_RECORDS).answers())
                .extracting(RRHeader::type)
                .containsExactly(Dns.SOA, Dns.NS, Dns.NS, Dns.MX, Dns.TXT, Dns.CAA);
    }

    @Test
    void zoneTransferStartsAndEndsWithTheSoa() {
        List<RRHeader> transfer =
                successResultOf(zone.lookupZone("example.com")).answers();
        assertThat(transfer.get(0).type()).isEqualTo(Dns.SOA);
        assertThat(transfer.get(transfer.size() - 1).type()).isEqualTo(Dns.SOA);
        assertThat(transfer).hasSize(zone.records().size() + 1);
    }

    @Test
    void relativeNamesUseTheOriginGivenWithoutDollarOrigin() {
        List<RRHeader> records = BindAuthority.parse("""
                @ 60 IN SOA ns admin 1 2 3 4 5
                host A 192.0.2.1
                  AAAA ::1
                abs.other. 30 CNAME host
                """, Name.of("example.org"), "inline");
        assertThat(records)
                .extracting(r -> r.name().toString())
                .containsExactly("example.org", "host.example.org", "host.example.org", "abs.other");
        assertThat(records.get(1).ttl()).isEqualTo(60); // the previous record's TTL
        assertThat(records.get(3).payload()).isEqualTo(RecordCNAME.of("host.example.org"));
    }

    @Test
    void ttlUnitsCombineAsInBind() {
        assertThat(BindAuthority.parseTtl("1h30m")).isEqualTo(5400);
        assertThat(BindAuthority.parseTtl("2D")).isEqualTo(172800);
        assertThat(BindAuthority.parseTtl("1w")).isEqualTo(604800);
        assertThat(BindAuthority.parseTtl("86400")).isEqualTo(86400);
        assertThatThrownBy(() -> BindAuthority.parseTtl("1x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BindAuthority.parseTtl("h")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformedZonesAreRejectedNamingTheLine() {
        String soa = "@ 60 IN SOA ns admin 1 2 3 4 5\n";
        String[][] cases = {
            {soa + "host A 300.1.1.1\n", "line 2"},
            {soa + "host MX mail\n", "MX needs 2 fields"},
            {soa + "host BOGUS x\n", "unknown record type"},
            {soa + "$INCLUDE other.zone\n", "$INCLUDE"},
            {soa + "host TXT \"open\n", "unterminated quote"},
            {soa + "host A ( 1.2.3.4\n", "unbalanced"},
            {"host 60 A 1.2.3.4\n", "needs an SOA"},
            {soa + "elsewhere. 60 A 1.2.3.4\n", "outside the zone"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> new FileAuthority(BindAuthority.parse(c[0], Name.of("example.org"), "z")))
                    .as(c[0])
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(c[1]);
        }
    }
}
