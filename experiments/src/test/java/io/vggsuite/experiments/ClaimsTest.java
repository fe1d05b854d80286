package io.vggsuite.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.claims.ClaimDeclaration;
import io.vggsuite.claims.ClaimJudge;
import io.vggsuite.claims.ClaimVerdicts;
import io.vggsuite.claims.DeclaredClaims;
import io.vggsuite.claims.Judgement;
import io.vggsuite.results.ArmRecord;
import io.vggsuite.results.ClaimRecord;
import io.vggsuite.results.ResultsRoot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A verdict on every declared claim ({@link DeclaredClaims#all()}: the paper's twelve and any other
 * {@code ClaimSet} listed in the main resources), from the same trained runs as the tables. A claim that does
 * not reproduce is recorded as such in claims.csv; it fails no test (no budget declares a claim as
 * expected to hold until it has been measured to). After the last claim, Holm's correction across
 * each family of them (the paper's; the ablations beyond it) decides the verdicts, claims.csv gets
 * one row per declared claim, "not run" where this session judged none, and arms.csv one row per
 * measured side of a judged claim's comparisons (the report's tables for the ablations beyond the
 * paper).
 */
@PaperExperiment
@Order(7)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("The paper's claims, each with a verdict from our numbers")
class ClaimsTest {

    private Ablation ablation;

    static Stream<Arguments> declared() {
        return DeclaredClaims.all().stream()
                .map(c -> Arguments.of(Named.of(c.id() + ". " + c.sentence() + " [" + c.kind().label() + "]", c)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("declared")
    void isMeasuredOnTheRunsItDeclares(ClaimDeclaration claim, Ablation session, TestReporter reporter) {
        ablation = session;
        Judgement judged = new ClaimJudge(session).judge(claim);
        session.record(judged);
        reporter.publishEntry("claim " + claim.id(), judged.evidence());
        assertEquals(claim, judged.claim());
        assertTrue(judged.decided().isPresent() || !Double.isNaN(judged.test().orElseThrow().pClaim()),
                "claim " + claim.id() + " was measured but its test has no p-value: " + judged);
    }

    @AfterAll
    void writeClaimsCsv() {
        if (ablation == null) {
            return;
        }
        List<ClaimRecord> records = new ArrayList<>(ClaimVerdicts.decide(ablation.judged()));
        Map<Integer, ClaimRecord> byId = records.stream()
                .collect(Collectors.toMap(ClaimRecord::id, Function.identity()));
        for (ClaimDeclaration declared : DeclaredClaims.all()) {
            if (!byId.containsKey(declared.id())) {
                records.add(ClaimVerdicts.notRun(declared, "not judged in this session (its test did not run)"));
            }
        }
        records.sort(Comparator.comparingInt(ClaimRecord::id));
        ResultsRoot root = ResultsRoot.at(ablation.results());
        root.writeClaims(records);
        assertEquals(records, root.claims());
        ClaimJudge judge = new ClaimJudge(ablation);
        List<ArmRecord> arms = ablation.judged().stream().flatMap(j -> judge.arms(j.claim()).stream()).toList();
        root.writeArms(arms);
        assertEquals(arms, root.arms());
    }
}
