package io.jtwisted.trial.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.testing.NullMarkedPackages;
import io.jtwisted.trial.Trial;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every package of trial says in its types what may be null: it is {@code @NullMarked}, so
 * NullAway checks it in every compile. A new package must start marked.
 */
class TrialNullnessTest {
    @Test
    void everyPackageIsNullMarked() {
        Set<String> packages = NullMarkedPackages.packagesBeside(Trial.class);

        assertThat(packages).contains("io.jtwisted.trial", "io.jtwisted.trial.unittest");
        assertThat(NullMarkedPackages.unmarked(packages))
                .as("packages without @NullMarked in their package-info.java")
                .isEmpty();
    }
}
