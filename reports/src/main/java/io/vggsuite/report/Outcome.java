package io.vggsuite.report;

import io.vggsuite.report.render.Document.Cell;
import io.vggsuite.report.render.Document.Ref;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The "ours" cells of one table row: test scales, top-1 and top-5, each the mean ± std over the
 * seeds that produced a number. What has no number says why: "not run" (no run for this row),
 * "diverged" (every run diverged), "—" (runs exist but have not produced this number yet).
 */
record Outcome(Cell testScales, Cell top1, Cell top5) {

    /**
     * @param observations the numbers, one per run or ensemble
     * @param diverged runs for this row that diverged
     * @param pending runs for this row with no number yet (running, stopped, not evaluated this way)
     */
    static Outcome of(List<Observation> observations, List<Ref> diverged, List<Ref> pending) {
        if (observations.isEmpty() && diverged.isEmpty() && pending.isEmpty()) {
            Cell notRun = Cell.missing(Formats.NOT_RUN);
            return new Outcome(notRun, notRun, notRun);
        }
        Set<String> scales = new LinkedHashSet<>();
        observations.forEach(o -> scales.add(Formats.scales(o.testScales())));
        Cell q = scales.isEmpty()
                ? Cell.missing(Formats.NOT_MEASURED)
                : Cell.of(String.join(" / ", scales));
        return new Outcome(q,
                metric(observations, Observation::top1Error, diverged, pending),
                metric(observations, Observation::top5Error, diverged, pending));
    }

    private static Cell metric(
            List<Observation> observations, ToDoubleFunction<Observation> metric, List<Ref> diverged, List<Ref> pending) {
        List<Double> values = new ArrayList<>();
        List<Ref> refs = new ArrayList<>();
        for (Observation o : observations) {
            double value = metric.applyAsDouble(o);
            if (!Double.isNaN(value)) {
                values.add(value);
                refs.addAll(o.refs());
            }
        }
        if (values.isEmpty()) {
            boolean allDiverged = !diverged.isEmpty() && observations.isEmpty() && pending.isEmpty();
            List<Ref> why = new ArrayList<>(diverged);
            why.addAll(pending);
            observations.forEach(o -> why.addAll(o.refs()));
            return new Cell(allDiverged ? Formats.DIVERGED : Formats.NOT_MEASURED, true, distinct(why), Optional.empty());
        }
        String text = Formats.meanStd(values);
        if (!diverged.isEmpty()) {
            text += "; " + diverged.size() + " " + Formats.DIVERGED;
            refs.addAll(diverged);
        }
        return Cell.withRefs(text, distinct(refs));
    }

    private static List<Ref> distinct(List<Ref> refs) {
        return List.copyOf(new LinkedHashSet<>(refs));
    }
}
