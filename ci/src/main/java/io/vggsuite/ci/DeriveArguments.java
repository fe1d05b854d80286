package io.vggsuite.ci;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments of {@code ci/baseline derive}, in either of its two forms:
 *
 * <pre>
 * BUDGET RERUN_RESULTS|none MESSAGE --sample LABEL RESULTS [--sample LABEL RESULTS ...] [--leave-out-bimodal]
 * BUDGET SEEDS_RESULTS RERUN_RESULTS|none MESSAGE [--leave-out-bimodal]
 * </pre>
 *
 * The first names every results folder with the perturbation it ran under; a label and a folder are
 * two arguments, since both may hold '=' ({@code --sample threads=1,isa=AVX2 /tmp/w/threads=1,isa=AVX2/smoke}).
 * The second, the form from before perturbations, is one folder under {@link Sample#DEFAULT_PERTURBATION}.
 *
 * @param samples the results folders in order; the first is the reference the rerun repeats
 * @param rerun the same-machine rerun of the reference's first seed, if one was run
 * @param leaveOutBimodal whether a metric whose samples split into two clusters is left out of the
 *     bands and named in the provenance ({@link #LEAVE_OUT_BIMODAL}) instead of refusing the whole
 *     derivation: a decision the developer takes on seeing the refusal, recorded with the baseline
 */
record DeriveArguments(String budget, List<PerturbedResults> samples, Optional<Path> rerun, String message,
        boolean leaveOutBimodal) {

    static final String SAMPLE_OPTION = "--sample";
    static final String LEAVE_OUT_BIMODAL = "--leave-out-bimodal";

    /** The results folder of one perturbation: every seed in it is a sample under that perturbation. */
    record PerturbedResults(String perturbation, Path results) {}

    DeriveArguments {
        samples = List.copyOf(samples);
    }

    /** @param args what follows {@code derive} */
    static DeriveArguments parse(List<String> args) {
        List<String> positional = new ArrayList<>();
        List<PerturbedResults> samples = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        boolean leaveOutBimodal = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals(SAMPLE_OPTION)) {
                if (i + 2 >= args.size()) {
                    throw new IllegalArgumentException(SAMPLE_OPTION + " takes two arguments, a label and a results folder");
                }
                String label = args.get(i + 1);
                if (label.isBlank() || label.startsWith("--")) {
                    throw new IllegalArgumentException(SAMPLE_OPTION + " needs a perturbation label, got '" + label + "'");
                }
                if (!labels.add(label)) {
                    throw new IllegalArgumentException("perturbation '" + label + "' is named twice");
                }
                samples.add(new PerturbedResults(label, Path.of(args.get(i + 2))));
                i += 2;
            } else if (arg.equals(LEAVE_OUT_BIMODAL)) {
                leaveOutBimodal = true;
            } else if (arg.startsWith("--")) {
                throw new IllegalArgumentException("unknown option '" + arg + "'");
            } else {
                positional.add(arg);
            }
        }
        if (samples.isEmpty()) {
            if (positional.size() != 4) {
                throw new IllegalArgumentException("derive takes BUDGET SEEDS_RESULTS RERUN_RESULTS|none MESSAGE, or "
                        + "BUDGET RERUN_RESULTS|none MESSAGE and a " + SAMPLE_OPTION + " per results folder; got "
                        + positional.size() + " arguments");
            }
            samples.add(new PerturbedResults(Sample.DEFAULT_PERTURBATION, Path.of(positional.get(1))));
            positional.remove(1);
        } else if (positional.size() != 3) {
            throw new IllegalArgumentException("with " + SAMPLE_OPTION + ", derive takes BUDGET RERUN_RESULTS|none"
                    + " MESSAGE besides; got " + positional.size() + " arguments: " + positional);
        }
        String message = positional.get(2);
        if (message.isBlank()) {
            throw new IllegalArgumentException("a message saying why the baseline changes is required");
        }
        String rerun = positional.get(1);
        return new DeriveArguments(positional.get(0), samples,
                BaselineMain.NO_RERUN.equals(rerun) ? Optional.empty() : Optional.of(Path.of(rerun)), message,
                leaveOutBimodal);
    }
}
