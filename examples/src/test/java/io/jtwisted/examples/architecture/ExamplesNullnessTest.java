package io.jtwisted.examples.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.examples.Example;
import io.jtwisted.testing.NullMarkedPackages;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every package of the examples says in its types what may be null: it is {@code @NullMarked}, so
 * NullAway checks the examples as it checks the modules they show, and an example a user copies
 * into a marked package of their own compiles there as it stands. A new package must start marked.
 */
class ExamplesNullnessTest {
    @Test
    void everyPackageIsNullMarked() {
        Set<String> packages = NullMarkedPackages.packagesBeside(Example.class);

        assertThat(packages)
                .contains(
                        "io.jtwisted.examples",
                        "io.jtwisted.examples.application",
                        "io.jtwisted.examples.deferred",
                        "io.jtwisted.examples.deploy",
                        "io.jtwisted.examples.logging",
                        "io.jtwisted.examples.process",
                        "io.jtwisted.examples.protocols",
                        "io.jtwisted.examples.scheduling",
                        "io.jtwisted.examples.tcp",
                        "io.jtwisted.examples.tls",
                        "io.jtwisted.examples.udp",
                        "io.jtwisted.examples.unix",
                        "my");
        assertThat(NullMarkedPackages.unmarked(packages))
                .as("packages without @NullMarked in their package-info.java")
                .isEmpty();
    }
}
