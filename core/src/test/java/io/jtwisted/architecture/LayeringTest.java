package io.jtwisted.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package layering of core, held in every build: API packages define, {@code internal}
 * packages implement, and dependencies point one way.
 *
 * <p>One pair is allowed to refer to each other, as in Twisted: {@code internet.interfaces} names
 * {@code Deferred} (ports and endpoints return one) and {@code Deferred.addTimeout} takes an
 * {@code IReactorTime} and returns through {@code IDelayedCall}. That one dependency of defer on
 * interfaces is ignored by the cycle rule; every other cycle fails it.
 */
class LayeringTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.jtwisted");

    /** Packages of transports: what the select loop must not know. */
    private static final String[] TRANSPORTS = {
        "io.jtwisted.internal.tcp..", "io.jtwisted.internal.udp..", "io.jtwisted.internal.unix..",
        "io.jtwisted.internal.stream..", "io.jtwisted.internal.reactor..", "io.jtwisted.protocols.tls..",
    };

    @Test
    void noPackageCycles() {
        slices().matching("io.jtwisted.(**)")
                .should()
                .beFreeOfCycles()
                .ignoreDependency(
                        JavaClass.Predicates.resideInAPackage("io.jtwisted.internet.defer"),
                        JavaClass.Predicates.resideInAPackage("io.jtwisted.internet.interfaces"))
                .check(CORE);
    }

    @Test
    void nothingOutsideInternalImportsInternal() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.jtwisted.internal..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.jtwisted.internal..")
                .check(CORE);
    }

    @Test
    void theSelectLoopKnowsNoTransport() {
        noClasses()
                .that()
                .resideInAPackage("io.jtwisted.internal.loop..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(TRANSPORTS)
                .check(CORE);
    }

    /** junixsocket is optional: only the UNIX datagram package and the junixsocket bridge (internal.unix.afunix) may load it (see UnixDatagramWithoutJunixsocketTest). */
    @Test
    void onlyTheUnixDatagramAndAfunixPackagesUseJunixsocket() {
        noClasses()
                .that()
                .resideOutsideOfPackages("io.jtwisted.internal.unix.datagram..", "io.jtwisted.internal.unix.afunix..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.newsclub..")
                .check(CORE);
    }

    @Test
    void pythonFailureIsALeaf() {
        noClasses()
                .that()
                .resideInAPackage("io.jtwisted.python.failure..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.jtwisted..")
                .andShould()
                .dependOnClassesThat()
                .resideOutsideOfPackages("io.jtwisted.python.failure..", "java..", "org.jspecify.annotations..")
                .check(CORE);
    }
}
