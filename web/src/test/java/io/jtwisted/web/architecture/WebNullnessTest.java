package io.jtwisted.web.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.testing.NullMarkedPackages;
import io.jtwisted.web.server.Site;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every package of web says in its types what may be null: it is {@code @NullMarked}, so
 * NullAway checks it in every compile, or it is on the list of packages not yet marked. A new
 * package must start marked; a package that becomes marked leaves the list.
 */
class WebNullnessTest {
    private static final Set<String> NOT_YET_MARKED = Set.of("io.jtwisted.web.http", "io.jtwisted.web.staticfiles");

    @Test
    void everyPackageIsNullMarkedOrListedAsNotYet() {
        Set<String> packages = NullMarkedPackages.packagesBeside(Site.class);

        assertThat(packages)
                .contains(
                        "io.jtwisted.web.http",
                        "io.jtwisted.web.iweb",
                        "io.jtwisted.web.resource",
                        "io.jtwisted.web.server",
                        "io.jtwisted.web.staticfiles",
                        "io.jtwisted.web.tap",
                        "io.jtwisted.web.util",
                        "io.jtwisted.web.vhost");
        assertThat(NullMarkedPackages.unmarked(packages))
                .as("packages without @NullMarked in their package-info.java")
                .containsExactlyInAnyOrderElementsOf(NOT_YET_MARKED);
    }
}
