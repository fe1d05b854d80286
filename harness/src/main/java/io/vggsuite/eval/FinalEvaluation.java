package io.vggsuite.eval;

import ai.djl.ndarray.NDManager;
import io.vggsuite.data.ScaleMapping;
import io.vggsuite.data.TestViews;
import io.vggsuite.model.VggNet;
import io.vggsuite.results.EvalMethod;
import io.vggsuite.results.FinalRecord;
import io.vggsuite.results.Predictions;
import io.vggsuite.results.ProvenanceKeys;
import io.vggsuite.results.RunFolder;
import io.vggsuite.results.RunLock;
import io.vggsuite.train.DataCatalog;
import io.vggsuite.train.Devices;
import io.vggsuite.train.ProcessMemory;
import io.vggsuite.train.TrainedRun;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Test-set evaluations of trained runs, each computed once: the posteriors are kept in the run
 * folder (fusion and the paired tests need them) and the errors become a row of its final.csv.
 * The most resident memory an evaluation of the run needed goes into its provenance
 * ({@link ProvenanceKeys#PEAK_RSS_MIB_EVALUATION}) beside the training's, so that a job that
 * evaluates a run can request what it needs.
 */
public final class FinalEvaluation {

    private final DataCatalog data;
    private final DensePadding densePadding;

    /** Dense evaluation in the paper's form ({@link DensePadding#NEIGHBOURS}). */
    public FinalEvaluation(DataCatalog data) {
        this(data, DensePadding.NEIGHBOURS);
    }

    private FinalEvaluation(DataCatalog data, DensePadding densePadding) {
        this.data = data;
        this.densePadding = densePadding;
    }

    /**
     * The same, its dense windows padded as {@code padding} says. The two forms keep their
     * posteriors under different names, so neither is ever read back as the other.
     */
    public FinalEvaluation withDensePadding(DensePadding padding) {
        return new FinalEvaluation(data, Objects.requireNonNull(padding, "padding"));
    }

    /**
     * The posteriors of {@code run} on its test images under {@code method} at the paper's test
     * scales {@code paperScales} (mapped to the run's crop size, Section 4 via ScaleMapping).
     */
    public Scores evaluate(TrainedRun run, EvalMethod method, List<Integer> paperScales) throws IOException {
        RunFolder folder = run.folder();
        String name = predictionsName(method, paperScales, densePadding);
        ScaleMapping mapping = ScaleMapping.forCrop(run.spec().model().cropSize());
        List<Integer> scales = paperScales.stream().map(mapping::map).toList();
        Optional<Predictions> kept = folder.predictions(name);
        Scores scores;
        OptionalLong peakResident = OptionalLong.empty();
        if (kept.isPresent()) {
            scores = new Scores(kept.get().labels(), kept.get().probabilities());
        } else if (!method.averaged().isEmpty()) {
            // The average of its parts (Section 4.3): each is kept, so nothing is recomputed.
            List<Scores> parts = new ArrayList<>();
            for (EvalMethod part : method.averaged()) {
                parts.add(evaluate(run, part, paperScales));
            }
            scores = Scores.average(parts);
        } else {
            ProcessMemory.resetPeak();
            scores = compute(run, Protocol.of(method, scales, densePadding));
            peakResident = ProcessMemory.now().peakResidentBytes();
        }
        FinalRecord row = new FinalRecord(method, scales, List.copyOf(paperScales), scores.top1Error(),
                scores.top5Error(), scores.images());
        // Kept posteriors are not enough: a process killed between writing them and final.csv
        // left no row, so the row is written whenever it is missing.
        boolean otherForm = includesDense(method) && !denseFormRecorded(folder);
        if (kept.isPresent() && folder.finals().contains(row) && !otherForm) {
            return scores;
        }
        try (RunLock lock = folder.lock()) {
            if (kept.isEmpty()) {
                folder.writePredictions(name, scores.labels(), scores.probabilities());
            }
            List<FinalRecord> rows = new ArrayList<>(folder.finals());
            if (otherForm) {
                // One provenance key names the form of every dense row, so a change of form drops
                // the rows of the other one (their posteriors stay under their own names); the
                // ablation recomputes those it still asks for.
                rows.removeIf(r -> includesDense(r.method()));
                folder.amendProvenance(p -> p.with(ProvenanceKeys.DENSE_EVALUATION, densePadding.provenance()));
            }
            rows.removeIf(r -> r.method() == method && r.paperTestScales().equals(paperScales));
            rows.add(row);
            folder.writeFinal(rows);
            peakResident.ifPresent(bytes -> recordPeak(folder, ProcessMemory.mebibytes(bytes)));
        }
        return scores;
    }

    private static boolean includesDense(EvalMethod method) {
        return method == EvalMethod.DENSE || method.averaged().contains(EvalMethod.DENSE);
    }

    /**
     * Whether the run's provenance names this evaluation's dense form; a run whose dense rows were
     * computed before {@link ProvenanceKeys#DENSE_EVALUATION} existed names none, so it is the other form.
     */
    private boolean denseFormRecorded(RunFolder folder) {
        return folder.provenance().flatMap(p -> p.get(ProvenanceKeys.DENSE_EVALUATION))
                .filter(densePadding.provenance()::equals).isPresent();
    }

    /** Keeps the largest evaluation peak of the run; written under the run's lock. */
    private static void recordPeak(RunFolder folder, long mib) {
        folder.amendProvenance(provenance -> provenance.getLong(ProvenanceKeys.PEAK_RSS_MIB_EVALUATION).orElse(0) < mib
                ? provenance.with(ProvenanceKeys.PEAK_RSS_MIB_EVALUATION, Long.toString(mib))
                : provenance);
    }

    private Scores compute(TrainedRun run, Protocol protocol) throws IOException {
        DataCatalog.Loaded images = data.load(run.spec().data());
        try (NDManager manager = NDManager.newBaseManager(Devices.primary())) {
            VggNet net = run.load(manager);
            int perPass = protocol.imagesPerPass(run.spec().model().cropSize());
            TestViews views = new TestViews(images.test(), images.preprocessing(), run.spec().model().cropSize());
            return new Evaluator(net, manager, views, perPass).evaluate(protocol, 0, images.test().size());
        }
    }

    /** The name of the kept posteriors of {@code method} at {@code paperScales}, dense in the paper's form. */
    public static String predictionsName(EvalMethod method, List<Integer> paperScales) {
        return predictionsName(method, paperScales, DensePadding.NEIGHBOURS);
    }

    /**
     * The same with dense windows padded as {@code padding} says: "-windows" after the method's id
     * for the posteriors that include dense windows run alone (dense-windows-Q384).
     */
    public static String predictionsName(EvalMethod method, List<Integer> paperScales, DensePadding padding) {
        boolean windows = padding == DensePadding.ZEROS
                && (method == EvalMethod.DENSE || method.averaged().contains(EvalMethod.DENSE));
        return method.id().replace('+', '-') + (windows ? "-windows" : "") + "-Q" + paperScales.stream()
                .map(String::valueOf).collect(Collectors.joining("_"));
    }
}
