package io.jtwisted.web.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package layering of the web module, held in every build: {@code http} (the protocol) below
 * {@code iweb} (what resources see) below {@code resource} below {@code server}, with {@code
 * staticfiles}, {@code util}, {@code vhost} and {@code tap} on top; no cycles; and core only
 * through its API, never its {@code internal} packages.
 */
class WebLayeringTest {
    private static final JavaClasses WEB = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.jtwisted.web");

    @Test
    void noPackageCycles() {
        slices().matching("io.jtwisted.web.(*)..").should().beFreeOfCycles().check(WEB);
    }

    @Test
    void theProtocolKnowsNoResource() {
        noClasses()
                .that()
                .resideInAPackage("io.jtwisted.web.http..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.jtwisted.web.iweb..",
                        "io.jtwisted.web.resource..",
                        "io.jtwisted.web.server..",
                        "io.jtwisted.web.staticfiles..",
                        "io.jtwisted.web.util..",
                        "io.jtwisted.web.vhost..",
                        "io.jtwisted.web.tap..")
                .check(WEB);
    }

    @Test
    void resourcesKnowTheRequestOnlyThroughIRequest() {
        noClasses()
                .that()
                .resideInAnyPackage("io.jtwisted.web.iweb..", "io.jtwisted.web.resource..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.jtwisted.web.server..",
                        "io.jtwisted.web.staticfiles..",
                        "io.jtwisted.web.util..",
                        "io.jtwisted.web.vhost..",
                        "io.jtwisted.web.tap..")
                .check(WEB);
    }

    @Test
    void coreIsUsedThroughItsApiOnly() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.jtwisted.internal..")
                .check(WEB);
    }
}
