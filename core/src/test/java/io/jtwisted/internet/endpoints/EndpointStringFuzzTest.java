package io.jtwisted.internet.endpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jtwisted.internet.testing.MemoryReactor;
import org.junit.jupiter.api.Test;

/**
 * Fuzz targets for the endpoint-string parser. Invariants:
 *
 * <ul>
 *   <li>{@code serverFromString} / {@code clientFromString} either return an endpoint or throw an
 *       {@link IllegalArgumentException} with a message; no other exception escapes, and parsing
 *       alone neither listens nor connects.
 *   <li>{@link Endpoints#quoteStringArgument} is read back exactly: any string quoted as a
 *       keyword argument's value parses to itself.
 * </ul>
 *
 * <p>The committed inputs under {@code EndpointStringFuzzTestInputs/} run with every test run;
 * {@code benchmarks/fuzz EndpointStringFuzzTest#serverFromString 1800} fuzzes one for a while.
 */
class EndpointStringFuzzTest {
    @SuppressWarnings("try") // the resources are the allowances themselves; the body need not use them
    private static void parsesOrRefusesClearly(boolean server, String description) {
        MemoryReactor reactor = new MemoryReactor();
        // Parsing an ssl: description reads the certificate and key files it names, as Twisted's
        // parser does; which file a fuzzed string names is not a finding, so Jazzer's
        // path-traversal detector has no target and allows every path while parsing.
        try (SilentCloseable noTarget = BugDetectors.setFilePathTraversalTarget(() -> null);
                SilentCloseable anyPathMayBeRead = BugDetectors.setFilePathTraversalAllowPath(path -> true)) {
            Object endpoint = server
                    ? Endpoints.serverFromString(reactor, description)
                    : Endpoints.clientFromString(reactor, description);
            assertThat(endpoint).as("the endpoint for %s", description).isNotNull();
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage())
                    .as("why '%s' was refused", description)
                    .isNotBlank();
        }
        assertThat(reactor.tcpServers()).as("parsing listened").isEmpty();
        assertThat(reactor.tcpClients()).as("parsing connected").isEmpty();
    }

    /** Found by the fuzzer: "tcp999=9" has keyword arguments only, hence no type. */
    @Test
    void aDescriptionWithoutATypeIsRefusedWithAClearMessage() {
        MemoryReactor reactor = new MemoryReactor();
        assertThatThrownBy(() -> Endpoints.serverFromString(reactor, "tcp999=9"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must start with the endpoint type");
        assertThatThrownBy(() -> Endpoints.clientFromString(reactor, "port=80"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must start with the endpoint type");
    }

    @Test
    void aReactorWithoutWhatTheEndpointNeedsIsRefusedByName() {
        io.jtwisted.internet.task.Clock onlyTime = new io.jtwisted.internet.task.Clock();
        assertThatThrownBy(() -> Endpoints.serverFromString(onlyTime, "tcp:8080"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not provide IReactorTCP");
    }

    @FuzzTest(maxDuration = "10s")
    void serverFromString(FuzzedDataProvider data) {
        parsesOrRefusesClearly(true, data.consumeRemainingAsString());
    }

    @FuzzTest(maxDuration = "10s")
    void clientFromString(FuzzedDataProvider data) {
        parsesOrRefusesClearly(false, data.consumeRemainingAsString());
    }

    @FuzzTest(maxDuration = "10s")
    void quotedArgumentReadsBack(FuzzedDataProvider data) {
        String value = data.consumeRemainingAsString();
        Descriptions.Parsed parsed = Descriptions.parse("tcp:key=" + Endpoints.quoteStringArgument(value));
        assertThat(parsed.args()).containsExactly("tcp");
        assertThat(parsed.kwargs()).containsExactly(java.util.Map.entry("key", value));
    }
}
