package io.vggsuite.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The harness's packages depend downward only, as their {@code package-info.java} says: {@code
 * model} and {@code data} on nothing of the suite, {@code results} on those two, {@code train} on
 * the three (never on {@code eval}: validation comes in as a function), {@code eval} on all four,
 * and {@code cli} on everything, with nothing depending on it.
 */
class LayeringTest {

    private static JavaClasses harness;

    @BeforeAll
    static void importTheHarness() {
        harness = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.vggsuite");
    }

    @Test
    void everyPackageDependsOnlyOnThePackagesItsPackageInfoNames() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("model").definedBy("io.vggsuite.model..")
                .layer("data").definedBy("io.vggsuite.data..")
                .layer("results").definedBy("io.vggsuite.results..")
                .layer("train").definedBy("io.vggsuite.train..")
                .layer("eval").definedBy("io.vggsuite.eval..")
                .layer("cli").definedBy("io.vggsuite.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("eval").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("train").mayOnlyBeAccessedByLayers("eval", "cli")
                .whereLayer("results").mayOnlyBeAccessedByLayers("train", "eval", "cli")
                .whereLayer("data").mayOnlyBeAccessedByLayers("results", "train", "eval", "cli")
                .whereLayer("model").mayOnlyBeAccessedByLayers("results", "train", "eval", "cli")
                .check(harness);
    }
}
