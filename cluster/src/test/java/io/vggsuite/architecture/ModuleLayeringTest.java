package io.vggsuite.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cluster's packages depend as their {@code package-info.java} says: the schedulers ({@code
 * slurm}, {@code kubernetes}, {@code local}) on {@code io.vggsuite.cluster} and never on each other
 * or on the command line; {@code io.vggsuite.cluster} itself on neither scheduler nor the command line.
 */
class ModuleLayeringTest {

    private static JavaClasses main;

    @BeforeAll
    static void importTheCluster() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.vggsuite.cluster");
    }

    @Test
    void slurmNeverDependsOnKubernetesOrTheCommandLine() {
        noClasses().that().resideInAPackage("io.vggsuite.cluster.slurm..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vggsuite.cluster.kubernetes..",
                        "io.vggsuite.cluster.cli..")
                .check(main);
    }

    @Test
    void kubernetesNeverDependsOnSlurmOrTheCommandLine() {
        noClasses().that().resideInAPackage("io.vggsuite.cluster.kubernetes..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vggsuite.cluster.slurm..",
                        "io.vggsuite.cluster.cli..")
                .check(main);
    }

    @Test
    void theLocalSchedulerNeverDependsOnTheOtherSchedulersOrTheCommandLine() {
        noClasses().that().resideInAPackage("io.vggsuite.cluster.local..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vggsuite.cluster.slurm..",
                        "io.vggsuite.cluster.kubernetes..", "io.vggsuite.cluster.cli..")
                .check(main);
    }

    @Test
    void theGridAndItsJobsKnowNoSchedulerAndNoCommandLine() {
        noClasses().that().resideInAPackage("io.vggsuite.cluster")
                .should().dependOnClassesThat().resideInAnyPackage("io.vggsuite.cluster.slurm..",
                        "io.vggsuite.cluster.kubernetes..", "io.vggsuite.cluster.local..", "io.vggsuite.cluster.cli..")
                .check(main);
    }
}
