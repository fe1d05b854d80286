package io.vggsuite.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks depend as their {@code package-info.java} says: on the harness, and of the
 * experiments on the budgets ({@code ablation}) only; never on the claims, the report, the
 * cluster or the accuracy check, whose work a throughput figure must not include.
 */
class ModuleLayeringTest {

    private static JavaClasses main;

    @BeforeAll
    static void importTheBenchmarks() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.vggsuite.benchmarks");
    }

    @Test
    void theBenchmarksReadTheHarnessAndTheBudgetsOnly() {
        noClasses().that().resideInAPackage("io.vggsuite.benchmarks..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vggsuite.claims..", "io.vggsuite.report..",
                        "io.vggsuite.cluster..", "io.vggsuite.ci..", "io.vggsuite.cli..")
                .check(main);
    }
}
