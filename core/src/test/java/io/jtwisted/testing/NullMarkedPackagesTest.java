package io.jtwisted.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.logger.Logger;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shared nullness rule sees a marked package as marked and one without package-info as not. */
class NullMarkedPackagesTest {
    @Test
    void findsThePackagesOfTheClassPathEntryThatHoldsTheClass() {
        Set<String> packages = NullMarkedPackages.packagesBeside(Logger.class);

        assertThat(packages)
                .contains("io.jtwisted.logger", "io.jtwisted.python.failure")
                .doesNotContain("io.jtwisted.testing");
    }

    @Test
    void aPackageWithNullMarkedPackageInfoIsMarked() {
        assertThat(NullMarkedPackages.unmarked(Set.of("io.jtwisted.logger"))).isEmpty();
    }

    @Test
    void aPackageWithoutPackageInfoIsUnmarked() {
        Set<String> testPackages = NullMarkedPackages.packagesBeside(NullMarkedPackagesTest.class);

        assertThat(testPackages).contains("io.jtwisted.testing");
        assertThat(NullMarkedPackages.unmarked(testPackages)).contains("io.jtwisted.testing");
    }
}
