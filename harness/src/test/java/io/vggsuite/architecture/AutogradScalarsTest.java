package io.vggsuite.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import ai.djl.ndarray.NDArray;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The rule behind A-LRN's process-to-process difference (docs/determinism.md): DJL's
 * {@code NDArray.mul(Number)}, {@code pow(Number)} and the like wrap the number in an array over a
 * direct buffer and close it as soon as the operation returns, while autograd keeps that array for
 * the backward pass; a garbage collection in between frees its memory, and the backward pass reads
 * whatever is there by then. So what a forward pass computes (the model's blocks, and the step's
 * loss) takes its constants as arrays of a manager that stays open through the backward pass.
 */
class AutogradScalarsTest {

    private static final DescribedPredicate<JavaMethodCall> NUMBER_ARITHMETIC =
            new DescribedPredicate<>("NDArray arithmetic with a java.lang.Number operand") {
                @Override
                public boolean test(JavaMethodCall call) {
                    return call.getTargetOwner().isAssignableTo(NDArray.class)
                            && call.getTarget().getRawParameterTypes().size() == 1
                            && call.getTarget().getRawParameterTypes().get(0).isEquivalentTo(Number.class);
                }
            };

    @Test
    void noForwardPassTakesAConstantAsAJavaNumberThatDjlFreesBeforeTheBackwardPass() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.vggsuite.model", "io.vggsuite.train");
        noClasses().that().resideInAPackage("io.vggsuite.model..").or().haveFullyQualifiedName("io.vggsuite.train.SgdStep")
                .should().callMethodWhere(NUMBER_ARITHMETIC)
                .because("DJL closes the number's array at once while autograd keeps it for the backward pass,"
                        + " so a garbage collection between the two frees memory the backward pass reads"
                        + " (docs/determinism.md); create the constant on a manager open through backward")
                .check(classes);
    }
}
