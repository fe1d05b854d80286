package io.vggsuite.ci;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.data.TrainScale;
import io.vggsuite.eval.CentreCropValidation;
import io.vggsuite.eval.FinalEvaluation;
import io.vggsuite.model.Initialisation;
import io.vggsuite.model.VggConfig;
import io.vggsuite.model.VggSpec;
import io.vggsuite.results.EvalMethod;
import io.vggsuite.results.ResultsRoot;
import io.vggsuite.train.DataCatalog;
import io.vggsuite.train.DataSpec;
import io.vggsuite.train.LearningRateSchedule;
import io.vggsuite.train.Recipe;
import io.vggsuite.train.RunProvenance;
import io.vggsuite.train.RunSpec;
import io.vggsuite.train.RunTrainer;
import io.vggsuite.train.Start;
import io.vggsuite.train.TrainedRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check against real training: bands derived from ten seeds of net A on a slice of CIFAR-10
 * let an eleventh seed through; the same-machine band stops a learning rate ten times lower, the
 * cross-machine band one a hundred times lower. Such short runs spread so much between seeds (the
 * final loss by ~0.03, top-1 error by ~4 points) that a band which a new machine passes cannot
 * tell a tenfold lower learning rate from another seed; ten seeds make it 5.0 standard deviations
 * wide each side (five would make it 9.4).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliberateRegressionTest {

    private static final int SEEDS = 10;

    private static final DataSpec DATA = DataSpec.of(DataSpec.CIFAR10).withTrainImages(4000).withValidationImages(500)
            .withTestImages(1000).withSplitSeed(11);

    @TempDir
    static Path results;

    private final DataCatalog data = new DataCatalog();
    private Baseline baseline;

    private static RunSpec netA(long seed, float learningRate) {
        Recipe recipe = Recipe.paper().withBatchSize(32).withLearningRate(learningRate).withMaxEpochs(4)
                .withSchedule(new LearningRateSchedule.Milestones(List.of()));
        return RunSpec.builder().data(DATA)
                .model(VggSpec.of(VggConfig.A).withClasses(10).withWidth(0.125).withCrop(32))
                .paperScale(TrainScale.fixed(256)).start(new Start.FromScratch(Initialisation.GLOROT)).recipe(recipe)
                .seed(seed).build();
    }

    private Map<String, Double> metrics(String folder, RunSpec spec) throws IOException {
        Path root = results.resolve(folder);
        TrainedRun run = RunTrainer.into(root, data, CentreCropValidation.INSTANCE)
                .withProvenance(RunProvenance.forBudget("regression-test"))
                .train(spec);
        new FinalEvaluation(data).evaluate(run, EvalMethod.DENSE, List.of(256));
        return BaselineMain.firstSeed(root);
    }

    @BeforeAll
    void deriveBandsFromTenSeeds() throws IOException {
        SortedMap<Long, SortedMap<String, Double>> bySeed = new TreeMap<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            bySeed.put(seed, new TreeMap<>(metrics("seed" + seed, netA(seed, 1e-2f))));
        }
        Map<String, Double> rerun = metrics("rerun", netA(1, 1e-2f));
        baseline = new Baseline(Tolerances.derive(bySeed, rerun), new java.util.Properties());
        assertTrue(ResultsRoot.at(results.resolve("seed1")).runs().size() == 1);
    }

    @Test
    @DisplayName("a reseeded run falls within the cross-machine band")
    void aReseededRunPasses() throws IOException {
        RegressionCheck.Outcome outcome = RegressionCheck.compare(baseline, metrics("seed" + (SEEDS + 1), netA(SEEDS + 1, 1e-2f)),
                Baseline.Band.CROSS_MACHINE);
        assertTrue(outcome.passed(), outcome::table);
    }

    @Test
    @DisplayName("a rerun of the first seed on this machine falls within the same-machine band")
    void aSameMachineRerunPassesTheTightBand() throws IOException {
        RegressionCheck.Outcome outcome = RegressionCheck.compare(baseline, metrics("seed1-again", netA(1, 1e-2f)),
                Baseline.Band.SAME_MACHINE);
        assertTrue(outcome.passed(), outcome::table);
    }

    @Test
    @DisplayName("a learning rate ten times lower fails the same-machine band, and the table names the metric")
    void aTenTimesLowerLearningRateFailsOnTheSameMachine() throws IOException {
        assertCaught(RegressionCheck.compare(baseline, metrics("slow", netA(1, 1e-3f)), Baseline.Band.SAME_MACHINE));
    }

    @Test
    @DisplayName("a learning rate a hundred times lower fails the cross-machine band")
    void aHundredTimesLowerLearningRateFailsOnAnyMachine(TestReporter reporter) throws IOException {
        RegressionCheck.Outcome outcome = RegressionCheck.compare(baseline, metrics("slower", netA(1, 1e-4f)),
                Baseline.Band.CROSS_MACHINE);
        reporter.publishEntry("learning rate 10⁻⁴ against cross-machine bands from 10⁻²", "\n" + outcome.table());
        assertCaught(outcome);
    }

    private static void assertCaught(RegressionCheck.Outcome outcome) {
        assertFalse(outcome.passed(), outcome::table);
        for (RegressionCheck.Line failure : outcome.failures()) {
            assertTrue(outcome.table().contains(failure.metric() + " "), outcome::table);
        }
        assertTrue(outcome.table().contains("OUT OF BAND"));
    }
}
