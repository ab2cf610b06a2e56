package io.jtwisted.web.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.testing.NullMarkedPackages;
import io.jtwisted.web.server.Site;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every package of web says in its types what may be null: it is {@code @NullMarked}, so NullAway
 * checks it in every compile. A new package must start marked.
 */
class WebNullnessTest {
    @Test
    void everyPackageIsNullMarked() {
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
                .isEmpty();
    }
}
