package io.vggsuite.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vggsuite.ablation.AblationPlan;
import io.vggsuite.ablation.Budget;
import io.vggsuite.ablation.BudgetPlan;
import io.vggsuite.claims.DeclaredClaims;
import io.vggsuite.eval.CentreCropValidation;
import io.vggsuite.model.VggConfig;
import io.vggsuite.results.RunStatus;
import io.vggsuite.train.DataCatalog;
import io.vggsuite.train.RunProvenance;
import io.vggsuite.train.RunSpec;
import io.vggsuite.train.RunTrainer;
import io.vggsuite.train.TrainedRun;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The imagenet budget starts, plans and trains at the paper's scale on a tiny fake ImageFolder. */
class ImagenetBudgetTest {

    private static final int CLASSES = 3;

    @TempDir
    Path folder;

    @Test
    @DisplayName("the imagenet budget plans the paper's grid and runs a few iterations of net A at 224")
    void startsPlansAndRunsAFewIterations() throws IOException {
        writeImageFolder(folder.resolve("ilsvrc"));
        Budget budget = Budget.named("imagenet", folder.resolve("ilsvrc").toString());
        assertEquals(224, budget.crop());
        assertEquals(1.0, budget.width());
        assertEquals(256, budget.batchSize());

        DataCatalog data = new DataCatalog();
        DataCatalog.Loaded images = data.load(budget.data().withValidationImages(2));
        AblationPlan plan = new AblationPlan(budget.withData(budget.data().withValidationImages(2)),
                images.train().classes().size(), images.train().channels(), 1);
        String printed = new BudgetPlan(budget, List.of(plan), DeclaredClaims::runs, images.train().size())
                .describe(folder.resolve("r"));
        assertTrue(printed.contains("budget imagenet") && printed.contains("estimated training time"), printed);
        assertEquals(16, plan.all().size(), printed);

        // A few iterations of the real net at the real crop; only the batch is cut to fit the fake data.
        RunSpec netA = plan.run(VggConfig.A, AblationPlan.S256);
        RunSpec fewIterations = netA.withRecipe(netA.recipe().withBatchSize(2).withMaxEpochs(1));
        TrainedRun run = RunTrainer.into(folder.resolve("results"), data, CentreCropValidation.INSTANCE)
                .withProvenance(RunProvenance.forBudget("imagenet"))
                .train(fewIterations);
        assertEquals(RunStatus.COMPLETE, run.folder().status());
        assertEquals(1, run.folder().epochs().size());
        assertEquals(224, run.spec().model().cropSize());
        assertEquals(CLASSES, run.spec().model().numClasses());
    }

    /** Three classes of noise images larger than the crop, of two aspect ratios, as JPEGs. */
    private static void writeImageFolder(Path root) throws IOException {
        Random random = new Random(3);
        for (String split : List.of("train", "test")) {
            for (int c = 0; c < CLASSES; c++) {
                Path dir = Files.createDirectories(root.resolve(split).resolve("n0000000" + c));
                for (int i = 0; i < (split.equals("train") ? 4 : 2); i++) {
                    BufferedImage image = new BufferedImage(260 + 40 * (i % 2), 256, BufferedImage.TYPE_INT_RGB);
                    for (int y = 0; y < image.getHeight(); y++) {
                        for (int x = 0; x < image.getWidth(); x++) {
                            image.setRGB(x, y, random.nextInt(1 << 24));
                        }
                    }
                    ImageIO.write(image, "jpg", dir.resolve(i + ".JPEG").toFile());
                }
            }
        }
    }
}
