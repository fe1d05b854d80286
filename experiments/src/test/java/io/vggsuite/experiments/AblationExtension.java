package io.vggsuite.experiments;

import io.vggsuite.ablation.AblationPlan;
import io.vggsuite.ablation.AblationSettings;
import io.vggsuite.ablation.Budget;
import io.vggsuite.ablation.BudgetPlan;
import io.vggsuite.ablation.Departure;
import io.vggsuite.claims.DeclaredClaims;
import io.vggsuite.claims.PowerForecast;
import io.vggsuite.eval.CentreCropValidation;
import io.vggsuite.results.ResultsRoot;
import io.vggsuite.results.SeedSpreads;
import io.vggsuite.train.DataCatalog;
import io.vggsuite.train.Progress;
import io.vggsuite.train.RunProvenance;
import io.vggsuite.train.RunTrainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives every experiment the one {@link Ablation} of the test session: the budget named by
 * {@code -Dablation.budget} (default smoke), its results folder ({@code -Dablation.results}, by
 * default {@code results/<budget>} at the project root; smoke uses a fresh folder under target,
 * emptied first unless {@code -Dablation.keepResults=true}),
 * and the runs trained so far. It lives in the root store, so all experiment classes share it.
 */
final class AblationExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AblationExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Ablation.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Ablation.class, key -> create(), Ablation.class);
    }

    private static Ablation create() {
        AblationSettings settings = AblationSettings.fromSystemProperties();
        Budget budget = settings.budget();
        Path results = resultsFolder(settings);
        // The protocol every run of this folder follows, for the report's protocol section.
        ResultsRoot.at(results).writeProtocol(Departure.at(budget));
        DataCatalog data = new DataCatalog();
        DataCatalog.Loaded images = data.load(budget.data());
        List<AblationPlan> plans = new ArrayList<>();
        for (long seed : budget.seeds()) {
            plans.add(new AblationPlan(budget, images.train().classes().size(), images.train().channels(), seed));
        }
        Progress progress = Progress.forEnvironment();
        Optional<SeedSpreads> spreads = SeedSpreads.read(settings.baseline());
        // Seeds already in the folder (a budget continued seed by seed) give measured per-seed gaps.
        PowerForecast power = new PowerForecast(plans.size(), images.test().size(), spreads,
                PowerForecast.NoisePrior.ASSUMED).withMeasuredSeeds(PowerForecast.MeasuredSeeds.in(ResultsRoot.at(results)));
        progress.note(new BudgetPlan(budget, plans, DeclaredClaims::runs, images.train().size()).describe(results)
                + power.describe(power.forecast(DeclaredClaims.all(), plans.get(0))));
        RunTrainer trainer = RunTrainer.into(results, data, CentreCropValidation.INSTANCE)
                .withProvenance(RunProvenance.forBudget(budget.name()))
                .withProgress(progress);
        return new Ablation(budget, results, data, trainer, plans, spreads);
    }

    private static Path resultsFolder(AblationSettings settings) {
        // -Dablation.keepResults=true: the folder was filled elsewhere (a cluster's jobs, see the
        // cluster module's finishing step) and only evaluation, claims and report remain to do.
        if (settings.budget().freshResults() && !settings.keepResults()) {
            deleteRecursively(settings.results());
        }
        return settings.results();
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty the smoke results folder " + dir, e);
        }
    }
}
