package io.vggsuite.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The accuracy check depends on the harness's {@code results} package only, as its {@code package-info.java} says. */
class ModuleLayeringTest {

    private static JavaClasses main;

    @BeforeAll
    static void importTheCheck() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.vggsuite.ci");
    }

    @Test
    void theCheckReadsOnlyTheHarnessResults() {
        noClasses().that().resideInAPackage("io.vggsuite.ci..")
                .should().dependOnClassesThat(resideInAPackage("io.vggsuite..")
                        .and(not(resideInAnyPackage("io.vggsuite.ci..", "io.vggsuite.results.."))))
                .check(main);
    }
}
