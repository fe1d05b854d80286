package io.vggsuite.claims;

import io.vggsuite.model.VggConfig;
import io.vggsuite.data.TrainScale;
import io.vggsuite.results.EvalMethod;
import java.util.List;

/** One side of a comparison: what is measured, once per seed, on the budget's test images. */
public sealed interface Arm {

    /** How the evidence names it: "D [256;512] dense Q {256,384,512}". */
    String label();

    /** The runs it reads: its own, or its members'. */
    List<RunSelector> runs();

    /** The evaluations it is made of: itself, or its members. */
    List<Evaluated> evaluated();

    /** One run evaluated by one method at the paper's test scales. */
    record Evaluated(String label, RunSelector run, EvalMethod method, List<Integer> testScales) implements Arm {
        public Evaluated {
            testScales = List.copyOf(testScales);
        }

        @Override
        public List<RunSelector> runs() {
            return List.of(run);
        }

        @Override
        public List<Evaluated> evaluated() {
            return List.of(this);
        }
    }

    /** An ensemble: the members' posteriors averaged (Section 4.4). */
    record Fused(String label, List<Evaluated> members) implements Arm {
        public Fused {
            members = List.copyOf(members);
            if (members.size() < 2) {
                throw new IllegalArgumentException("a fusion needs two or more members, got " + members.size());
            }
        }

        @Override
        public List<RunSelector> runs() {
            return members.stream().map(Evaluated::run).toList();
        }

        @Override
        public List<Evaluated> evaluated() {
            return members;
        }
    }

    /** {@code config} trained at {@code scale}, dense evaluation at the test scales {@code q}. */
    static Evaluated dense(String label, VggConfig config, TrainScale scale, List<Integer> q) {
        return new Evaluated(label, new RunSelector.Trained(config, scale), EvalMethod.DENSE, q);
    }
}
