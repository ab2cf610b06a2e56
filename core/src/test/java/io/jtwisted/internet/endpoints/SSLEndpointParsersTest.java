package io.jtwisted.internet.endpoints;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internet.testing.MemoryReactor;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors of the {@code ssl:} endpoint strings: every bad description fails with an
 * IllegalArgumentException naming what is wrong, as the other parsers do (the endpoint-string
 * fuzz target found a CA directory that could not be read escaping as an UncheckedIOException).
 */
class SSLEndpointParsersTest {
    @TempDir
    Path temp;

    @Test
    void aClientCADirectoryThatCannotBeReadIsAnIllegalArgument() {
        String missing = temp.resolve("no-such-directory").toString();
        assertThatThrownBy(() -> Endpoints.clientFromString(
                        new MemoryReactor(), "ssl:localhost:443:caCertsDir=" + Endpoints.quoteStringArgument(missing)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read the CA directory " + missing);
    }
}
