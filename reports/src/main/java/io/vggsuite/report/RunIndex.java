package io.vggsuite.report;

import io.vggsuite.report.render.Document.Ref;
import io.vggsuite.results.ClaimRecord;
import io.vggsuite.results.FinalRecord;
import io.vggsuite.results.ResultsRoot;
import io.vggsuite.results.RunFolder;
import io.vggsuite.results.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every run of a results folder, and which of them stand for a row of the paper's tables.
 *
 * <p>A row is a configuration and a paper training scale. The paper trained each row one way
 * (Section 3.1): A from N(0, 10⁻²), deeper nets warm-started from A, S = 384 and jittered S
 * fine-tuned. Where a row was trained several ways (the initialisation study), the tables use the
 * way the paper's claims compared (arms.csv, written from the budget's plan), and before the claims
 * are judged the first of {@link #PROTOCOL_ORDER} present, chosen before looking at any result; the
 * others appear in the initialisation study and the runs table only. So a budget that starts a row
 * another way (the converged budget's B-5×5 from Glorot) shows in its tables the run its claims
 * judged.
 */
final class RunIndex {

    /** The paper's protocol first: warm start, fine-tuning, A's N(0, 10⁻²), then Glorot. */
    // Glorot before N(0, 10⁻²): at CIFAR scale the budgets train A with Glorot (the paper's own
    // alternative) and keep the N(0, 10⁻²) A for the initialisation study only.
    static final List<String> PROTOCOL_ORDER = List.of("warm-start-A", "fine-tune", "glorot", "paper-normal");

    /** The scale label when there are no runs at all, so the tables still show what is missing. */
    static final String NO_RUNS = "ours (no runs yet)";

    private final List<RunInfo> runs;
    /** The runs the paper's claims compare (arms.csv); empty before the claims were judged. */
    private final Set<String> paperArmRuns;

    private RunIndex(List<RunInfo> runs, Set<String> paperArmRuns) {
        this.runs = List.copyOf(runs);
        this.paperArmRuns = Set.copyOf(paperArmRuns);
    }

    static RunIndex read(ResultsRoot root) {
        List<RunInfo> runs = new ArrayList<>();
        for (RunFolder folder : root.runs()) {
            runs.add(RunInfo.read(folder, runs.size() + 1));
        }
        Set<String> paperArmRuns = root.arms().stream()
                .filter(arm -> !ClaimRecord.beyondThePaper(arm.claimId()))
                .flatMap(arm -> arm.runIds().stream())
                .collect(Collectors.toSet());
        return new RunIndex(runs, paperArmRuns);
    }

    List<RunInfo> all() {
        return runs;
    }

    Optional<RunInfo> byId(String runId) {
        return runs.stream().filter(r -> r.runId().equals(runId)).findFirst();
    }

    /** The scales our runs are at, sorted; one column group per scale in every table. */
    List<String> scales() {
        List<String> scales = runs.stream()
                .filter(r -> r.config().isPresent())
                .map(RunInfo::scale)
                .distinct()
                .sorted()
                .toList();
        return scales.isEmpty() ? List.of(NO_RUNS) : scales;
    }

    /**
     * The scales the paper's tables show: those at which the paper's claims were judged. An
     * ablation beyond the paper at another scale (claim 102's nets at twice the width) has its own
     * table under "Beyond the paper" and would otherwise add a column group of "not run" cells to
     * every paper table. Before the claims are judged (no arms.csv), every scale.
     */
    List<String> paperScales() {
        if (paperArmRuns.isEmpty()) {
            return scales();
        }
        List<String> scales = runs.stream()
                .filter(r -> r.config().isPresent())
                .filter(r -> paperArmRuns.contains(r.runId()))
                .map(RunInfo::scale)
                .distinct()
                .sorted()
                .toList();
        return scales.isEmpty() ? scales() : scales;
    }

    /** Every run of one configuration, paper training scale and scale, whatever its init. */
    List<RunInfo> runsFor(String config, String paperTrainScale, String scale) {
        return runs.stream()
                .filter(r -> r.config().filter(config::equals).isPresent())
                .filter(r -> r.paperTrainScale().filter(paperTrainScale::equals).isPresent())
                .filter(r -> r.scale().equals(scale))
                .toList();
    }

    /**
     * The runs that stand for a paper row: those of the init the paper's claims compared, else of
     * the first init in {@link #PROTOCOL_ORDER} present.
     */
    List<RunInfo> protocolRuns(String config, String paperTrainScale, String scale) {
        List<RunInfo> candidates = runsFor(config, paperTrainScale, scale);
        List<RunInfo> judged = candidates.stream().filter(r -> paperArmRuns.contains(r.runId())).toList();
        String init = protocolInit(judged.isEmpty() ? candidates : judged);
        return candidates.stream().filter(r -> r.init().equals(init)).toList();
    }

    static String protocolInit(List<RunInfo> candidates) {
        for (String init : PROTOCOL_ORDER) {
            if (candidates.stream().anyMatch(r -> r.init().equals(init))) {
                return init;
            }
        }
        return candidates.stream().map(RunInfo::init).sorted().findFirst().orElse("");
    }

    /** Runs grouped by init, for rows trained more than one way. */
    static Map<String, List<RunInfo>> byInit(List<RunInfo> runs) {
        Map<String, List<RunInfo>> groups = new TreeMap<>();
        runs.forEach(r -> groups.computeIfAbsent(r.init(), k -> new ArrayList<>()).add(r));
        return groups;
    }

    /** Our cells for one row: each run's final record picked by {@code pick}, mean ± std over seeds. */
    static Outcome outcome(List<RunInfo> runs, Function<RunInfo, Optional<FinalRecord>> pick) {
        List<Observation> observations = new ArrayList<>();
        List<Ref> diverged = new ArrayList<>();
        List<Ref> pending = new ArrayList<>();
        for (RunInfo run : runs) {
            Optional<FinalRecord> record = pick.apply(run);
            if (run.status() == RunStatus.DIVERGED) {
                diverged.add(run.ref());
            } else if (record.isPresent()) {
                FinalRecord r = record.get();
                observations.add(new Observation(List.of(run.ref()), r.testScales(), r.top1Error(), r.top5Error()));
            } else {
                pending.add(run.ref());
            }
        }
        return Outcome.of(observations, diverged, pending);
    }

    /** A picker: the run's final record of this method at exactly these paper test scales. */
    static Function<RunInfo, Optional<FinalRecord>> finalAt(String methodId, List<Integer> paperTestScales) {
        return run -> run.finals().stream()
                .filter(f -> f.method().id().equals(methodId))
                .filter(f -> f.paperTestScales().equals(paperTestScales))
                .reduce((first, later) -> later);
    }
}
