package io.jtwisted.names.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package layering of the names module, held in every build: {@code dns} (the codec and
 * protocols) below {@code error} below {@code common} below the resolvers ({@code hosts},
 * {@code authority}, {@code cache}, {@code resolve}) below {@code server} and {@code client}, with
 * {@code tap} on top; no cycles; core only through its API.
 */
class NamesLayeringTest {
    private static final JavaClasses NAMES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.jtwisted.names");

    private static final String[] ABOVE_DNS = {
        "io.jtwisted.names.error..",
        "io.jtwisted.names.common..",
        "io.jtwisted.names.hosts..",
        "io.jtwisted.names.authority..",
        "io.jtwisted.names.cache..",
        "io.jtwisted.names.resolve..",
        "io.jtwisted.names.server..",
        "io.jtwisted.names.client..",
        "io.jtwisted.names.tap.."
    };

    @Test
    void noPackageCycles() {
        slices().matching("io.jtwisted.names.(*)..").should().beFreeOfCycles().check(NAMES);
    }

    @Test
    void theCodecKnowsNoResolver() {
        noClasses()
                .that()
                .resideInAPackage("io.jtwisted.names.dns..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(ABOVE_DNS)
                .check(NAMES);
    }

    @Test
    void resolversKnowNeitherServerNorClientNorPlugin() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.jtwisted.names.common..",
                        "io.jtwisted.names.hosts..",
                        "io.jtwisted.names.authority..",
                        "io.jtwisted.names.cache..",
                        "io.jtwisted.names.resolve..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.jtwisted.names.server..", "io.jtwisted.names.client..", "io.jtwisted.names.tap..")
                .check(NAMES);
    }

    @Test
    void onlyThePluginKnowsThePlugin() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.jtwisted.names.tap..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.jtwisted.names.tap..")
                .check(NAMES);
    }

    @Test
    void coreIsUsedThroughItsApiOnly() {
        noClasses()
                .that()
                .resideInAPackage("io.jtwisted.names..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.jtwisted.internal..")
                .check(NAMES);
    }
}
