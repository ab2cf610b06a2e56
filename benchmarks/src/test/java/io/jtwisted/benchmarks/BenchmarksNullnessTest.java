package io.jtwisted.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.benchmarks.echo.EchoBenchmark;
import io.jtwisted.testing.NullMarkedPackages;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every package of the benchmarks says in its types what may be null: it is {@code @NullMarked}, so
 * NullAway checks the benchmarks and their peer servers as it checks the modules they measure. JMH's
 * generated {@code jmh_generated} packages are not ours and are left out. A new package must start
 * marked.
 */
class BenchmarksNullnessTest {
    @Test
    void everyPackageIsNullMarked() {
        Set<String> packages = NullMarkedPackages.packagesBeside(EchoBenchmark.class).stream()
                .filter(name -> !name.endsWith(".jmh_generated"))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(packages)
                .contains(
                        "io.jtwisted.benchmarks.deferred",
                        "io.jtwisted.benchmarks.dns",
                        "io.jtwisted.benchmarks.echo",
                        "io.jtwisted.benchmarks.protocols",
                        "io.jtwisted.benchmarks.reactor",
                        "io.jtwisted.benchmarks.reliability",
                        "io.jtwisted.benchmarks.storm",
                        "io.jtwisted.benchmarks.tls",
                        "io.jtwisted.benchmarks.udp",
                        "io.jtwisted.benchmarks.unix",
                        "io.jtwisted.benchmarks.web");
        assertThat(NullMarkedPackages.unmarked(packages))
                .as("packages without @NullMarked in their package-info.java")
                .isEmpty();
    }
}
