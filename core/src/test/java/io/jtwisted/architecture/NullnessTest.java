package io.jtwisted.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/**
 * Which of core's packages say in their types what may be null: a package is {@code @NullMarked}
 * (and NullAway checks it in every compile) or it is on the list below of packages not yet
 * annotated. A new package must start marked; a package that becomes marked leaves the list, so the
 * list only shrinks.
 */
class NullnessTest {
    private static final Set<String> NOT_YET_MARKED = Set.of();

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.jtwisted");

    @Test
    void everyPackageIsNullMarkedOrListedAsNotYet() throws ClassNotFoundException {
        Set<String> unmarkedAndUnlisted = new TreeSet<>();
        Set<String> markedButListed = new TreeSet<>();
        for (String name : packages()) {
            boolean marked = isNullMarked(name);
            if (!marked && !NOT_YET_MARKED.contains(name)) {
                unmarkedAndUnlisted.add(name);
            }
            if (marked && NOT_YET_MARKED.contains(name)) {
                markedButListed.add(name);
            }
        }
        assertThat(unmarkedAndUnlisted)
                .as("packages without @NullMarked in their package-info.java")
                .isEmpty();
        assertThat(markedButListed)
                .as("packages now @NullMarked: take them off NOT_YET_MARKED")
                .isEmpty();
    }

    @Test
    void theListNamesOnlyPackagesThatExist() {
        assertThat(packages()).containsAll(NOT_YET_MARKED);
    }

    private static Set<String> packages() {
        Set<String> names = new TreeSet<>();
        for (JavaClass type : CORE) {
            if (!type.getSimpleName().equals("package-info")) {
                names.add(type.getPackageName());
            }
        }
        return names;
    }

    private static boolean isNullMarked(String packageName) throws ClassNotFoundException {
        try {
            return Class.forName(packageName + ".package-info").isAnnotationPresent(NullMarked.class);
        } catch (ClassNotFoundException noPackageInfo) {
            return false;
        }
    }
}
