package io.vggsuite.report;

import io.vggsuite.model.VggSpec;
import io.vggsuite.report.render.Document.Ref;
import io.vggsuite.results.Divergence;
import io.vggsuite.results.EpochRecord;
import io.vggsuite.results.FinalRecord;
import io.vggsuite.results.Provenance;
import io.vggsuite.results.ProvenanceKeys;
import io.vggsuite.results.ResultsFileException;
import io.vggsuite.results.RunFolder;
import io.vggsuite.results.RunKey;
import io.vggsuite.results.RunStatus;
import java.util.List;
import java.util.Optional;

/**
 * One run as the report sees it: everything read from its folder once, and the reference number
 * its cells link to. Which table row a run stands for comes from its {@link RunKey} (written by the
 * trainer), never from its id or provenance labels; the provenance is shown, not parsed. A run whose files cannot be read keeps the reason and no numbers, so one damaged
 * folder does not hide the others.
 *
 * @param number 1-based, in run id order: the "r3" of the report
 * @param key what the run is; empty for a folder without {@code key.csv}, which no table shows
 * @param problem why the run's files could not be read, if they could not
 */
record RunInfo(
        RunFolder folder,
        int number,
        Optional<RunKey> key,
        Provenance provenance,
        RunStatus status,
        Optional<Divergence> divergence,
        List<FinalRecord> finals,
        List<EpochRecord> epochs,
        Optional<String> problem) {

    static RunInfo read(RunFolder folder, int number) {
        try {
            return new RunInfo(folder, number, folder.key(),
                    folder.provenance().orElse(Provenance.builder().build()),
                    folder.status(), folder.divergence(), folder.finals(), folder.epochs(), Optional.empty());
        } catch (ResultsFileException e) {
            return new RunInfo(folder, number, Optional.empty(), Provenance.builder().build(), RunStatus.RUNNING, Optional.empty(),
                    List.of(), List.of(), Optional.of(e.getMessage()));
        }
    }

    String runId() {
        return folder.runId();
    }

    /** The net as the paper names it ("B-5×5"), with its normalisation if any ("D-BN": in no paper row). */
    Optional<String> config() {
        return key.map(RunKey::netName);
    }

    /** The paper's training scale this run stands for, as the paper prints it: "256", "[256;512]". */
    Optional<String> paperTrainScale() {
        return key.map(RunKey::paperScaleLabel);
    }

    /** Our training scale, printed like the paper's: "37", "[37;73]". */
    String trainScale() {
        return key.map(k -> k.trainScale().label()).orElse("?");
    }

    /** The start as the paper's rows name it: "glorot", "paper-normal", "warm-start-A", "fine-tune". */
    String init() {
        return key.map(RunKey::start).orElse(ProvenanceKeys.UNKNOWN);
    }

    /**
     * The scale the run's numbers are at, e.g. "CIFAR-10, crop 32, width 1/4": crop and width from
     * the key; the dataset as the loaded images name themselves (the provenance), else the key's id.
     */
    String scale() {
        String dataset = provenance.get(ProvenanceKeys.DATASET)
                .or(() -> key.map(k -> k.data().dataset()))
                .orElse("unknown dataset");
        String crop = key.map(k -> ", crop " + k.crop()).orElse("");
        String width = key.stream()
                .mapToDouble(RunKey::width)
                .filter(w -> w != 1.0)
                .mapToObj(w -> ", width " + VggSpec.widthLabel(w))
                .findFirst()
                .orElse("");
        return dataset + crop + width;
    }

    String label() {
        return "r" + number;
    }

    String anchor() {
        return "run-" + number;
    }

    /** The link a cell gets: the folder, commit and device on hover, the runs table on click. */
    Ref ref() {
        String commit = provenance.get(ProvenanceKeys.GIT_COMMIT)
                .map(c -> c.length() > 10 ? c.substring(0, 10) : c)
                .orElse(ProvenanceKeys.UNKNOWN);
        String dirty = provenance.get(ProvenanceKeys.GIT_DIRTY).filter("true"::equals).map(d -> "+dirty").orElse("");
        String device = provenance.get(ProvenanceKeys.DEVICE).orElse("device unknown");
        return new Ref(anchor(), label(), RunFolder.RUNS + "/" + runId() + " · commit " + commit + dirty + " · " + device);
    }
}
