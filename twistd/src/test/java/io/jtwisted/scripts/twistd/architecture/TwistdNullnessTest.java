package io.jtwisted.scripts.twistd.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.scripts.twistd.Twistd;
import io.jtwisted.testing.NullMarkedPackages;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every package of twistd says in its types what may be null: it is {@code @NullMarked}, so
 * NullAway checks it in every compile. A new package must start marked.
 */
class TwistdNullnessTest {
    @Test
    void everyPackageIsNullMarked() {
        Set<String> packages = NullMarkedPackages.packagesBeside(Twistd.class);

        assertThat(packages).contains("io.jtwisted.scripts.twistd");
        assertThat(NullMarkedPackages.unmarked(packages))
                .as("packages without @NullMarked in their package-info.java")
                .isEmpty();
    }
}
