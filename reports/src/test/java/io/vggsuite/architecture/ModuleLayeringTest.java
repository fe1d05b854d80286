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

/**
 * The report's packages depend as their {@code package-info.java} says: the report on the
 * harness's {@code results} and {@code model}, and on {@code data} for the values a run's key holds
 * ({@code TrainScale}); never on training, evaluation, the command line or the experiments; {@code render}, {@code plot} and {@code paper} on nothing of the suite
 * but themselves.
 */
class ModuleLayeringTest {

    private static JavaClasses main;

    @BeforeAll
    static void importTheReport() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.vggsuite.report");
    }

    @Test
    void theReportReadsOnlyTheHarnessResultsModelAndDataValues() {
        noClasses().that().resideInAPackage("io.vggsuite.report..")
                .should().dependOnClassesThat(resideInAPackage("io.vggsuite..")
                        .and(not(resideInAnyPackage("io.vggsuite.report..", "io.vggsuite.results..",
                                "io.vggsuite.model..", "io.vggsuite.data.."))))
                .check(main);
    }

    @Test
    void renderPlotAndPaperKnowNothingOfTheSuiteButThemselves() {
        for (String own : new String[] {"io.vggsuite.report.render..", "io.vggsuite.report.plot..",
                "io.vggsuite.report.paper.."}) {
            noClasses().that().resideInAPackage(own)
                    .should().dependOnClassesThat(resideInAPackage("io.vggsuite..").and(not(resideInAPackage(own))))
                    .check(main);
        }
    }
}
