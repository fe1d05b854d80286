package io.vggsuite.ablation;

import io.vggsuite.model.VggSpec;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One change to every net of the paper's protocol, for an ablation beyond the paper: {@link
 * AblationPlan#under} applies it to each net the plan builds, so a warm start or fine-tune under
 * a variant starts from the parent under the same variant (D-BN is warm-started from A-BN, never
 * from A).
 *
 * @param name how tables and evidence name it ("BN", "width ×2")
 * @param change what it does to a net of the budget
 */
public record Variant(String name, UnaryOperator<VggSpec> change) {

    public Variant {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(change, "change");
    }

    /** The net of the budget, changed. */
    public VggSpec apply(VggSpec budgetNet) {
        return change.apply(budgetNet);
    }

    @Override
    public String toString() {
        return name;
    }
}
