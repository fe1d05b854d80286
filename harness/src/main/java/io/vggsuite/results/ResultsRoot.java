package io.vggsuite.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A results folder: {@code runs/} (one {@link RunFolder} each), {@code claims.csv} (one {@link
 * ClaimRecord} per declared claim), {@code arms.csv} (one {@link ArmRecord} per side of a claim's
 * comparisons), {@code fusion.csv} (one {@link FusionRecord} per ensemble),
 * {@code protocol.csv} (one {@link DepartureRecord} per departure from the paper's protocol) and
 * {@code report/} (the generated report).
 */
public final class ResultsRoot {

    public static final String CLAIMS_FILE = "claims.csv";
    public static final String FUSION_FILE = "fusion.csv";
    public static final String ARMS_FILE = "arms.csv";
    public static final String PROTOCOL_FILE = "protocol.csv";
    public static final String REPORT_DIR = "report";

    private final Path root;

    private ResultsRoot(Path root) {
        this.root = root;
    }

    public static ResultsRoot at(Path root) {
        return new ResultsRoot(root);
    }

    public Path root() {
        return root;
    }

    public RunFolder run(String runId) {
        return RunFolder.at(root, runId);
    }

    /** Every run folder, sorted by run id; none if there is no {@code runs/} yet. */
    public List<RunFolder> runs() {
        try (Stream<Path> dirs = Files.list(root.resolve(RunFolder.RUNS))) {
            return dirs.filter(Files::isDirectory)
                    .map(d -> d.getFileName().toString())
                    .filter(name -> !name.startsWith("."))
                    .sorted()
                    .map(this::run)
                    .toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root.resolve(RunFolder.RUNS), e);
        }
    }

    public Path reportDir() {
        return root.resolve(REPORT_DIR);
    }

    public Path claimsCsv() {
        return root.resolve(CLAIMS_FILE);
    }

    public Path protocolCsv() {
        return root.resolve(PROTOCOL_FILE);
    }

    /** The protocol the runs of this folder follow, one row per departure from the paper. */
    public void writeProtocol(List<DepartureRecord> departures) {
        CsvTable.write(protocolCsv(), Columns.PROTOCOL, departures, d -> List.of(
                d.topic(), d.paperSays(), d.suiteDoes(), d.why()));
    }

    public List<DepartureRecord> protocol() {
        return CsvTable.read(protocolCsv(), Columns.PROTOCOL, row -> new DepartureRecord(
                row.text(Columns.TOPIC),
                row.text(Columns.PAPER_SAYS),
                row.text(Columns.SUITE_DOES),
                row.text(Columns.WHY)));
    }

    public Path fusionCsv() {
        return root.resolve(FUSION_FILE);
    }

    public void writeClaims(List<ClaimRecord> claims) {
        CsvTable.write(claimsCsv(), Columns.CLAIMS, claims, c -> List.of(
                Integer.toString(c.id()),
                c.claim(),
                c.paperEvidence(),
                c.kind(),
                CsvTable.number(c.paperEffect()),
                CsvTable.number(c.effect()),
                CsvTable.number(c.low()),
                CsvTable.number(c.high()),
                CsvTable.number(c.pHolm()),
                CsvTable.number(c.mde()),
                c.verdict().label(),
                c.ourEvidence(),
                c.cap().orElse("")));
    }

    public List<ClaimRecord> claims() {
        return CsvTable.read(claimsCsv(), Columns.CLAIMS, List.of(Columns.CLAIMS_WITHOUT_CAP), row -> new ClaimRecord(
                row.integer(Columns.CLAIM_ID),
                row.text(Columns.CLAIM),
                row.text(Columns.PAPER_EVIDENCE),
                row.text(Columns.KIND),
                row.number(Columns.PAPER_EFFECT),
                row.number(Columns.EFFECT),
                row.number(Columns.EFFECT_LOW),
                row.number(Columns.EFFECT_HIGH),
                row.number(Columns.P_HOLM),
                row.number(Columns.MDE),
                row.parsed(Columns.VERDICT, Verdict::fromLabel),
                row.has(Columns.CAP)
                        ? Optional.of(row.text(Columns.CAP)).filter(cap -> !cap.isEmpty())
                        : ClaimRecord.legacyCap(row.text(Columns.OUR_EVIDENCE)),
                row.text(Columns.OUR_EVIDENCE)));
    }

    public Path armsCsv() {
        return root.resolve(ARMS_FILE);
    }

    public void writeArms(List<ArmRecord> arms) {
        CsvTable.write(armsCsv(), Columns.ARMS, arms, a -> List.of(
                Integer.toString(a.claimId()),
                a.arm(),
                CsvTable.texts(a.runIds()),
                CsvTable.number(a.top1Error()),
                CsvTable.number(a.top5Error())));
    }

    /** The measured arms of the judged claims; none when no claims test has written them. */
    public List<ArmRecord> arms() {
        return CsvTable.read(armsCsv(), Columns.ARMS, row -> new ArmRecord(
                row.integer(Columns.CLAIM_ID),
                row.text(Columns.ARM),
                row.texts(Columns.RUN_IDS),
                row.number(Columns.TOP1_ERROR),
                row.number(Columns.TOP5_ERROR)));
    }

    public void writeFusion(List<FusionRecord> fusion) {
        CsvTable.write(fusionCsv(), Columns.FUSION, fusion, f -> {
            List<String> cells = new ArrayList<>(List.of(CsvTable.texts(f.members()), f.label()));
            cells.addAll(FinalRecord.cells(f.evaluation()));
            return cells;
        });
    }

    public List<FusionRecord> fusion() {
        return CsvTable.read(fusionCsv(), Columns.FUSION, row -> new FusionRecord(
                row.texts(Columns.MEMBERS), row.text(Columns.LABEL), FinalRecord.from(row)));
    }

    @Override
    public String toString() {
        return "results " + root;
    }
}
