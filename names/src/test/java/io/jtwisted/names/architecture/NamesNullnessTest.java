package io.jtwisted.names.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.names.dns.Message;
import io.jtwisted.testing.NullMarkedPackages;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every package of names says in its types what may be null: it is {@code @NullMarked}, so
 * NullAway checks it in every compile. A new package must start marked.
 */
class NamesNullnessTest {
    @Test
    void everyPackageIsNullMarked() {
        Set<String> packages = NullMarkedPackages.packagesBeside(Message.class);

        assertThat(packages)
                .contains(
                        "io.jtwisted.names.authority",
                        "io.jtwisted.names.cache",
                        "io.jtwisted.names.client",
                        "io.jtwisted.names.common",
                        "io.jtwisted.names.dns",
                        "io.jtwisted.names.error",
                        "io.jtwisted.names.hosts",
                        "io.jtwisted.names.resolve",
                        "io.jtwisted.names.server",
                        "io.jtwisted.names.tap");
        assertThat(NullMarkedPackages.unmarked(packages))
                .as("packages without @NullMarked in their package-info.java")
                .isEmpty();
    }
}
