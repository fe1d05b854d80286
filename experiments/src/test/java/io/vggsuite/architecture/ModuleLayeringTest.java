package io.vggsuite.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The experiments' packages depend as their {@code package-info.java} says: {@code ablation} (the
 * plan) on the harness only, {@code claims} on the harness and {@code ablation}; neither on the
 * harness's command line or on the report, which the experiments' tests drive.
 */
class ModuleLayeringTest {

    private static JavaClasses main;

    @BeforeAll
    static void importTheExperimentsMainCode() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.vggsuite.ablation", "io.vggsuite.claims");
    }

    @Test
    void thePlanNeverDependsOnTheClaims() {
        noClasses().that().resideInAPackage("io.vggsuite.ablation..")
                .should().dependOnClassesThat().resideInAPackage("io.vggsuite.claims..").check(main);
    }

    @Test
    void planAndClaimsNeverDependOnTheCommandLineOrTheReport() {
        noClasses().that().resideInAnyPackage("io.vggsuite.ablation..", "io.vggsuite.claims..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vggsuite.cli..", "io.vggsuite.report..")
                .check(main);
    }
}
